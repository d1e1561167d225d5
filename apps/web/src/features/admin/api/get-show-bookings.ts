import { recordEndpoints } from '@holdfast/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { call } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export const getShowBookings = (showId: number, signal?: AbortSignal) =>
  call(recordEndpoints.listShowBookings, { params: { id: showId }, signal });

/** Refetched by the live-shows hook whenever the show's availability changes. */
export const getShowBookingsQueryOptions = (showId: number) =>
  queryOptions({
    queryKey: queryKeys.personal.showBookings(showId),
    queryFn: ({ signal }) => getShowBookings(showId, signal),
  });

export const useShowBookings = (showId: number) => useQuery(getShowBookingsQueryOptions(showId));
