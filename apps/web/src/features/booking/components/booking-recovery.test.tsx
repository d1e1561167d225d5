import { IDEMPOTENCY_KEY_HEADER } from '@holdfast/contracts';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { aBooking, aShow, inSeconds } from '@/testing/factories';
import {
  apiError,
  apiUrl,
  recordKeyedRequests,
  recordRequests,
  replayed,
  server,
  signedInOnShowPage,
} from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';

const show = aShow({ name: 'Ferry crossing', totalSlots: 6, availableSlots: 4 });
const storeInFlight = (value: object) => sessionStorage.setItem('holdfast.inFlightBooking', JSON.stringify(value));
const readInFlight = () => JSON.parse(sessionStorage.getItem('holdfast.inFlightBooking') ?? 'null') as unknown;

/**
 * POST /bookings as the API plays it with an Idempotency-Key: the first request with a key holds, a
 * repeat replays that answer.
 */
interface HoldingServerOptions {
  /** Whether the answer to the n-th request (from 1) is lost on its way back. */
  lose?: (n: number) => boolean;
  /** An answer for the n-th request instead of holding, or null to hold. */
  refuse?: (n: number) => Response | null;
}

function holdingServer({ lose = () => false, refuse = () => null }: HoldingServerOptions = {}) {
  const byKey = new Map<string, ReturnType<typeof aBooking>>();
  let requests = 0;
  server.use(
    http.post(apiUrl('/bookings'), async ({ request }) => {
      const n = ++requests;
      const refusal = refuse(n);
      if (refusal) return refusal;
      const key = request.headers.get(IDEMPOTENCY_KEY_HEADER)!;
      const { quantity } = (await request.json()) as { quantity: number };
      const seen = byKey.get(key);
      const hold = seen ?? aBooking({ showId: show.id, quantity });
      byKey.set(key, hold);
      if (lose(n)) return HttpResponse.error();
      return seen ? replayed(hold, 201) : HttpResponse.json(hold, { status: 201 });
    }),
    http.get(apiUrl('/bookings/:id'), ({ params }) => {
      if (params.id === 'my-bookings') return; // another handler's
      const hold = [...byKey.values()].find((booking) => booking.id === Number(params.id));
      return hold ? HttpResponse.json(hold) : apiError(404, 'BOOKING_NOT_FOUND', 'No such booking');
    }),
  );
  return { holds: () => [...byKey.values()] };
}

beforeEach(() => signedInOnShowPage(show));

