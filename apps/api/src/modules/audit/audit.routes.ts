import { endpoints, type ListShowEventsQuery } from '@holdfast/contracts';
import type { Queryable } from '../../platform/db.js';
import type { Mount } from '../../platform/routing.js';
import { parsePathId } from '../../platform/validate.js';
import { bookingNotFound } from '../bookings/index.js';
import { parseShowId } from '../shows/index.js';
import { getBookingEvents } from './get-booking-events.js';
import { getShowEvents } from './get-show-events.js';

const nextPageLink = (showId: number, query: ListShowEventsQuery, before: number) => {
  const next = new URLSearchParams({ limit: String(query.limit), before: String(before) });
  return `</shows/${showId}/events?${next.toString()}>; rel="next"`;
};

export function mountAuditRoutes(mount: Mount, deps: { db: Queryable }) {
  mount(endpoints.listShowEvents, async ({ params, query, header }) => {
    const showId = parseShowId(params);
    const page = await getShowEvents(deps, showId, query);
    if (page.nextBefore !== undefined) header('Link', nextPageLink(showId, query, page.nextBefore));
    return page.events;
  });
  mount(endpoints.bookingEvents, ({ params, auth }) =>
    getBookingEvents(deps, parsePathId(params.id, bookingNotFound), auth),
  );
}
