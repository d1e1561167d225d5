import type { BookingEvent } from '@holdfast/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireHolds, sweepLapsedHolds } from '../src/modules/bookings/index.js';
import { bearer, createShow, createUser, holdSlots, lapseHold } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// booking_events (migration 1700000000011, ADR 0019): every path writes exactly one event per change, with the
// right actor, in the transaction of the change itself.

let batched: TestApp;
let unbatched: TestApp;
let admin: { id: number; name: string; token: string };
let alice: { id: number; token: string };
let bob: { id: number; token: string };

beforeAll(async () => {
  batched = await startTestApp({ BOOKING_BATCHING: 'on' });
  unbatched = await startTestApp({ BOOKING_BATCHING: 'off' }, { sameDatabaseAs: batched });
  const a = await createUser(batched, { role: 'admin', name: 'Ada Admin' });
  admin = { id: a.user.id, name: a.user.name, token: a.token };
  const u = await createUser(batched, { name: 'Alice' });
  alice = { id: u.user.id, token: u.token };
  const v = await createUser(batched, { name: 'Bob' });
  bob = { id: v.user.id, token: v.token };
});
afterAll(async () => {
  await unbatched?.close();
  await batched?.close();
});

interface StoredEvent {
  kind: string;
  booking_id: number | null;
  user_id: number | null;
  quantity: number | null;
  actor_kind: string;
  actor_id: number | null;
  /** The id of the transaction that wrote the row (xmin). */
  tx: string;
}

const eventsWhere = async (where: string, params: unknown[]) =>
  (
    await batched.db.query<StoredEvent>(
      `SELECT kind, booking_id, user_id, quantity, actor_kind, actor_id, xmin::text AS tx
       FROM booking_events WHERE ${where} ORDER BY id`,
      params,
    )
  ).rows;
/** A show's booking events (the factory's show also has its SHOW_CREATED). */
const eventsOfShow = (showId: number) => eventsWhere('show_id = $1 AND booking_id IS NOT NULL', [showId]);
const allEventsOfShow = (showId: number) => eventsWhere('show_id = $1', [showId]);
const bookingEvents = async (bookingId: number) =>
  (await eventsWhere('booking_id = $1', [bookingId])).map(({ kind, actor_kind, actor_id }) => ({
    kind,
    actor: actor_id === null ? actor_kind : `${actor_kind}:${actor_id}`,
  }));
/** The transaction that last wrote a booking's row. */
const bookingTx = async (bookingId: number) =>
  (await batched.db.query<{ tx: string }>('SELECT xmin::text AS tx FROM bookings WHERE id = $1', [bookingId])).rows[0]!
    .tx;

