import { MAX_WATCHED_SHOWS, type WatchShows } from '@holdfast/contracts';

/** What one screen wants to hear: some shows, or every change. */
export type ShowWatch = readonly number[] | 'all';

const watches = new Set<{ showIds: ShowWatch }>();
const listeners = new Set<() => void>();

/**
 * The screens' wishes, combined. The tab has one socket, so it hears the union of what every mounted screen
 * asked for; one screen asking for everything (or nobody asking) means everything, as does a union longer than
 * the server accepts. Answers what `watchShows` should send.
 */
export function watchedShows(): WatchShows {
  if (watches.size === 0) return null;
  const union = new Set<number>();
  for (const { showIds } of watches) {
    if (showIds === 'all') return null;
    for (const id of showIds) union.add(id);
  }
  return union.size > MAX_WATCHED_SHOWS ? null : [...union].sort((a, b) => a - b);
}

/** Adds one screen's wish; the answer withdraws it. */
export function addShowWatch(showIds: ShowWatch): () => void {
  const watch = { showIds };
  watches.add(watch);
  notify();
  return () => {
    watches.delete(watch);
    notify();
  };
}

export function onShowWatchesChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify() {
  for (const listener of listeners) listener();
}
