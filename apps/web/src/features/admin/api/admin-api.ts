import { endpoints, type CreateShowRequest, type Show, type UpdateShowRequest } from '@holdfast/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '@/lib/api-client';
import { showKeys } from '@/lib/shows-query';

export const showBookingsQuery = (showId: number) =>
  queryOptions({
    queryKey: showKeys.bookings(showId),
    queryFn: ({ signal }) => call(endpoints.listShowBookings, { params: { id: showId }, signal }),
  });

/** The socket also announces these changes; writing the answer into the cache makes our own tab instant. */
function useStoreShow() {
  const queryClient = useQueryClient();
  return (show: Show) => {
    queryClient.setQueryData(showKeys.detail(show.id), show);
    void queryClient.invalidateQueries({ queryKey: showKeys.list() });
  };
}

export function useCreateShow() {
  const storeShow = useStoreShow();
  return useMutation({
    mutationFn: (body: CreateShowRequest) => call(endpoints.createShow, { body }),
    onSuccess: storeShow,
  });
}

export function useUpdateShow(showId: number) {
  const storeShow = useStoreShow();
  return useMutation({
    mutationFn: (body: UpdateShowRequest) => call(endpoints.updateShow, { params: { id: showId }, body }),
    onSuccess: storeShow,
  });
}

export function useDeleteShow(showId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(endpoints.deleteShow, { params: { id: showId } }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: showKeys.detail(showId) });
      void queryClient.invalidateQueries({ queryKey: showKeys.list() });
    },
  });
}
