import { useEffect } from 'react';
import { addShowWatch, type ShowWatch } from '@/lib/show-watches';

/**
 * Narrows what this tab hears live to `showIds` while the calling screen is mounted (`'all'`: every change).
 * Screens that call it combine into their union; the live-shows hook tells the server, again after each
 * reconnect. Pass the ids on screen: a show that is not watched keeps its cached counts until the next refetch.
 */
export function useWatchedShows(showIds: ShowWatch): void {
  // A new array each render must not re-register: the wish is its sorted ids.
  const key = showIds === 'all' ? 'all' : [...new Set(showIds)].sort((a, b) => a - b).join(',');
  useEffect(() => {
    const ids = key === 'all' ? 'all' : key === '' ? [] : key.split(',').map(Number);
    return addShowWatch(ids);
  }, [key]);
}
