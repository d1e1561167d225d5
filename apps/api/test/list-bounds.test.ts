import { MAX_LISTED_BOOKINGS, MAX_SHOW_PAGE, type Booking, type Show } from '@holdfast/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createShow, createUser } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Its own database: these tests fill lists past their bounds, which would crowd other files' shows out.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

/** `count` bookings, already cancelled, made one minute apart (the first is the oldest). */
async function insertOldBookings(userId: number, showId: number, count: number): Promise<void> {
  await app.db.query(
    `INSERT INTO bookings (user_id, show_id, quantity, status, created_at, expires_at, cancelled_at)
     SELECT $1, $2, 1, 'CANCELLED', t, t + interval '2 minutes', t + interval '1 minute'
     FROM (SELECT now() - interval '1 year' + n * interval '1 minute' AS t FROM generate_series(1, $3) n) minutes`,
    [userId, showId, count],
  );
}

describe('list responses stay within the bounds the contract documents', () => {
  it('when more upcoming shows exist than the largest page, then a page stops at the limit and links on', async () => {
    const started = await createShow(app, { startsInMinutes: -60 });
    await app.db.query(
      `INSERT INTO shows (name, start_time, total_slots, available_slots)
       SELECT 'Show ' || n, now() + n * interval '1 hour', 10, 10 FROM generate_series(1, $1) n`,
      [MAX_SHOW_PAGE],
    );
    const soonest = await createShow(app, { startsInMinutes: 1 });

    const response = await app.http.get(`/shows?limit=${MAX_SHOW_PAGE}`).expect(200);
    const shows = response.body as Show[];

    expect(shows).toHaveLength(MAX_SHOW_PAGE);
    expect(shows.map((show) => show.id)).not.toContain(started.id);
    expect(shows[0]!.id).toBe(soonest.id);
    const times = shows.map((show) => Date.parse(show.startTime));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(response.headers.link).toMatch(/; rel="next"$/);
    const tooMany = await app.http.get(`/shows?limit=${MAX_SHOW_PAGE + 1}`).expect(400);
    expect(tooMany.body.error.code).toBe('VALIDATION_ERROR');
  });

  it('when a user has more bookings than are listed, then my-bookings and the admin list give the newest', async () => {
    const { user, token } = await createUser(app);
    const { token: adminToken } = await createUser(app, { role: 'admin' });
    const show = await createShow(app);
    await insertOldBookings(user.id, show.id, MAX_LISTED_BOOKINGS + 1);

    const mine = (await app.http.get('/bookings/my-bookings').set(bearer(token)).expect(200)).body as Booking[];
    const ofShow = (await app.http.get(`/shows/${show.id}/bookings`).set(bearer(adminToken)).expect(200))
      .body as Booking[];

    for (const list of [mine, ofShow]) {
      expect(list).toHaveLength(MAX_LISTED_BOOKINGS);
      const created = list.map((booking) => Date.parse(booking.createdAt));
      expect(created).toEqual([...created].sort((a, b) => b - a));
      const { rows } = await app.db.query<{ id: number }>(
        'SELECT id FROM bookings WHERE show_id = $1 ORDER BY created_at LIMIT 1',
        [show.id],
      );
      expect(list.map((booking) => booking.id)).not.toContain(rows[0]!.id);
    }
  });
});
