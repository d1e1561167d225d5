import type { Show } from '@holdfast/contracts';
import { localDateKey } from '@/lib/format';

export interface ShowFilter {
  search: string;
  /** `yyyy-mm-dd` in the viewer's zone, or empty for any day. */
  date: string;
}

export function filterShows(shows: Show[], { search, date }: ShowFilter): Show[] {
  const needle = search.trim().toLocaleLowerCase();
  return shows.filter(
    (show) =>
      (!needle || show.name.toLocaleLowerCase().includes(needle)) && (!date || localDateKey(show.startTime) === date),
  );
}
