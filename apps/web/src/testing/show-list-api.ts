import type { Show } from '@holdfast/contracts';
import { http, HttpResponse } from 'msw';
import { apiUrl, server } from './mock-api';

/**
 * GET /shows as the API answers it: the shows in the asked window (from, to; by default those not started, or
 * with order=desc those started), sorted, a page at a time, with `Link: <...>; rel="next"` while more remain.
 * As the API's, the cursor names the last show listed (its start and id), so a page starts just past it.
 */
export function showList(shows: Show[] | (() => Show[]), { pageSize = 50 } = {}) {
  return http.get(apiUrl('/shows'), ({ request }) => {
    const query = new URL(request.url).searchParams;
    const desc = query.get('order') === 'desc';
    const now = Date.now();
    const from = query.has('from') ? Date.parse(query.get('from')!) : desc ? -Infinity : now;
    const to = query.has('to') ? Date.parse(query.get('to')!) : desc ? now : Infinity;
    const limit = Number(query.get('limit') ?? pageSize);
    const key = (show: Show) => [Date.parse(show.startTime), show.id] as const;
    const compare = ([aTime, aId]: readonly number[], [bTime, bId]: readonly number[]) =>
      (desc ? -1 : 1) * (aTime! - bTime! || aId! - bId!);
    const after = query.get('after')?.split('_').map(Number);
    const listed = (typeof shows === 'function' ? shows() : shows)
      .filter((show) => Date.parse(show.startTime) >= from && Date.parse(show.startTime) < to)
      .filter((show) => !after || compare(key(show), after) > 0)
      .sort((a, b) => compare(key(a), key(b)));
    const page = listed.slice(0, limit);
    if (listed.length <= limit) return HttpResponse.json(page);
    const next = new URLSearchParams(query);
    next.set('limit', String(limit));
    next.set('after', key(page.at(-1)!).join('_'));
    return HttpResponse.json(page, { headers: { Link: `</shows?${next.toString()}>; rel="next"` } });
  });
}

/** The queries the app sent to GET /shows from now on, each as its parameters. */
export function recordShowListQueries(): Record<string, string>[] {
  const queries: Record<string, string>[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (request.method === 'GET' && `${url.origin}${url.pathname}` === apiUrl('/shows')) {
      queries.push(Object.fromEntries(url.searchParams));
    }
  });
  return queries;
}
