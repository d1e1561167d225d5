import { showEndpoints } from '@holdfast/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { call } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { freshestShow } from '@/lib/show-versions';

// Shared by the booking page and the admin's show page.
export const getShow = async (showId: number, signal?: AbortSignal) =>
  freshestShow(await call(showEndpoints.getShow, { params: { id: showId }, signal }));

export const getShowQueryOptions = (showId: number) =>
  queryOptions({
    queryKey: queryKeys.shows.detail(showId),
    queryFn: ({ signal }) => getShow(showId, signal),
  });

export const useShow = (showId: number, { enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({ ...getShowQueryOptions(showId), enabled });
