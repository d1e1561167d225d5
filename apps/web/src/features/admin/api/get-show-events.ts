import { type BookingEvent, type listShowEventsQuerySchema, recordEndpoints } from '@holdfast/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { callPage } from '@/lib/api-client';
import type { z } from 'zod';
import { queryKeys } from '@/lib/query-keys';

const PAGE = 50;

/** A show's audit trail, newest first, a page at a time; fetched only while `enabled` (the history is open). */
export const useShowEvents = (showId: number, enabled: boolean) =>
  useInfiniteQuery({
    queryKey: queryKeys.personal.showEvents(showId),
    queryFn: ({ pageParam, signal }) =>
      callPage(recordEndpoints.listShowEvents, { params: { id: showId }, query: pageParam, signal }),
    initialPageParam: { limit: PAGE } as z.input<typeof listShowEventsQuerySchema>,
    getNextPageParam: (last) => last.next,
    enabled,
  });

export const loadedEvents = (pages: { data: BookingEvent[] }[] | undefined) => pages?.flatMap((p) => p.data) ?? [];
