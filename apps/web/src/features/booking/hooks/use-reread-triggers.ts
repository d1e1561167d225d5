import { hashKey, useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent } from 'react';
import { queryKeys } from '@/lib/query-keys';

export type RereadCause = 'focus' | 'show-updated';

/** Everyone's bookings move a show's counts; one re-read per second at most is plenty. */
const SHOW_UPDATE_GAP_MS = 1_000;

/**
 * Tells the booking flow when what it shows may have changed elsewhere: this tab came back into view
 * (another tab may have confirmed or cancelled), or the show changed live. Live changes arrive through
 * the query cache, which the live-shows hook writes from `showsUpdated`.
 */
export function useRereadTriggers(showId: number, reread: (cause: RereadCause) => void) {
  const queryClient = useQueryClient();
  const notify = useEffectEvent(reread);

  useEffect(() => {
    const onFocus = () => notify('focus');
    const onVisibility = () => {
      if (document.visibilityState === 'visible') notify('focus');
    };
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);

  useEffect(() => {
    const showHash = hashKey(queryKeys.shows.detail(showId));
    let lastRun = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      // Only live writes (setQueryData), not our own refetches of the show.
      if (event.type !== 'updated' || event.action.type !== 'success' || !event.action.manual) return;
      if (event.query.queryHash !== showHash || timer !== undefined) return;
      timer = setTimeout(
        () => {
          timer = undefined;
          lastRun = Date.now();
          notify('show-updated');
        },
        Math.max(0, lastRun + SHOW_UPDATE_GAP_MS - Date.now()),
      );
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [queryClient, showId]);
}
