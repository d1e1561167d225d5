import { type CreateSeriesRequestInput, type Series, seriesEndpoints } from '@holdfast/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { rememberDeleted } from '@/lib/show-versions';

export const createSeries = (body: CreateSeriesRequestInput) => call(seriesEndpoints.createSeries, { body });

/** A preview (dryRun) or a creation; a creation refreshes the show lists and the series list. */
export function useCreateSeries() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSeries,
    onSuccess: (series) => {
      if (series.id === null) return;
      void queryClient.invalidateQueries({ queryKey: queryKeys.shows.lists() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.personal.allSeries() });
    },
  });
}

export const useSeriesList = () =>
  useQuery({
    queryKey: queryKeys.personal.allSeries(),
    queryFn: ({ signal }) => call(seriesEndpoints.listSeries, { signal }),
  });

export const getSeriesQueryOptions = (seriesId: number) =>
  queryOptions({
    queryKey: queryKeys.personal.series(seriesId),
    queryFn: ({ signal }) => call(seriesEndpoints.getSeries, { params: { id: seriesId }, signal }),
  });
export const useSeries = (seriesId: number) => useQuery(getSeriesQueryOptions(seriesId));

export function useDeleteSeries(seriesId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (cancelBookings: boolean) =>
      call(seriesEndpoints.deleteSeries, {
        params: { id: seriesId },
        query: { cancelBookings: cancelBookings ? 'true' : 'false' },
      }),
    onSuccess: (outcome) => {
      for (const id of outcome.deleted) {
        rememberDeleted(id);
        queryClient.removeQueries({ queryKey: queryKeys.shows.detail(id) });
      }
      void queryClient.invalidateQueries({ queryKey: queryKeys.shows.lists() });
      // Exact: the list's key is the prefix of each series' own key, which must not be read again when gone.
      void queryClient.invalidateQueries({ queryKey: queryKeys.personal.allSeries(), exact: true });
      // A series with no show left is gone: keep the page (and its report) with an empty list, not a 404.
      if (outcome.seriesDeleted) {
        queryClient.setQueryData(queryKeys.personal.series(seriesId), (old: Series | undefined) =>
          old ? { ...old, shows: [] } : old,
        );
      } else void queryClient.invalidateQueries({ queryKey: queryKeys.personal.series(seriesId) });
    },
  });
}
