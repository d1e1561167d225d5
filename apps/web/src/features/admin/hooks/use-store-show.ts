import type { Show } from '@holdfast/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '@/lib/query-keys';

/** The socket also announces these changes; writing the answer into the cache makes our own tab instant. */
export function useStoreShow() {
  const queryClient = useQueryClient();
  return (show: Show) => {
    queryClient.setQueryData(queryKeys.shows.detail(show.id), show);
    void queryClient.invalidateQueries({ queryKey: queryKeys.shows.lists() });
  };
}
