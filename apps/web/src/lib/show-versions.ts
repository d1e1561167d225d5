import { DELETED_SHOW_VERSION, type Show, type ShowAvailability } from '@holdfast/contracts';

type Known = Pick<ShowAvailability, 'version' | 'totalSlots' | 'availableSlots' | 'deleted' | 'name' | 'startTime'>;

/**
 * The newest state seen of each show, from any source: a live update or a read. Reads may come from a lagging
 * replica and live updates from several API instances, so an answer can arrive after a newer one; the show's
 * version says which is newer, and the newer always wins, so a count never goes backwards on screen.
 */
const newest = new Map<number, Known>();

const remember = (id: number, known: Known) => {
  const seen = newest.get(id);
  if (!seen || known.version > seen.version) newest.set(id, known);
};

/** The live updates that are not older than what the page already showed; the rest are dropped. */
export function freshUpdates(updates: ShowAvailability[]): ShowAvailability[] {
  const fresh = updates.filter((update) => update.version >= (newest.get(update.id)?.version ?? 0));
  for (const update of fresh) remember(update.id, update);
  return fresh;
}

/** A show as read, unless a newer state of it was already seen: then its counts and version are those. */
export function freshestShow(show: Show): Show {
  remember(show.id, show);
  const seen = newest.get(show.id)!;
  if (seen.version <= show.version || seen.deleted) return show;
  const { totalSlots, availableSlots, version, name = show.name, startTime = show.startTime } = seen;
  // A live update names the show as it then was, so a lagging read does not bring back an edited name or time.
  return { ...show, name, startTime, totalSlots, availableSlots, version };
}

/** A list as read: a show already announced deleted is dropped, since a lagging replica may still list it. */
export const freshestShows = (shows: Show[]): Show[] =>
  shows.filter((show) => newest.get(show.id)?.deleted !== true).map(freshestShow);

/** A show this tab deleted: no later read may bring it back, even one from a replica that has not seen it go. */
export const rememberDeleted = (id: number) =>
  remember(id, { totalSlots: 0, availableSlots: 0, version: DELETED_SHOW_VERSION, deleted: true });
