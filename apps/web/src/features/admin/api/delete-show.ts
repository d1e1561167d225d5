import { showEndpoints } from '@holdfast/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { rememberDeleted } from '@/lib/show-versions';

export const deleteShow = (showId: number) => call(showEndpoints.deleteShow, { params: { id: showId } });

export function useDeleteShow(showId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteShow(showId),
    onSuccess: () => {
      rememberDeleted(showId);
      queryClient.removeQueries({ queryKey: queryKeys.shows.detail(showId) });
      queryClient.removeQueries({ queryKey: queryKeys.personal.showBookings(showId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.shows.lists() });
    },
  });
}
