import { authEndpoints } from './auth.js';
import { bookingEndpoints } from './bookings.js';
import type { Endpoint } from './endpoint.js';
import { recordEndpoints } from './records.js';
import { seriesEndpoints } from './series.js';
import { showEndpoints } from './shows.js';
import { systemEndpoints } from './system.js';
import { waitlistEndpoints } from './waitlist.js';

export type { Access, Endpoint } from './endpoint.js';
export {
  authEndpoints,
  bookingEndpoints,
  recordEndpoints,
  seriesEndpoints,
  showEndpoints,
  systemEndpoints,
  waitlistEndpoints,
};

/**
 * Every HTTP route of the API. The API mounts its validation from here, the OpenAPI document is
 * generated from here, and the web client calls through here: the contract is written once.
 *
 * The web app imports the domain maps instead (showEndpoints, ...): each map reaches only its own schemas, so
 * the shows page's first download carries the shows' schemas and not the series', the reports' or the audit's.
 */
export const endpoints = {
  ...authEndpoints,
  ...showEndpoints,
  ...seriesEndpoints,
  ...recordEndpoints,
  ...bookingEndpoints,
  ...waitlistEndpoints,
  ...systemEndpoints,
} satisfies Record<string, Endpoint>;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;
