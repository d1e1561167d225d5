import type { Show } from '@holdfast/contracts';
import { useQueryClient } from '@tanstack/react-query';
import type { ShowPages } from '@/api/get-shows';
import { applyAvailability, type ListWindow } from '@/lib/apply-availability';
import { queryKeys } from '@/lib/query-keys';
import { freshUpdates } from '@/lib/show-versions';

/**
 * The socket also announces these changes; writing the answer into the cache makes our own tab instant. The
 * answer is placed in the loaded lists as a live update is, not refetched: public reads may come from a lagging
 * replica (ADR 0016), whose list could still lack the show just created or show it as it was before the edit.
 */
export function useStoreShow() {
  const queryClient = useQueryClient();
  return (show: Show) => {
    queryClient.setQueryData(queryKeys.shows.detail(show.id), show);
    const updates = freshUpdates([show]);
    for (const [key, data] of queryClient.getQueriesData<ShowPages>({ queryKey: queryKeys.shows.lists() })) {
      if (!data) continue;
      const window = (key[2] ?? {}) as ListWindow;
      queryClient.setQueryData<ShowPages>(key, { ...data, pages: applyAvailability(data.pages, updates, window) });
    }
  };
}
