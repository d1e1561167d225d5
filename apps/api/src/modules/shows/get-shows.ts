import type { Show } from '@holdfast/contracts';
import type { Queryable } from '../../platform/db.js';
import { showNotFound } from './shows.errors.js';
import { findShows, listShows } from './shows.repository.js';

export const getShows = (deps: { db: Queryable }): Promise<Show[]> => listShows(deps.db);

export async function getShow(deps: { db: Queryable }, id: number): Promise<Show> {
  const [show] = await findShows(deps.db, [id]);
  if (!show) throw showNotFound();
  return show;
}

/** The shows that still exist among `ids`, as they stand now; deleted ones are absent. */
export const getShowsByIds = (deps: { db: Queryable }, ids: number[]): Promise<Show[]> => findShows(deps.db, ids);
