import { endpoints, type ListShowsQuery } from '@holdfast/contracts';
import { actorOf } from '../../platform/actor.js';
import type { Db, Queryable } from '../../platform/db.js';
import type { DomainEvents } from '../../platform/events.js';
import { createResponseCache } from '../../platform/response-cache.js';
import type { Mount } from '../../platform/routing.js';
import { parsePathId } from '../../platform/validate.js';
import { createShow } from './create-show.js';
import { deleteShow } from './delete-show.js';
import { getShow, getShowPage } from './get-shows.js';
import { showNotFound } from './shows.errors.js';
import { updateShow } from './update-show.js';

/** A path id naming a show; one that cannot name anything is simply not found. */
export const parseShowId = (params: Record<string, string>) => parsePathId(params.id, showNotFound);

/** The next page's URL: the same query with the new cursor (GitHub's Link convention, RFC 8288). */
function nextPageLink(query: ListShowsQuery, after: string): string {
  const { from, to, limit, order } = query;
  const next = new URLSearchParams({
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    limit: String(limit),
    ...(order === 'asc' ? {} : { order }),
    after,
  });
  return `<${endpoints.listShows.path}?${next.toString()}>; rel="next"`;
}

/** `readDb`: where the public reads go, a replica when there is one (ADR 0016); writes always use `db`. */
export function mountShowRoutes(
  mount: Mount,
  deps: { db: Db; readDb: Queryable; events: DomainEvents; listCacheMs: number; defaultTimeZone: string },
) {
  // Every availability change in this process empties the list cache at once (ADR 0010): a booking made here
  // is in the very next list. Other processes' changes show within listCacheMs. Read from a replica, the next
  // list may still predate the change, for the replica's lag (and be served again for listCacheMs): the shows'
  // versions let the client keep the newer state it already has (ADR 0016).
  const reads = { db: deps.readDb };
  const listCache = createResponseCache(deps.listCacheMs);
  deps.events.onAvailabilityChanged(() => listCache.invalidate());

  mount(
    endpoints.listShows,
    async ({ query, header }) => {
      const page = await getShowPage(reads, query);
      if (page.next !== undefined) header('Link', nextPageLink(query, page.next));
      return page.shows;
    },
    { cache: listCache },
  );
  mount(endpoints.getShow, ({ params }) => getShow(reads, parseShowId(params)));
  mount(endpoints.createShow, ({ body, auth }) => createShow(deps, body, actorOf(auth)));
  mount(endpoints.updateShow, ({ params, body, auth }) => updateShow(deps, parseShowId(params), body, actorOf(auth)));
  mount(endpoints.deleteShow, ({ params, auth }) => deleteShow(deps, parseShowId(params), actorOf(auth)));
}
