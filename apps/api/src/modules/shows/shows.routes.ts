import { endpoints } from '@holdfast/contracts';
import type { Db } from '../../platform/db.js';
import type { DomainEvents } from '../../platform/events.js';
import type { Mount } from '../../platform/routing.js';
import { parsePathId } from '../../platform/validate.js';
import { createShow } from './create-show.js';
import { deleteShow } from './delete-show.js';
import { getShow, getShows } from './get-shows.js';
import { showNotFound } from './shows.errors.js';
import { updateShow } from './update-show.js';

/** A path id naming a show; one that cannot name anything is simply not found. */
export const parseShowId = (params: Record<string, string>) => parsePathId(params.id, showNotFound);

export function mountShowRoutes(mount: Mount, deps: { db: Db; events: DomainEvents }) {
  mount(endpoints.listShows, () => getShows(deps));
  mount(endpoints.getShow, ({ params }) => getShow(deps, parseShowId(params)));
  mount(endpoints.createShow, ({ body }) => createShow(deps, body));
  mount(endpoints.updateShow, ({ params, body }) => updateShow(deps, parseShowId(params), body));
  mount(endpoints.deleteShow, ({ params }) => deleteShow(deps, parseShowId(params)));
}
