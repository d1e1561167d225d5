import type { Show } from '@holdfast/contracts';
import type { ShowWindow } from '@/api/get-shows';

export interface ShowFilter {
  search: string;
  /** `yyyy-mm-dd` in the viewer's zone, or empty for any day. */
  date: string;
}

/**
 * What the server is asked for: a day, from the viewer's midnight to the next (a day may be 23 or 25 hours),
 * or by default the shows that have not started.
 */
export function windowOf({ date }: ShowFilter): ShowWindow {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!day) return {};
  const [year, month, dayOfMonth] = day.slice(1).map(Number) as [number, number, number];
  return {
    from: new Date(year, month - 1, dayOfMonth).toISOString(),
    to: new Date(year, month - 1, dayOfMonth + 1).toISOString(),
  };
}

/** The name search runs over the shows loaded so far; the date is the server's business (windowOf). */
export function filterShows(shows: Show[], { search }: ShowFilter): Show[] {
  const needle = search.trim().toLocaleLowerCase();
  return needle ? shows.filter((show) => show.name.toLocaleLowerCase().includes(needle)) : shows;
}
