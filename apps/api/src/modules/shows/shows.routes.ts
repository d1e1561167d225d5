import { endpoints } from '@holdfast/contracts';
import type { Db } from '../../platform/db.js';
import type { DomainEvents } from '../../platform/events.js';
import type { Mount } from '../../platform/routing.js';
import { parsePathId } from '../../platform/validate.js';
import { listShowBookings } from '../bookings/list-show-bookings.js';
import { createShow } from './create-show.js';
import { deleteShow } from './delete-show.js';
import { getShow, getShows } from './get-shows.js';
import { showNotFound } from './shows.errors.js';
import { updateShow } from './update-show.js';

export function mountShowRoutes(mount: Mount, deps: { db: Db; events: DomainEvents }) {
  const showId = (params: Record<string, string>) => parsePathId(params.id, showNotFound);
  mount(endpoints.listShows, () => getShows(deps));
  mount(endpoints.getShow, ({ params }) => getShow(deps, showId(params)));
  mount(endpoints.createShow, ({ body }) => createShow(deps, body));
  mount(endpoints.updateShow, ({ params, body }) => updateShow(deps, showId(params), body));
  mount(endpoints.deleteShow, ({ params }) => deleteShow(deps, showId(params)));
  mount(endpoints.listShowBookings, ({ params }) => listShowBookings(deps, showId(params)));
}
