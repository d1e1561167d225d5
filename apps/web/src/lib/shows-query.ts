import { endpoints, type Show } from '@holdfast/contracts';
import { queryOptions } from '@tanstack/react-query';
import { call } from './api-client';

/**
 * The show list is shared by the shows page, the booking page and the admin dashboard, and the live
 * socket hook writes into it, so its cache key lives here rather than in any one feature.
 */
export const showKeys = {
  all: ['shows'] as const,
  list: () => [...showKeys.all, 'list'] as const,
  detail: (id: number) => [...showKeys.all, 'detail', id] as const,
  bookings: (id: number) => [...showKeys.all, 'detail', id, 'bookings'] as const,
};

export const showListQuery = () =>
  queryOptions({
    queryKey: showKeys.list(),
    queryFn: ({ signal }) => call(endpoints.listShows, { signal }),
  });

export const showQuery = (id: number) =>
  queryOptions({
    queryKey: showKeys.detail(id),
    queryFn: ({ signal }) => call(endpoints.getShow, { params: { id }, signal }),
  });

export const byStartTime = (a: Show, b: Show) => Date.parse(a.startTime) - Date.parse(b.startTime) || a.id - b.id;
