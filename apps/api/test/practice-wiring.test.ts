import type { Series } from '@holdfast/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createShow, createUser, holdSlots } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Where the waitlist and the series meet the audit trail (booking_events) and the email outbox: each change
// writes its history and its emails in its own transaction (migrations 10, 11, 12 and 14).
let app: TestApp;
let admin: { id: number; token: string };
beforeAll(async () => {
  app = await startTestApp();
  const { user, token } = await createUser(app, { role: 'admin' });
  admin = { id: user.id, token };
});
afterAll(() => app.close());

async function trail(showId: number) {
  const { rows } = await app.db.query<{ kind: string; booking_id: number | null; actor: string; user_id: number }>(
    `SELECT kind, booking_id, actor_kind || COALESCE(':' || actor_id, '') AS actor, user_id
     FROM booking_events WHERE show_id = $1 AND kind NOT LIKE 'SHOW_%' ORDER BY id`,
    [showId],
  );
  return rows;
}

async function outbox(bookingId: number) {
  const { rows } = await app.db.query<{ kind: string; recipient: string }>(
    'SELECT kind, recipient FROM email_outbox WHERE booking_id = $1 ORDER BY id',
    [bookingId],
  );
  return rows;
}

describe('the waitlist in the audit trail and the outbox', () => {
  it('when a cancel frees a place, then the offer is the system’s, recorded and emailed to its person', async () => {
    const show = await createShow(app, { totalSlots: 1 });
    const holder = await createUser(app);
    const waiter = await createUser(app);
    const hold = await holdSlots(app, holder.token, show.id, 1);
    expect(
      (await app.http.post(`/shows/${show.id}/waitlist`).set(bearer(waiter.token)).send({ quantity: 1 })).status,
    ).toBe(201);
    expect((await app.http.post(`/bookings/${hold.id}/cancel`).set(bearer(holder.token))).status).toBe(200);

    const { rows } = await app.db.query<{ booking_id: number }>(
      "SELECT booking_id FROM waitlist_entries WHERE show_id = $1 AND status = 'OFFERED'",
      [show.id],
    );
    const offer = rows[0]!.booking_id;
    const [h, w] = [holder.user.id, waiter.user.id];
    expect(await trail(show.id)).toEqual([
      { kind: 'HELD', booking_id: hold.id, actor: `user:${h}`, user_id: h },
      { kind: 'WAITLIST_JOINED', booking_id: null, actor: `user:${w}`, user_id: w },
      { kind: 'CANCELLED', booking_id: hold.id, actor: `user:${h}`, user_id: h },
      // The offer's hold and the offer: made by the system, for the waiter, not by the person who cancelled.
      { kind: 'HELD', booking_id: offer, actor: 'system', user_id: w },
      { kind: 'OFFERED', booking_id: offer, actor: 'system', user_id: w },
    ]);
    expect(await outbox(offer)).toEqual([{ kind: 'WAITLIST_OFFER', recipient: waiter.user.email }]);

    // Leaving with the offer in hand: recorded as the waiter's, and the place passes on (nobody else waits).
    expect((await app.http.delete(`/shows/${show.id}/waitlist`).set(bearer(waiter.token))).status).toBe(200);
    expect((await trail(show.id)).slice(5).map((event) => [event.kind, event.actor])).toEqual([
      ['WAITLIST_LEFT', `user:${w}`],
      ['CANCELLED', `user:${w}`],
    ]);
  });
});

describe('deleting a series with its bookings', () => {
  it('when an admin cancels the bookings, then the trail names the admin and each person gets an email', async () => {
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const created = await app.http
      .post('/series')
      .set(bearer(admin.token))
      .send({
        name: 'Evening clinic',
        timeZone: 'Europe/Berlin',
        startDate: day(3),
        endDate: day(3),
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        times: ['18:00'],
        totalSlots: 3,
      });
    expect(created.status).toBe(201);
    const series = created.body as Series;
    const show = series.shows[0]!;
    const patient = await createUser(app);
    const booking = await holdSlots(app, patient.token, show.id, 2);
    expect(
      (await app.http.post('/bookings/confirm').set(bearer(patient.token)).send({ bookingId: booking.id })).status,
    ).toBe(200);

    const deleted = await app.http.delete(`/series/${series.id}?cancelBookings=true`).set(bearer(admin.token));
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ deleted: [show.id], kept: [] });

    const { rows } = await app.db.query<{ kind: string; actor: string }>(
      `SELECT kind, actor_kind || COALESCE(':' || actor_id, '') AS actor FROM booking_events
       WHERE show_id = $1 ORDER BY id`,
      [show.id],
    );
    expect(rows).toEqual([
      { kind: 'SHOW_CREATED', actor: `admin:${admin.id}` },
      { kind: 'HELD', actor: `user:${patient.user.id}` },
      { kind: 'CONFIRMED', actor: `user:${patient.user.id}` },
      { kind: 'CANCELLED', actor: `admin:${admin.id}` },
      { kind: 'SHOW_DELETED', actor: `admin:${admin.id}` },
    ]);
    expect(await outbox(booking.id)).toEqual([
      { kind: 'BOOKING_CONFIRMED', recipient: patient.user.email },
      { kind: 'BOOKING_CANCELLED', recipient: patient.user.email },
    ]);
  });
});