describe('a lost answer to "book"', () => {
  it('when the answer is lost, then the same request is sent again with the same key and one hold shows', async () => {
    const api = holdingServer({ lose: (n) => n === 1 });
    const requests = recordKeyedRequests();
    const { user } = renderApp(`/shows/${show.id}`);

    await user.type(await screen.findByLabelText('Quantity'), '{backspace}2');
    await user.click(screen.getByRole('button', { name: 'Book' }));

    expect(await screen.findByRole('timer')).toBeInTheDocument();
    expect(screen.getByText('2 places')).toBeInTheDocument();
    const posts = requests.filter(({ request }) => request === 'POST /bookings');
    expect(posts).toHaveLength(2);
    expect(posts[1]!.key).toBe(posts[0]!.key);
    expect(api.holds()).toHaveLength(1);
    // The replay may be old: the hold's state today is read before it is shown.
    expect(requests.map(({ request }) => request)).toContain(`GET /bookings/${api.holds()[0]!.id}`);
    expect(readInFlight()).toEqual({ showId: show.id, quantity: 2, bookingId: api.holds()[0]!.id });
  });

  it('when every repeat is lost too, then it says so, and "Check again" sends the same key once more', async () => {
    let online = false;
    const api = holdingServer({ lose: () => !online });
    const requests = recordKeyedRequests();
    const { user } = renderApp(`/shows/${show.id}`);

    await user.click(await screen.findByRole('button', { name: 'Book' }));

    expect(await screen.findByText('Connection lost', {}, { timeout: 5_000 })).toBeInTheDocument();
    online = true;
    await user.click(screen.getByRole('button', { name: 'Check again' }));

    expect(await screen.findByRole('timer')).toBeInTheDocument();
    const keys = requests.filter(({ request }) => request === 'POST /bookings').map(({ key }) => key);
    expect(keys.length).toBeGreaterThan(2);
    expect(new Set(keys).size).toBe(1);
    expect(api.holds()).toHaveLength(1);
  });

  it('when the tab reloads before the answer came, then the page sends the same request and key again', async () => {
    storeInFlight({ showId: show.id, quantity: 3, idempotencyKey: 'key-from-before-the-reload' });
    const api = holdingServer();
    const requests = recordKeyedRequests();
    renderApp(`/shows/${show.id}`);

    expect(await screen.findByRole('timer')).toBeInTheDocument();
    expect(screen.getByText('3 places')).toBeInTheDocument();
    expect(requests.filter(({ request }) => request === 'POST /bookings')).toEqual([
      { request: 'POST /bookings', key: 'key-from-before-the-reload' },
    ]);
    expect(api.holds()).toHaveLength(1);
  });

  it.each([
    ['the server is busy', () => apiError(503, 'BUSY', 'Busy', undefined)],
    ['the first request with this key is still running', () => apiError(409, 'IDEMPOTENCY_KEY_IN_USE', 'In use')],
  ])('when %s, then it waits as Retry-After says and repeats the same key', async (_, answer) => {
    const api = holdingServer({
      refuse: (n) => {
        if (n > 1) return null;
        const response = answer();
        response.headers.set('Retry-After', '1');
        return response;
      },
    });
    const requests = recordKeyedRequests();
    const { user } = renderApp(`/shows/${show.id}`);

    await user.click(await screen.findByRole('button', { name: 'Book' }));

    expect(await screen.findByRole('timer', {}, { timeout: 3_000 })).toBeInTheDocument();
    const posts = requests.filter(({ request }) => request === 'POST /bookings');
    expect(posts.map(({ key }) => key)).toEqual([posts[0]!.key, posts[0]!.key]);
    expect(api.holds()).toHaveLength(1);
  });

  it('when the server asks for a longer wait than is reasonable, then it says so without repeating', async () => {
    server.use(
      http.post(apiUrl('/bookings'), () => {
        const response = apiError(503, 'DATABASE_UNAVAILABLE', 'Database unavailable');
        response.headers.set('Retry-After', '60');
        return response;
      }),
    );
    const requests = recordRequests();
    const { user } = renderApp(`/shows/${show.id}`);

    await user.click(await screen.findByRole('button', { name: 'Book' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The server is very busy right now');
    expect(requests.filter((request) => request === 'POST /bookings')).toHaveLength(1);
    expect(readInFlight()).toBeNull();
  });
});

describe('a lost answer to "confirm" or a reload', () => {
  it('when the tab reloads during a hold, then the server is asked and the countdown resumes', async () => {
    const hold = aBooking({ showId: show.id, expiresAt: inSeconds(45) });
    storeInFlight({ showId: show.id, quantity: 1, bookingId: hold.id });
    server.use(http.get(apiUrl('/bookings/:id'), () => HttpResponse.json(hold)));
    const requests = recordRequests();
    renderApp(`/shows/${show.id}`);

    expect(await screen.findByRole('timer')).toHaveTextContent(/^0:4[45]$/);
    expect(requests).toContain(`GET /bookings/${hold.id}`);
    expect(screen.getByRole('button', { name: 'Confirm booking' })).toBeEnabled();
  });

  it('when the answer to confirm is lost, then confirm is repeated with its key and "Confirmed" shows', async () => {
    const hold = aBooking({ showId: show.id });
    const confirmed = { ...hold, status: 'CONFIRMED' as const };
    let confirms = 0;
    server.use(
      http.post(apiUrl('/bookings'), () => HttpResponse.json(hold, { status: 201 })),
      http.post(apiUrl('/bookings/confirm'), () => (++confirms === 1 ? HttpResponse.error() : replayed(confirmed))),
    );
    const requests = recordKeyedRequests();
    const { user } = renderApp(`/shows/${show.id}`);

    await user.click(await screen.findByRole('button', { name: 'Book' }));
    await user.click(await screen.findByRole('button', { name: 'Confirm booking' }));

    expect(await screen.findByText('Confirmed')).toBeInTheDocument();
    const keys = requests.filter(({ request }) => request === 'POST /bookings/confirm').map(({ key }) => key);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
  });

  it('when every answer to confirm is lost and the server never got it, then the hold is shown again', async () => {
    const hold = aBooking({ showId: show.id });
    server.use(
      http.post(apiUrl('/bookings'), () => HttpResponse.json(hold, { status: 201 })),
      http.post(apiUrl('/bookings/confirm'), () => HttpResponse.error()),
      http.get(apiUrl('/bookings/:id'), () => HttpResponse.json(hold)),
    );
    const { user } = renderApp(`/shows/${show.id}`);

    await user.click(await screen.findByRole('button', { name: 'Book' }));
    await user.click(await screen.findByRole('button', { name: 'Confirm booking' }));

    expect(await screen.findByRole('button', { name: 'Confirm booking' }, { timeout: 5_000 })).toBeEnabled();
    expect(screen.getByRole('timer')).toBeInTheDocument();
    expect(screen.queryByText('Confirmed')).not.toBeInTheDocument();
  });

  it('when a reload finds the server unreachable, then it says so and "Check again" finds the outcome', async () => {
    const hold = aBooking({ showId: show.id, status: 'CONFIRMED' });
    storeInFlight({ showId: show.id, quantity: 1, bookingId: hold.id });
    let online = false;
    server.use(http.get(apiUrl('/bookings/:id'), () => (online ? HttpResponse.json(hold) : HttpResponse.error())));
    const { user } = renderApp(`/shows/${show.id}`);

    expect(await screen.findByText('Connection lost')).toBeInTheDocument();
    online = true;
    await user.click(screen.getByRole('button', { name: 'Check again' }));

    expect(await screen.findByText('Confirmed')).toBeInTheDocument();
  });
});
