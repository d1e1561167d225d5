import type { Booking } from '@holdfast/contracts';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AvailabilityChange } from '../src/platform/events.js';
import { bearer, createShow, createUser, holdSlots, storedCounts } from './support/factories.js';
import { holdShowLock, waitForLockWaiters } from './support/foreign-session.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Answer {
  status: number;
  replayed: boolean;
  text: string;
  body: Partial<Booking> & { error?: { code: string; details?: Record<string, unknown> } };
}

/** A real concurrent request (not serialised through one supertest agent), with its raw body. */
async function post(baseUrl: string, token: string, body: unknown, key?: string): Promise<Answer> {
  const response = await fetch(`${baseUrl}/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(token), ...(key ? { 'Idempotency-Key': key } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const replayed = response.headers.get('idempotent-replayed') === 'true';
  return { status: response.status, replayed, text, body: JSON.parse(text) as Answer['body'] };
}

/** Requests sent one after another, a little apart, so that they reach the desk in this order. */
async function inOrder(requests: (() => Promise<Answer>)[]): Promise<Promise<Answer>[]> {
  const sent: Promise<Answer>[] = [];
  for (const request of requests) {
    sent.push(request());
    await sleep(40);
  }
  return sent;
}

/** Backends of this database waiting on a lock: the batches parked behind a foreign session's lock. */
async function lockWaiters(databaseUrl: string): Promise<number[]> {
  const observer = new pg.Client({ connectionString: databaseUrl });
  await observer.connect();
  try {
    const { rows } = await observer.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    return rows.map((row) => row.pid);
  } finally {
    await observer.end();
  }
}

describe('one lane, parked behind a foreign lock while requests queue', () => {
  let app: TestApp;
  beforeAll(async () => {
    // One lane, so every show's bookings share batches; a long deadline, so a slow machine parks safely.
    app = await startTestApp({ BOOKING_BATCH_LANES: '1', DB_LOCK_TIMEOUT_MS: '8000' });
  });
  afterAll(() => app.close());

  it('when a batch mixes every outcome, then each request gets exactly its own answer, one event', async () => {
    const [parking, show, started] = [
      await createShow(app, { totalSlots: 5 }),
      await createShow(app, { totalSlots: 3 }),
      await createShow(app, { startsInMinutes: -5 }),
    ];
    const users = await Promise.all(Array.from({ length: 7 }, () => createUser(app)));
    const [u0, u1, u2, u3, u4, u5, u6] = users.map((u) => u.token) as [string, ...string[]];
    const existing = await holdSlots(app, u2!, show.id); // u2 already holds: HOLD_EXISTS
    const answered = await post(app.baseUrl, u5!, { showId: show.id }, 'key-answered-before');
    expect(answered.status).toBe(201);
    const events: AvailabilityChange[] = [];
    const release = await holdShowLock(app.databaseUrl, parking.id);
    let batch: Answer[];
    try {
      const parked = post(app.baseUrl, u0, { showId: parking.id });
      await waitForLockWaiters(app.databaseUrl, 1);
      const queued = await inOrder([
        () => post(app.baseUrl, u1!, { showId: show.id }, 'key-same-twice'), // granted (show: 1 -> 0)
        () => post(app.baseUrl, u1!, { showId: show.id }, 'key-same-twice'), // replays the one above
        () => post(app.baseUrl, u2!, { showId: show.id }), // HOLD_EXISTS names u2's hold
        () => post(app.baseUrl, u3!, { showId: show.id }), // SOLD_OUT, 0 left
        () => post(app.baseUrl, u4!, { showId: started.id }), // SHOW_STARTED
        () => post(app.baseUrl, u4!, { showId: 2_000_000_000 }), // SHOW_NOT_FOUND
        () => post(app.baseUrl, u5!, { showId: show.id }, 'key-answered-before'), // replay of before
        () => post(app.baseUrl, u5!, { showId: show.id, quantity: 2 }, 'key-answered-before'), // reused key
        () => post(app.baseUrl, u6!, { showId: parking.id, quantity: 2 }), // granted on another show
      ]);
      app.events.onAvailabilityChanged((change) => events.push(change));
      await release();
      expect((await parked).status).toBe(201);
      batch = await Promise.all(queued);
    } finally {
      await release().catch(() => undefined);
    }

    const [granted, replayed, holdExists, soldOut, showStarted, notFound, replayedBefore, reused, other] = batch;
    expect(granted!.status).toBe(201);
    expect(granted!.replayed).toBe(false);
    expect(replayed).toMatchObject({ status: 201, replayed: true, text: granted!.text });
    expect(holdExists!.status).toBe(409);
    expect(holdExists!.body.error).toMatchObject({ code: 'HOLD_EXISTS', details: { bookingId: existing.id } });
    expect(soldOut!.status).toBe(409);
    expect(soldOut!.body.error).toMatchObject({ code: 'SOLD_OUT', details: { availableSlots: 0 } });
    expect([showStarted!.status, showStarted!.body.error?.code]).toEqual([409, 'SHOW_STARTED']);
    expect([notFound!.status, notFound!.body.error?.code]).toEqual([404, 'SHOW_NOT_FOUND']);
    expect(replayedBefore).toMatchObject({ status: 201, replayed: true, text: answered.text });
    expect([reused!.status, reused!.body.error?.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(other!.status).toBe(201);
    // One transaction: the batch's holds share one now(), and one event announces both shows after COMMIT.
    expect(other!.body.createdAt).toBe(granted!.body.createdAt);
    expect(events.filter((change) => change.showIds.includes(show.id))).toEqual([
      { showIds: expect.arrayContaining([show.id, parking.id]), holdExpiresAt: new Date(granted!.body.expiresAt!) },
    ]);
    expect(await storedCounts(app, show.id)).toMatchObject({ available: 0, held: 3, bookings: 3 });
    expect(await storedCounts(app, parking.id)).toMatchObject({ available: 2, held: 3, bookings: 2 });
    const keys = await app.db.query('SELECT key FROM idempotency_keys WHERE key LIKE $1 ORDER BY key', ['key-%']);
    expect(keys.rows.map((row) => row.key)).toEqual(['key-answered-before', 'key-same-twice']);
  });

  it('when requests queue in a known order, then first come first served, skipping one that does not fit', async () => {
    const show = await createShow(app, { totalSlots: 4 });
    const tokens = await Promise.all(Array.from({ length: 5 }, () => createUser(app).then((u) => u.token)));
    const release = await holdShowLock(app.databaseUrl, show.id);
    let answers: Answer[];
    try {
      const parked = post(app.baseUrl, tokens[0]!, { showId: show.id, quantity: 1 }); // 4 -> 3
      await waitForLockWaiters(app.databaseUrl, 1);
      const queued = await inOrder(
        [2, 2, 1, 1].map((quantity, i) => () => post(app.baseUrl, tokens[i + 1]!, { showId: show.id, quantity })),
      );
      await release();
      answers = await Promise.all([parked, ...queued]);
    } finally {
      await release().catch(() => undefined);
    }
    const summary = answers.map((a) => [a.status, a.body.quantity ?? a.body.error?.details?.availableSlots]);
    // 2 fits (3 -> 1); the next 2 does not (1 left) but the 1 after it still does (1 -> 0); the last is too late.
    expect(summary).toEqual([
      [201, 1],
      [201, 2],
      [409, 1],
      [201, 1],
      [409, 0],
    ]);
    expect(await storedCounts(app, show.id)).toMatchObject({ available: 0, held: 4, bookings: 3 });
  });
});

describe('a batch that fails as a whole', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ BOOKING_BATCH_LANES: '1', DB_LOCK_TIMEOUT_MS: '1500' });
  });
  afterAll(() => app.close());

  it('when its backend is terminated, then every request in it gets the same 503 and nothing is kept', async () => {
    const [stuck, free] = [await createShow(app, { totalSlots: 10 }), await createShow(app, { totalSlots: 10 })];
    const tokens = await Promise.all(Array.from({ length: 4 }, () => createUser(app).then((u) => u.token)));
    const release = await holdShowLock(app.databaseUrl, stuck.id);
    let answers: Answer[];
    try {
      const first = post(app.baseUrl, tokens[0]!, { showId: stuck.id });
      await waitForLockWaiters(app.databaseUrl, 1);
      const firstPid = await lockWaiters(app.databaseUrl);
      // These queue behind the parked batch and go together as the next one, which parks on the lock too.
      const queued = [stuck, free, free].map((show, i) => post(app.baseUrl, tokens[i + 1]!, { showId: show.id }));
      await sleep(100);
      await app.db.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) pid', [firstPid]);
      expect((await first).body.error?.code).toBe('DATABASE_UNAVAILABLE');
      let next: number[] = [];
      for (let tries = 0; next.length === 0 && tries < 100; tries++) {
        next = (await lockWaiters(app.databaseUrl)).filter((pid) => !firstPid.includes(pid));
        await sleep(20);
      }
      await app.db.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) pid', [next]);
      answers = await Promise.all(queued);
    } finally {
      await release();
    }
    expect(answers.map((a) => [a.status, a.body.error?.code])).toEqual(Array(3).fill([503, 'DATABASE_UNAVAILABLE']));
    expect(await storedCounts(app, free.id)).toMatchObject({ bookings: 0, available: 10 });
  });

  it('when the lock outlasts the earliest deadline, then every request in it gets 503 BUSY, none is kept', async () => {
    const [stuck, free] = [await createShow(app, { totalSlots: 10 }), await createShow(app, { totalSlots: 10 })];
    const tokens = await Promise.all(Array.from({ length: 4 }, () => createUser(app).then((u) => u.token)));
    const release = await holdShowLock(app.databaseUrl, stuck.id);
    const started = Date.now();
    let answers: Answer[];
    try {
      answers = await Promise.all(
        [stuck, stuck, free, free].map((show, i) => post(app.baseUrl, tokens[i]!, { showId: show.id })),
      );
    } finally {
      await release();
    }
    expect(answers.map((a) => [a.status, a.body.error?.code])).toEqual(Array(4).fill([503, 'BUSY']));
    // Nobody waited much past their own deadline (1.5 s), queued or at the database.
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await storedCounts(app, free.id)).toMatchObject({ bookings: 0, available: 10 });
    // The lane is whole again.
    expect((await post(app.baseUrl, tokens[0]!, { showId: free.id })).status).toBe(201);
  });
});

describe('two API processes booking one show', () => {
  let app: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    // Another API on the same database: its own pool, desk and lanes; only the show's row lock is shared.
    second = await startTestApp({}, { sameDatabaseAs: app });
  });
  afterAll(async () => {
    await second.close();
    await app.close();
  });

  it('when 160 people race for 50 places through both, then no place is sold twice and 201s equal rows', async () => {
    const show = await createShow(app, { totalSlots: 50 });
    const tokens = await Promise.all(Array.from({ length: 160 }, () => createUser(app).then((u) => u.token)));
    const answers = await Promise.all(
      tokens.map((token, i) =>
        post(i % 2 ? second.baseUrl : app.baseUrl, token, { showId: show.id, quantity: 1 + (i % 3) }),
      ),
    );
    const granted = answers.filter((a) => a.status === 201);
    expect(answers.every((a) => a.status === 201 || a.body.error?.code === 'SOLD_OUT')).toBe(true);
    const held = granted.reduce((sum, a) => sum + a.body.quantity!, 0);
    expect(held).toBeLessThanOrEqual(50);
    expect(held).toBeGreaterThan(45); // quantities are 1-3: only the last few places can stay unsold
    expect(await storedCounts(app, show.id)).toMatchObject({ held, available: 50 - held, bookings: granted.length });
    expect(new Set(granted.map((a) => a.body.id)).size).toBe(granted.length);
  });
});

describe('what a booking says, wherever it is read', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('when booked with a key, then the 201, its replay and GET /bookings/:id are the same text', async () => {
    const show = await createShow(app, { totalSlots: 5 });
    const { token } = await createUser(app);
    const created = await post(app.baseUrl, token, { showId: show.id, quantity: 2 }, 'one-text');
    const replayed = await post(app.baseUrl, token, { showId: show.id, quantity: 2 }, 'one-text');
    const read = await fetch(`${app.baseUrl}/bookings/${created.body.id}`, { headers: bearer(token) });

    expect(created.status).toBe(201);
    expect(replayed).toMatchObject({ status: 201, replayed: true, text: created.text });
    expect(await read.text()).toBe(created.text);
    expect(Date.parse(created.body.expiresAt!) - Date.parse(created.body.createdAt!)).toBe(
      app.config.bookingHoldSeconds * 1000,
    );
  });

  it('when the desk is idle, then a lone booking is answered at once', async () => {
    const show = await createShow(app, { totalSlots: 50 });
    const tokens = await Promise.all(Array.from({ length: 10 }, () => createUser(app).then((u) => u.token)));
    const times: number[] = [];
    for (const token of tokens) {
      const started = performance.now();
      expect((await post(app.baseUrl, token, { showId: show.id })).status).toBe(201);
      times.push(performance.now() - started);
    }
    // No collection window: the median lone booking takes a round trip, far below any timer worth having.
    expect(times.sort((a, b) => a - b)[5]).toBeLessThan(100);
  });
});
