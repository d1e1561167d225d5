import type { Show, ShowAvailability } from '@holdfast/contracts';

/** The part of a list's query that decides which shows belong in it (GET /shows's from, to and order). */
export interface ListWindow {
  from?: string;
  to?: string;
  order?: 'asc' | 'desc';
}

/** A loaded page: its shows, and whether the server has a page after it. */
interface Page {
  shows: Show[];
  next?: unknown;
}

/**
 * Merges a `showsUpdated` batch into the loaded pages of one list, without asking the server: counts change in
 * place, deleted shows go, and a new or moved show is placed where the server would list it, if that is within
 * the window and among the pages loaded so far (beyond them, it comes with a later page, as the server sends it).
 */
export function applyAvailability<P extends Page>(
  pages: P[],
  updates: ShowAvailability[],
  window: ListWindow,
  now = Date.now(),
): P[] {
  const order = window.order ?? 'asc';
  const from = window.from ? Date.parse(window.from) : order === 'asc' ? now : -Infinity;
  const to = window.to ? Date.parse(window.to) : order === 'desc' ? now : Infinity;
  const direction = order === 'asc' ? 1 : -1;
  const compare = (a: Show, b: Show) => direction * (Date.parse(a.startTime) - Date.parse(b.startTime) || a.id - b.id);
  const result = pages.map((page) => ({ ...page, shows: [...page.shows] }));

  const remove = (id: number) => {
    for (const page of result) {
      const index = page.shows.findIndex((show) => show.id === id);
      if (index >= 0) return page.shows.splice(index, 1)[0];
    }
    return undefined;
  };
  const place = (show: Show) => {
    const start = Date.parse(show.startTime);
    if (start < from || start >= to || result.length === 0) return;
    const last = result.at(-1)!;
    const lastShow = result.flatMap((page) => page.shows).at(-1);
    if (last.next !== undefined && lastShow && compare(show, lastShow) > 0) return;
    const page = result.find((candidate) => candidate.shows.some((s) => compare(show, s) < 0)) ?? last;
    const index = page.shows.findIndex((s) => compare(show, s) < 0);
    page.shows.splice(index < 0 ? page.shows.length : index, 0, show);
  };

  for (const update of updates) {
    const known = remove(update.id);
    if (update.deleted) continue;
    const { id, totalSlots, availableSlots, version } = update;
    const name = update.name ?? known?.name;
    const startTime = update.startTime ?? known?.startTime;
    // A show this list never had, named without its time, cannot be placed: it is not among the loaded pages.
    if (name === undefined || startTime === undefined) continue;
    const timeZone = update.timeZone ?? known?.timeZone ?? 'UTC';
    const seriesId = update.seriesId ?? known?.seriesId ?? null;
    // null is a cleared place; only a missing one keeps what the list knew.
    const location = update.location !== undefined ? update.location : (known?.location ?? null);
    place({ id, name, startTime, totalSlots, availableSlots, version, timeZone, seriesId, location });
  }
  return result;
}
