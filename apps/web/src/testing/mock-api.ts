import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER, type MyBooking, type Show } from '@holdfast/contracts';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { env } from '@/config/env';
import { aUser, signIn } from './factories';

/**
 * The API as the tests play it, at the network boundary, so each test exercises the real client, its
 * contract parsing and its error mapping. Tests declare the answers they need with `server.use(...)`;
 * setup-tests.ts starts it and resets it after each test.
 */
/** The address the app calls, so handlers match exactly what the client requests. */
export const apiUrl = (path: string) => `${env.apiUrl}${path}`;

// Every signed-in page asks for the person's waitlist entries (the offer banner): none, unless a test says so.
export const server = setupServer(http.get(apiUrl('/waitlist/my-entries'), () => HttpResponse.json([])));

/** An error answer shaped as the contract's `{ error: { code, message, details? } }`. */
export const apiError = (status: number, code: string, message: string, details?: unknown) =>
  HttpResponse.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, { status });

/** Every request the app makes from now on, as 'METHOD /path', for tests that assert what was sent. */
export function recordRequests(): string[] {
  const requests: string[] = [];
  server.events.on('request:start', ({ request }) => {
    requests.push(`${request.method} ${new URL(request.url).pathname}`);
  });
  return requests;
}

/** Like recordRequests, with the Idempotency-Key each carried (null if none), for tests of what repeats. */
export function recordKeyedRequests(): { request: string; key: string | null }[] {
  const requests: { request: string; key: string | null }[] = [];
  server.events.on('request:start', ({ request }) => {
    const key = request.headers.get(IDEMPOTENCY_KEY_HEADER);
    requests.push({ request: `${request.method} ${new URL(request.url).pathname}`, key });
  });
  return requests;
}

/** A 2xx the server repeats for a key it has seen, as the API marks it. */
export const replayed = (body: object, status = 200) =>
  HttpResponse.json(body, { status, headers: { [IDEMPOTENT_REPLAYED_HEADER]: 'true' } });

/**
 * A signed-in person about to open `show`'s booking page: who they are, the show, and their bookings (by
 * default none, so the page offers Book rather than resuming a hold).
 */
export function signedInOnShowPage(show: Show, myBookings: () => MyBooking[] = () => []) {
  const user = signIn(aUser());
  server.use(
    http.get(apiUrl('/auth/me'), () => HttpResponse.json({ user })),
    http.get(apiUrl('/shows/:id'), () => HttpResponse.json(show)),
    http.get(apiUrl('/bookings/my-bookings'), () => HttpResponse.json(myBookings())),
  );
}
