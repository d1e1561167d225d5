import { endpoints } from '@holdfast/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { call } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

// Shared by the shows page and the admin dashboard, and written by the live-shows hook, so no one
// feature owns it.
export const getShows = (signal?: AbortSignal) => call(endpoints.listShows, { signal });

export const getShowsQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.shows.list(),
    queryFn: ({ signal }) => getShows(signal),
  });

export const useShows = () => useQuery(getShowsQueryOptions());
