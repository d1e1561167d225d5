// The shows module's public face. Show rows are read and locked only through these.
export { createShow } from './create-show.js';
export { getShow, getShowPage, getShowsByIds } from './get-shows.js';
export { mountShowRoutes, parseShowId } from './shows.routes.js';
export { showNotFound } from './shows.errors.js';
export { findSeriesShows, insertSeriesShows, lockShows, releaseSlots, type LockedShow } from './shows.repository.js';
export { deleteShowRows } from './shows.repository.js';