describe('booking_events: one event per change, by the right actor, in the same transaction', () => {
  it.each([
    ['batched', () => batched],
    ['unbatched', () => unbatched],
  ])('when a hold is made through the %s path, then one HELD event names its user', async (_, app) => {
    const show = await createShow(batched);
    const hold = await holdSlots(app(), alice.token, show.id, 2);
    const events = await eventsOfShow(show.id);
    expect(events).toEqual([
      {
        kind: 'HELD',
        booking_id: hold.id,
        user_id: alice.id,
        quantity: 2,
        actor_kind: 'user',
        actor_id: alice.id,
        tx: await bookingTx(hold.id),
      },
    ]);
  });

  it('when a batch holds for several users at once, then each hold gets its own event and user', async () => {
    const show = await createShow(batched, { totalSlots: 20 });
    const holds = await Promise.all([alice, bob].map((who) => holdSlots(batched, who.token, show.id, 1)));
    const events = await eventsOfShow(show.id);
    expect(events.map((e) => [e.booking_id, e.actor_id])).toEqual(
      expect.arrayContaining(holds.map((h, i) => [h.id, [alice, bob][i]!.id])),
    );
    expect(events).toHaveLength(2);
  });

  it('when a hold is confirmed and then cancelled by its user, then CONFIRMED and CANCELLED follow HELD', async () => {
    const show = await createShow(batched);
    const hold = await holdSlots(batched, alice.token, show.id);
    const confirmed = await batched.http
      .post('/bookings/confirm')
      .set(bearer(alice.token))
      .send({ bookingId: hold.id });
    expect(confirmed.status).toBe(200);
    const confirmTx = await bookingTx(hold.id);
    const cancelled = await batched.http.post(`/bookings/${hold.id}/cancel`).set(bearer(alice.token));
    expect(cancelled.status).toBe(200);
    const events = await eventsOfShow(show.id);
    expect(events.map((e) => [e.kind, e.actor_kind, e.actor_id])).toEqual([
      ['HELD', 'user', alice.id],
      ['CONFIRMED', 'user', alice.id],
      ['CANCELLED', 'user', alice.id],
    ]);
    expect(events[1]!.tx).toBe(confirmTx);
    expect(events[2]!.tx).toBe(await bookingTx(hold.id));
  });

  it('when the sweeper expires a lapsed hold, then one EXPIRED event names the system', async () => {
    const show = await createShow(batched);
    const hold = await holdSlots(batched, alice.token, show.id);
    await lapseHold(batched, hold.id);
    expect(await expireHolds(batched)).toBeGreaterThanOrEqual(1);
    expect(await expireHolds(batched)).toBe(0);
    expect(await bookingEvents(hold.id)).toEqual([
      { kind: 'HELD', actor: `user:${alice.id}` },
      { kind: 'EXPIRED', actor: 'system' },
    ]);
    expect((await eventsWhere('booking_id = $1', [hold.id]))[1]!.tx).toBe(await bookingTx(hold.id));
  });

  it('when the precise sweep expires a lapsed hold, then one EXPIRED event names the system', async () => {
    const show = await createShow(batched);
    const hold = await holdSlots(batched, alice.token, show.id);
    await lapseHold(batched, hold.id);
    expect((await sweepLapsedHolds(batched, [show.id])).expired).toBe(1);
    expect(await bookingEvents(hold.id)).toEqual([
      { kind: 'HELD', actor: `user:${alice.id}` },
      { kind: 'EXPIRED', actor: 'system' },
    ]);
  });

  it("when another's booking reclaims a lapsed hold, then the expiry is the system's, the hold theirs", async () => {
    const show = await createShow(batched, { totalSlots: 1 });
    const lapsed = await holdSlots(batched, alice.token, show.id);
    await lapseHold(batched, lapsed.id);
    const taken = await holdSlots(unbatched, bob.token, show.id);
    const events = await eventsOfShow(show.id);
    expect(events.map((e) => [e.kind, e.booking_id, e.actor_kind, e.actor_id])).toEqual([
      ['HELD', lapsed.id, 'user', alice.id],
      ['EXPIRED', lapsed.id, 'system', null],
      ['HELD', taken.id, 'user', bob.id],
    ]);
    // One transaction: the reclaim and the new hold.
    expect(events[1]!.tx).toBe(events[2]!.tx);
    expect(events[2]!.tx).toBe(await bookingTx(taken.id));
  });

  it('when a change is rolled back, then it leaves no event', async () => {
    const show = await createShow(batched);
    const hold = await holdSlots(batched, alice.token, show.id);
    await expect(
      batched.db.withTransaction(async (tx) => {
        await tx.query(
          `UPDATE bookings SET status = 'CONFIRMED', confirmed_at = now(), reference = booking_reference(id)
           WHERE id = $1`,
          [hold.id],
        );
        await tx.query(`UPDATE shows SET name = 'Renamed' WHERE id = $1`, [show.id]);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect((await allEventsOfShow(show.id)).map((e) => e.kind)).toEqual(['SHOW_CREATED', 'HELD']);
  });

  it('when a booking only moves its expiry or a show only its counters, then nothing is recorded', async () => {
    const show = await createShow(batched, { totalSlots: 4 });
    const hold = await holdSlots(batched, alice.token, show.id);
    await batched.db.query(`UPDATE bookings SET expires_at = expires_at + interval '1 minute' WHERE id = $1`, [
      hold.id,
    ]);
    await batched.db.query('UPDATE shows SET available_slots = available_slots - 1 WHERE id = $1', [show.id]);
    expect((await allEventsOfShow(show.id)).map((e) => e.kind)).toEqual(['SHOW_CREATED', 'HELD']);
  });
});

describe("an admin's edits of a show", () => {
  it('when an admin creates, edits and deletes a show, then each is one event with before/after', async () => {
    const startTime = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const created = await batched.http
      .post('/shows')
      .set(bearer(admin.token))
      .send({ name: 'Clinic', startTime, totalSlots: 5 });
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    const edited = await batched.http
      .patch(`/shows/${id}`)
      .set(bearer(admin.token))
      .send({ name: 'Clinic B', totalSlots: 8 });
    expect(edited.status).toBe(200);
    expect((await batched.http.delete(`/shows/${id}`).set(bearer(admin.token))).status).toBe(204);

    // The history outlives the show.
    const trail = await batched.http.get(`/shows/${id}/events`).set(bearer(admin.token));
    expect(trail.status).toBe(200);
    const events = trail.body as BookingEvent[];
    const actor = { kind: 'admin', id: admin.id, name: admin.name };
    const placement = { timeZone: 'UTC', seriesId: null, location: null };
    expect(events.map(({ kind, actor: a, details }) => ({ kind, actor: a, details }))).toEqual([
      { kind: 'SHOW_DELETED', actor, details: { name: 'Clinic B', startTime, totalSlots: 8, ...placement } },
      {
        kind: 'SHOW_EDITED',
        actor,
        details: { before: { name: 'Clinic', totalSlots: 5 }, after: { name: 'Clinic B', totalSlots: 8 } },
      },
      { kind: 'SHOW_CREATED', actor, details: { name: 'Clinic', startTime, totalSlots: 5, ...placement } },
    ]);
  });

  it('when a column is added to shows, then the edit trigger names it (or it is a counter bookings move)', async () => {
    const { rows } = await batched.db.query<{ column: string; watched: boolean }>(
      `SELECT a.attname AS column, a.attnum = ANY (t.tgattr::int2[]) AS watched
       FROM pg_attribute a
       JOIN pg_trigger t ON t.tgrelid = a.attrelid AND t.tgname = 'shows_record_edited'
       WHERE a.attrelid = 'shows'::regclass AND a.attnum > 0 AND NOT a.attisdropped`,
    );
    const counters = ['id', 'available_slots', 'version', 'created_at'];
    expect(rows.filter((r) => !r.watched).map((r) => r.column)).toEqual(expect.arrayContaining(counters));
    expect(rows.filter((r) => !r.watched && !counters.includes(r.column))).toEqual([]);
  });

  it('when an edit is refused (below the places taken), then nothing is recorded', async () => {
    const show = await createShow(batched, { totalSlots: 3 });
    await holdSlots(batched, alice.token, show.id, 2);
    const refused = await batched.http.patch(`/shows/${show.id}`).set(bearer(admin.token)).send({ totalSlots: 1 });
    expect(refused.status).toBe(409);
    expect((await allEventsOfShow(show.id)).map((e) => [e.kind, e.actor_kind])).toEqual([
      ['SHOW_CREATED', 'system'],
      ['HELD', 'user'],
    ]);
  });
});

describe('booking_events is append-only', () => {
  it.each([
    ['UPDATE', `UPDATE booking_events SET kind = 'HELD'`],
    ['DELETE', 'DELETE FROM booking_events'],
    ['TRUNCATE', 'TRUNCATE booking_events'],
  ])('when anyone tries %s on it, then the database refuses', async (_, sql) => {
    const show = await createShow(batched);
    await holdSlots(batched, alice.token, show.id);
    await expect(batched.db.query(sql)).rejects.toMatchObject({ code: 'APPND' });
    expect(await eventsOfShow(show.id)).toHaveLength(1);
  });

  it('when an event names no actor for a user, then the CHECK refuses it', async () => {
    await expect(
      batched.db.query(
        `INSERT INTO booking_events (kind, show_id, booking_id, actor_kind, actor_id)
         VALUES ('HELD', 1, 1, 'user', NULL)`,
      ),
    ).rejects.toMatchObject({ code: '23514' });
  });
});

describe('GET /shows/:id/events', () => {
  it('when paged, then it answers newest first and the Link header leads to the older events', async () => {
    const show = await createShow(batched, { totalSlots: 10 });
    const holds = [];
    const carol = await createUser(batched, { name: 'Carol' });
    for (const who of [alice, bob, carol]) holds.push(await holdSlots(batched, who.token, show.id));
    const first = await batched.http.get(`/shows/${show.id}/events?limit=2`).set(bearer(admin.token));
    expect(first.status).toBe(200);
    expect((first.body as BookingEvent[]).map((e) => e.bookingId)).toEqual([holds[2]!.id, holds[1]!.id]);
    expect((first.body as BookingEvent[])[0]!.actor).toEqual({ kind: 'user', id: carol.user.id, name: 'Carol' });
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.link as string)![1]!;
    const second = await batched.http.get(next).set(bearer(admin.token));
    // The factory's show was created too, by the system (no admin in that transaction).
    expect((second.body as BookingEvent[]).map((e) => [e.kind, e.bookingId, e.actor.kind])).toEqual([
      ['HELD', holds[0]!.id, 'user'],
      ['SHOW_CREATED', null, 'system'],
    ]);
    const last = await batched.http
      .get(/<([^>]+)>; rel="next"/.exec(second.headers.link as string)![1]!)
      .set(bearer(admin.token));
    expect([last.status, last.body, last.headers.link]).toEqual([200, [], undefined]);
  });

  it('when the caller is not an admin, or the show never existed, or the query is wrong, then 4xx', async () => {
    const show = await createShow(batched);
    expect((await batched.http.get(`/shows/${show.id}/events`)).status).toBe(401);
    expect((await batched.http.get(`/shows/${show.id}/events`).set(bearer(alice.token))).status).toBe(403);
    const missing = await batched.http.get('/shows/999999/events').set(bearer(admin.token));
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('SHOW_NOT_FOUND');
    for (const query of ['limit=0', 'limit=201', 'before=abc', 'sort=asc']) {
      const bad = await batched.http.get(`/shows/${show.id}/events?${query}`).set(bearer(admin.token));
      expect(bad.status, query).toBe(400);
      expect(bad.body.error.code).toBe('VALIDATION_ERROR');
    }
  });
});

describe('GET /bookings/:id/events', () => {
  it('when its owner or an admin asks, then it answers the story oldest first; anyone else gets 404', async () => {
    const show = await createShow(batched);
    const hold = await holdSlots(batched, alice.token, show.id);
    await batched.http.post('/bookings/confirm').set(bearer(alice.token)).send({ bookingId: hold.id });
    for (const token of [alice.token, admin.token]) {
      const story = await batched.http.get(`/bookings/${hold.id}/events`).set(bearer(token));
      expect(story.status).toBe(200);
      expect((story.body as BookingEvent[]).map((e) => [e.kind, e.actor.name, e.quantity])).toEqual([
        ['HELD', 'Alice', 1],
        ['CONFIRMED', 'Alice', 1],
      ]);
    }
    for (const path of [`/bookings/${hold.id}/events`, '/bookings/999999/events', '/bookings/x/events']) {
      const hidden = await batched.http.get(path).set(bearer(bob.token));
      expect(hidden.status, path).toBe(404);
      expect(hidden.body.error.code).toBe('BOOKING_NOT_FOUND');
    }
    expect((await batched.http.get(`/bookings/${hold.id}/events`)).status).toBe(401);
  });
});
