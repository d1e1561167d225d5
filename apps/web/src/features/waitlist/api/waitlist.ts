import { type MyWaitlistEntry, waitlistEndpoints } from '@holdfast/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export const getMyWaitlistEntriesQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.personal.myWaitlistEntries(),
    queryFn: ({ signal }) => call(waitlistEndpoints.myWaitlistEntries, { signal }),
  });

export const useMyWaitlistEntries = (options: { enabled?: boolean } = {}) =>
  useQuery({ ...getMyWaitlistEntriesQueryOptions(), enabled: options.enabled ?? true });

/** An entry still in play: waiting, or offered with its hold running. */
export const isLive = (entry: MyWaitlistEntry) => entry.status === 'WAITING' || entry.status === 'OFFERED';

/** Joining or leaving changes the person's entries, and leaving an offer their bookings too. */
function useRefreshAfter() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.personal.myWaitlistEntries() }),
      queryClient.invalidateQueries({ queryKey: queryKeys.personal.myBookings() }),
    ]);
}

export function useJoinWaitlist() {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: ({ showId, quantity }: { showId: number; quantity: number }) =>
      call(waitlistEndpoints.joinWaitlist, { params: { id: showId }, body: { quantity } }),
    onSuccess: refresh,
  });
}

export function useLeaveWaitlist() {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: (showId: number) => call(waitlistEndpoints.leaveWaitlist, { params: { id: showId } }),
    onSettled: refresh,
  });
}
