import { type ListShowsQueryInput, type Show, showEndpoints } from '@holdfast/contracts';
import { infiniteQueryOptions, useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import { callPage } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { freshestShows } from '@/lib/show-versions';

/**
 * Which shows a list asks the server for: a window of start times and a direction. Empty means the default,
 * the shows that have not started, soonest first; `{ order: 'desc' }` the ones that have, latest first.
 */
export type ShowWindow = Pick<ListShowsQueryInput, 'from' | 'to' | 'order'>;

export interface ShowPage {
  shows: Show[];
  /** The query of the next page, straight from the server's Link header; undefined on the last page. */
  next: ListShowsQueryInput | undefined;
}
export type ShowPages = InfiniteData<ShowPage>;

// Shared by the shows page and the admin dashboard, and written by the live-shows hook, so no one
// feature owns it.
export async function getShowPage(query: ListShowsQueryInput, signal?: AbortSignal): Promise<ShowPage> {
  const { data, next } = await callPage(showEndpoints.listShows, { query, signal });
  return { shows: freshestShows(data), next };
}

export const showPagesQueryOptions = (window: ShowWindow) =>
  infiniteQueryOptions({
    queryKey: queryKeys.shows.list(window),
    queryFn: ({ pageParam, signal }) => getShowPage(pageParam, signal),
    // Each page after the first is asked exactly as the previous page's Link says.
    initialPageParam: window as ListShowsQueryInput,
    getNextPageParam: (last: ShowPage) => last.next,
  });

export const useShowPages = (window: ShowWindow) => useInfiniteQuery(showPagesQueryOptions(window));

/**
 * Every show of the pages loaded so far, in the server's order, each once: a show rescheduled between two page
 * loads may come in both.
 */
export function loadedShows(data: { pages: ShowPage[] } | undefined): Show[] {
  const seen = new Set<number>();
  return (data?.pages ?? []).flatMap((page) => page.shows).filter((show) => !seen.has(show.id) && seen.add(show.id));
}
