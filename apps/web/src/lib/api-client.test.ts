import { bookingEndpoints, IDEMPOTENCY_KEY_HEADER, showEndpoints } from '@holdfast/contracts';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { aBooking, aShow } from '@/testing/factories';
import { apiError, apiUrl, replayed, server } from '@/testing/mock-api';
import { call, callIdempotent, callPage } from './api-client';
import { ApiError } from './api-error';

const body = { bookingId: 7 };

describe('the API client', () => {
  it('when a key is given, then it is sent as Idempotency-Key, and a replay is reported as one', async () => {
    const booking = aBooking({ id: 7, status: 'CONFIRMED' });
    const keys: (string | null)[] = [];
    let answers = 0;
    server.use(
      http.post(apiUrl('/bookings/confirm'), ({ request }) => {
        keys.push(request.headers.get(IDEMPOTENCY_KEY_HEADER));
        return ++answers === 1 ? HttpResponse.json(booking) : replayed(booking);
      }),
    );

    const first = await callIdempotent(bookingEndpoints.confirmBooking, { body, idempotencyKey: 'key-1' });
    const second = await callIdempotent(bookingEndpoints.confirmBooking, { body, idempotencyKey: 'key-1' });

    expect(keys).toEqual(['key-1', 'key-1']);
    expect([first.replayed, second.replayed]).toEqual([false, true]);
    expect(second.data).toEqual(booking);
  });

  it('when the server asks to wait, then the error carries Retry-After in seconds', async () => {
    server.use(
      http.post(apiUrl('/bookings/confirm'), () => {
        const response = apiError(409, 'IDEMPOTENCY_KEY_IN_USE', 'Still running');
        response.headers.set('Retry-After', '2');
        return response;
      }),
    );

    const error = await call(bookingEndpoints.confirmBooking, { body }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'IDEMPOTENCY_KEY_IN_USE', retryAfterSeconds: 2 });
  });

  it('when the server does not answer in time, then the call fails as a lost answer', async () => {
    server.use(
      http.post(apiUrl('/bookings/confirm'), async () => {
        await delay(2_000);
        return HttpResponse.json(aBooking());
      }),
    );

    const error = await call(bookingEndpoints.confirmBooking, { body, timeoutMs: 50 }).catch(
      (caught: unknown) => caught,
    );

    expect(error).toMatchObject({ status: 0, code: 'NETWORK_ERROR', message: 'The server did not answer in time' });
  });

  it('when the caller aborts, then the abort is passed on, not reported as a lost answer', async () => {
    server.use(
      http.post(apiUrl('/bookings/confirm'), async () => {
        await delay(2_000);
        return HttpResponse.json(aBooking());
      }),
    );
    const controller = new AbortController();

    const pending = call(bookingEndpoints.confirmBooking, { body, timeoutMs: 1_000, signal: controller.signal });
    controller.abort();
    const error = await pending.catch((caught: unknown) => caught);

    expect(error).not.toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ name: 'AbortError' });
  });
});

describe('the API client with paged endpoints', () => {
  it('when the answer has Link rel="next", then callPage gives its query; on the last page, none', async () => {
    const show = aShow();
    const asked: string[] = [];
    server.use(
      http.get(apiUrl('/shows'), ({ request }) => {
        const query = new URL(request.url).search;
        asked.push(query);
        if (query.includes('after')) return HttpResponse.json([]);
        const link = '</shows?from=2030-01-01T00%3A00%3A00.000Z&limit=1&after=abc_1>; rel="next", </x>; rel="prev"';
        return HttpResponse.json([show], { headers: { Link: link } });
      }),
    );

    const first = await callPage(showEndpoints.listShows, { query: { from: '2030-01-01T00:00:00.000Z', limit: 1 } });
    const last = await callPage(showEndpoints.listShows, { query: first.next });

    expect(first.data).toEqual([show]);
    expect(first.next).toEqual({ from: '2030-01-01T00:00:00.000Z', limit: '1', after: 'abc_1' });
    expect(last.next).toBeUndefined();
    expect(asked).toEqual([
      '?from=2030-01-01T00%3A00%3A00.000Z&limit=1',
      '?from=2030-01-01T00%3A00%3A00.000Z&limit=1&after=abc_1',
    ]);
  });
});
