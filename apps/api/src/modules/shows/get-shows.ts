import type { Show } from '@holdfast/contracts';
import type { Queryable } from '../../platform/db.js';
import { showNotFound } from './shows.errors.js';
import { findShow, listShows } from './shows.repository.js';

export const getShows = (deps: { db: Queryable }): Promise<Show[]> => listShows(deps.db);

export async function getShow(deps: { db: Queryable }, id: number): Promise<Show> {
  const show = await findShow(deps.db, id);
  if (!show) throw showNotFound();
  return show;
}
