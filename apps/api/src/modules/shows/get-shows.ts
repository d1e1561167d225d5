import type { ListShowsQuery, Show } from '@holdfast/contracts';
import type { Queryable } from '../../platform/db.js';
import { decodeCursor, encodeCursor } from './show-cursor.js';
import { showNotFound } from './shows.errors.js';
import { findShows, listShowPage, NOW, type ShowWindow } from './shows.repository.js';

export interface ShowPage {
  shows: Show[];
  /** The cursor of the next page, when there is one. */
  next?: string;
}

/**
 * A page of the show list. Where the window is not given it walks away from now: upcoming shows soonest first,
 * or (order desc) shows that have started, most recent first. One row more than asked says whether a next
 * page exists without a count.
 */
export async function getShowPage(deps: { db: Queryable }, query: ListShowsQuery): Promise<ShowPage> {
  const window: ShowWindow = {
    from: query.from ?? (query.order === 'asc' ? NOW : undefined),
    to: query.to ?? (query.order === 'desc' ? NOW : undefined),
    order: query.order,
    after: query.after === undefined ? undefined : decodeCursor(query.after),
    limit: query.limit + 1,
  };
  const rows = await listShowPage(deps.db, window);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    shows: page.map(({ startMicros: _startMicros, ...show }) => show),
    next: rows.length > query.limit && last ? encodeCursor({ startMicros: last.startMicros, id: last.id }) : undefined,
  };
}

export async function getShow(deps: { db: Queryable }, id: number): Promise<Show> {
  const [show] = await findShows(deps.db, [id]);
  if (!show) throw showNotFound();
  return show;
}

/** The shows that still exist among `ids`, as they stand now; deleted ones are absent. */
export const getShowsByIds = (deps: { db: Queryable }, ids: number[]): Promise<Show[]> => findShows(deps.db, ids);
