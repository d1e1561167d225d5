import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireHolds } from '../src/modules/bookings/index.js';
import { bearer, createShow, createUser, holdSlots, storedCounts, storedStatus } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A booking answer or the error body; only the fields these races look at. */
type Answer = {
  id?: number;
  quantity?: number;
  status?: string;
  error?: { code: string; details?: { availableSlots?: number } };
};

/** Real concurrent HTTP requests (not serialised through one supertest agent). */
async function postJsonTo(target: TestApp, path: string, token: string, body: unknown) {
  const response = await fetch(`${target.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(token) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer };
}

async function manyUsersOf(target: TestApp, count: number) {
  return Promise.all(Array.from({ length: count }, () => createUser(target).then((u) => u.token)));
}
const postJson = (path: string, token: string, body: unknown) => postJsonTo(app, path, token, body);
const manyUsers = (count: number) => manyUsersOf(app, count);

// Shared commits (the default) and the one-request path must both hold the line.
describe.each(['on', 'off'])('many people pressing "Book" at once (BOOKING_BATCHING=%s)', (batching) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ BOOKING_BATCHING: batching });
  });
  afterAll(() => app.close());
  const postJson = (path: string, token: string, body: unknown) => postJsonTo(app, path, token, body);
  const manyUsers = (count: number) => manyUsersOf(app, count);

  it('when 200 people race for 25 places, then exactly 25 win and the SQL counts agree', async () => {
    const show = await createShow(app, { totalSlots: 25 });
    const tokens = await manyUsers(200);

    const responses = await Promise.all(tokens.map((token) => postJson('/bookings', token, { showId: show.id })));

    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(25);
    expect(statuses.filter((s) => s === 409)).toHaveLength(175);
    expect(responses.filter((r) => r.status === 409).every((r) => r.body.error?.code === 'SOLD_OUT')).toBe(true);
    expect(await storedCounts(app, show.id)).toEqual({ total: 25, available: 0, held: 25, confirmed: 0, bookings: 25 });
    expect((await app.http.get(`/shows/${show.id}`)).body.availableSlots).toBe(0);
  });

  it('when mixed quantities race, then places held never exceed the total and every refusal is honest', async () => {
    const show = await createShow(app, { totalSlots: 40 });
    const tokens = await manyUsers(120);

    const quantityOf = (i: number) => (i % 4) + 1;

    const responses = await Promise.all(
      tokens.map((token, i) => postJson('/bookings', token, { showId: show.id, quantity: quantityOf(i) })),
    );

    const won = responses.filter((r) => r.status === 201).reduce((sum, r) => sum + Number(r.body.quantity), 0);
    expect(responses.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const counts = await storedCounts(app, show.id);
    expect(counts.held).toBe(won);
    expect(counts.available).toBe(40 - won);
    expect(won).toBeLessThanOrEqual(40);
    // Each refusal must have been true when it was made: fewer places than that person asked for were left then.
    for (const [i, response] of responses.entries()) {
      if (response.status === 409) expect(response.body.error?.details?.availableSlots).toBeLessThan(quantityOf(i));
    }
  });

  it('when bookings, confirms and cancels interleave, then the stored places equal those confirmed', async () => {
    const show = await createShow(app, { totalSlots: 30 });
    const tokens = await manyUsers(60);
    const outcomes = await Promise.all(
      tokens.map(async (token, i) => {
        const quantity = 1 + (i % 2);
        const made = await postJson('/bookings', token, { showId: show.id, quantity });
        if (made.status !== 201) return { followUp: null, confirmed: 0 };
        if (i % 3 === 0) {
          const cancelled = await postJson(`/bookings/${made.body.id}/cancel`, token, {});
          return { followUp: cancelled.status, confirmed: 0 };
        }
        const confirmed = await postJson('/bookings/confirm', token, { bookingId: made.body.id });
        return { followUp: confirmed.status, confirmed: confirmed.status === 200 ? quantity : 0 };
      }),
    );

    const followUps = outcomes.map((o) => o.followUp).filter((status) => status !== null);
    expect(followUps.length).toBeGreaterThan(0);
    expect(followUps.every((status) => status === 200)).toBe(true);
    const confirmedSlots = outcomes.reduce((sum, o) => sum + o.confirmed, 0);
    expect(confirmedSlots).toBeLessThanOrEqual(30);
    expect(await storedCounts(app, show.id)).toMatchObject({
      held: confirmedSlots,
      confirmed: confirmedSlots,
      available: 30 - confirmedSlots,
    });
  });
});

describe('confirm racing the expiry sweeper at the moment a hold runs out', () => {
  /** Holds the booking's row lock from a third connection, so both contenders queue behind it. */
  async function withBookingLocked(bookingId: number, whileLocked: () => Promise<void>) {
    const blocker = new pg.Client({ connectionString: app.databaseUrl });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('SELECT id FROM bookings WHERE id = $1 FOR UPDATE', [bookingId]);
      await whileLocked();
      await blocker.query('COMMIT');
    } finally {
      await blocker.end();
    }
  }

  async function expectConsistent(showId: number, bookingId: number, confirmStatus: number) {
    const status = await storedStatus(app, bookingId);
    expect(status).toBe(confirmStatus === 200 ? 'CONFIRMED' : 'EXPIRED');
    const counts = await storedCounts(app, showId);
    expect(counts.available).toBe(counts.total - counts.confirmed);
  }

  it('when a confirm sent before expiry queues ahead of the sweep, then exactly one outcome holds', async () => {
    const show = await createShow(app, { totalSlots: 3 });
    const { token } = await createUser(app);
    const hold = await holdSlots(app, token, show.id, 2);
    await app.db.query(`UPDATE bookings SET expires_at = now() + interval '700 milliseconds' WHERE id = $1`, [hold.id]);

    let confirming!: Promise<{ status: number }>;
    let sweeping!: Promise<number>;
    await withBookingLocked(hold.id, async () => {
      confirming = postJson('/bookings/confirm', token, { bookingId: hold.id });
      await sleep(1_000); // the hold runs out while the confirm waits for the lock
      sweeping = expireHolds(app);
      await sleep(200);
    });
    const [confirmed, expired] = await Promise.all([confirming, sweeping]);

    // Whichever got the row first decides; the other must see its result, never both succeed.
    expect(expired).toBe(confirmed.status === 200 ? 0 : 1);
    await expectConsistent(show.id, hold.id, confirmed.status);
  });

  it('when the sweep queues first and confirm comes after expiry, then it expires and confirm gets 409', async () => {
    const show = await createShow(app, { totalSlots: 3 });
    const { token } = await createUser(app);
    const hold = await holdSlots(app, token, show.id, 2);
    await app.db.query(`UPDATE bookings SET expires_at = now() + interval '300 milliseconds' WHERE id = $1`, [hold.id]);

    let confirming!: Promise<{ status: number; body: Answer }>;
    let sweeping!: Promise<number>;
    await withBookingLocked(hold.id, async () => {
      await sleep(500);
      sweeping = expireHolds(app);
      await sleep(200);
      confirming = postJson('/bookings/confirm', token, { bookingId: hold.id });
      await sleep(200);
    });
    const [confirmed, expired] = await Promise.all([confirming, sweeping]);

    expect(confirmed.status).toBe(409);
    expect(confirmed.body.error?.code).toBe('HOLD_EXPIRED');
    expect(expired).toBe(1);
    await expectConsistent(show.id, hold.id, 409);
  });

  it('when 40 holds lapse at once while owners confirm and the sweeper runs, then each ends in one state', async () => {
    const show = await createShow(app, { totalSlots: 80 });
    const owners = await manyUsers(40);
    const holds = await Promise.all(owners.map((token) => holdSlots(app, token, show.id, 2)));
    await app.db.query(`UPDATE bookings SET expires_at = now() + interval '400 milliseconds' WHERE show_id = $1`, [
      show.id,
    ]);
    await sleep(380);

    const [confirms] = await Promise.all([
      Promise.all(holds.map((hold, i) => postJson('/bookings/confirm', owners[i]!, { bookingId: hold.id }))),
      (async () => {
        await sleep(20);
        await Promise.all([expireHolds(app), expireHolds(app)]);
      })(),
    ]);
    await expireHolds(app);

    for (const [i, hold] of holds.entries()) {
      await expectConsistent(show.id, hold.id, confirms[i]!.status);
    }
  });
});
