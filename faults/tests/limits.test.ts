import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printFigures, tallyStrings } from '../support/figures.js';
import { send } from '../support/http.js';
import { showViolations } from '../support/invariants.js';
import { pause } from '../support/load.js';
import { useControllableServer } from '../support/scratch-server.js';
import { seedShows, seedUsers, type LoadUser } from '../support/seed.js';
import { startFaultStack, type FaultStack } from '../support/stack.js';

const server = useControllableServer();
let stack: FaultStack;
beforeAll(async () => {
  // The production defaults (rate limits on, one hold per user per show, two-minute holds), but a 1 s lock
  // timeout to keep the in-flight case short. The fault stack's 1 s holds would let the hoarding test's first
  // hold lapse while a slow request of the same burst is still queued, and that request is rightly granted.
  stack = await startFaultStack(server(), {
    RATE_LIMITS: 'on',
    MAX_ACTIVE_HOLDS_PER_USER_PER_SHOW: '1',
    BOOKING_HOLD_SECONDS: '120',
    DB_LOCK_TIMEOUT_MS: '1000',
  });
});
afterAll(() => stack?.stop());

const statuses = (answers: { status: number; code: string | null }[]) =>
  tallyStrings(answers.map((a) => (a.code ? `${a.status} ${a.code}` : String(a.status))));

describe('Idempotency-Key, hold cap and sign-in limits in the production bundle', () => {
  it('when one user asks for 20 holds of 10 at once, then one is granted and the rest point to it', async () => {
    const [user] = (await seedUsers(stack.db, stack.jwtSecret, 1)) as [LoadUser];
    const [showId] = (await seedShows(stack.db, [200])) as [number];
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        send(stack.url, '/bookings', { token: user.token, body: { showId, quantity: 10 } }),
      ),
    );
    const granted = answers.filter((a) => a.status === 201);
    const { rows } = await stack.db.query<{ held: number }>(
      `SELECT COALESCE(sum(quantity), 0)::int AS held FROM bookings WHERE show_id = $1 AND status = 'PENDING'`,
      [showId],
    );
    printFigures('hoarding: one user, 20 concurrent holds of 10 on a 200-slot show', [
      ['answers', statuses(answers)],
      ['slots held', `${rows[0]!.held} of 200`],
    ]);

    expect(granted).toHaveLength(1);
    for (const refused of answers.filter((a) => a.status !== 201)) {
      expect(refused).toMatchObject({ status: 409, code: 'HOLD_EXISTS' });
      expect(refused.body?.error?.details?.bookingId).toBe(granted[0]!.body?.id);
    }
    expect(rows[0]!.held).toBe(10);
    expect(await showViolations(stack.db, [showId])).toEqual([]);
  });

  it('when someone guesses a password 200 times, 20 at a time, then guessing stops at the limit', async () => {
    const email = `victim-${randomUUID()}@example.test`;
    const password = 'the-right-password';
    expect((await send(stack.url, '/auth/register', { body: { name: 'Victim', email, password } })).status).toBe(201);
    const started = performance.now();
    const answers = [];
    for (let batch = 0; batch < 10; batch++) {
      const guesses = Array.from({ length: 20 }, (_, i) => `wrong-guess-${batch}-${i}`);
      answers.push(
        ...(await Promise.all(
          guesses.map((guess) => send(stack.url, '/auth/login', { body: { email, password: guess } })),
        )),
      );
    }
    const seconds = (performance.now() - started) / 1000;
    const rightOne = await send(stack.url, '/auth/login', { body: { email, password } });
    const wrongAnswered = answers.filter((a) => a.status === 401).length;
    printFigures('brute force: 200 wrong passwords for one account, 20 at a time', [
      ['answers', statuses(answers)],
      ['took', `${seconds.toFixed(1)} s`],
      ['then the right password', statuses([rightOne])],
    ]);

    // LOGIN_FAILURES_MAX is 10; guesses already in flight when the 10th fails may still be judged (at most a batch).
    expect(wrongAnswered).toBeGreaterThanOrEqual(10);
    expect(wrongAnswered).toBeLessThanOrEqual(10 + 20);
    expect(answers.filter((a) => a.status !== 401 && a.status !== 429)).toEqual([]);
    expect(answers.filter((a) => a.status === 429).every((a) => Number(a.retryAfter) > 0)).toBe(true);
    expect(rightOne).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
  });

  it('when a key is replayed, reused, malformed or still in flight, then each gets its own answer', async () => {
    const [user, other] = (await seedUsers(stack.db, stack.jwtSecret, 2)) as [LoadUser, LoadUser];
    const [showId, secondShow] = (await seedShows(stack.db, [50, 50])) as [number, number];
    const book = (key: string, quantity = 1, token = user.token, show = showId) =>
      send(stack.url, '/bookings', { token, key, body: { showId: show, quantity } });

    const key = randomUUID();
    const first = await book(key);
    const replay = await book(key);
    const reused = await book(key, 2);
    const malformed = await book('not a valid key');

    // The same key twice at once, while the show is locked: the second waits for the first, then replays it.
    const operator = new pg.Client({ connectionString: stack.api.databaseUrl });
    await operator.connect();
    await operator.query('BEGIN');
    await operator.query('SELECT 1 FROM shows WHERE id = $1 FOR UPDATE', [secondShow]);
    const twinKey = randomUUID();
    const twins = Promise.all([
      book(twinKey, 1, other.token, secondShow),
      pause(100).then(() => book(twinKey, 1, other.token, secondShow)),
    ]);
    await pause(400);
    await operator.query('ROLLBACK');
    const [twinA, twinB] = await twins;

    // A first request that holds its key past the lock timeout: the retry is told to come back, then succeeds.
    const slowKey = randomUUID();
    const [thirdShow] = (await seedShows(stack.db, [50])) as [number];
    await operator.query('BEGIN');
    await operator.query(`INSERT INTO idempotency_keys (user_id, key, fingerprint) VALUES ($1, $2, repeat('0', 64))`, [
      user.id,
      slowKey,
    ]);
    const inUse = await book(slowKey, 1, user.token, thirdShow);
    await operator.query('ROLLBACK');
    await operator.end();
    const afterInUse = await book(slowKey, 1, user.token, thirdShow);

    printFigures('Idempotency-Key', [
      ['first, replay', `${statuses([first])}, ${statuses([replay])} (replayed: ${replay.replayed})`],
      ['same key, other body', statuses([reused])],
      ['malformed key', statuses([malformed])],
      [
        'twins while the show is locked',
        `${statuses([twinA, twinB])}, replayed: ${[twinA, twinB].filter((t) => t.replayed).length}`,
      ],
      [
        'key still in flight, then free',
        `${statuses([inUse])} (Retry-After ${inUse.retryAfter}), ${statuses([afterInUse])}`,
      ],
    ]);

    expect(first.status).toBe(201);
    expect(replay).toMatchObject({ status: 201, replayed: true, text: first.text });
    expect(reused).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(malformed).toMatchObject({ status: 400, code: 'INVALID_IDEMPOTENCY_KEY' });
    expect([twinA.status, twinB.status]).toEqual([201, 201]);
    expect(twinA.body?.id).toBe(twinB.body?.id);
    expect([twinA, twinB].filter((t) => t.replayed)).toHaveLength(1);
    expect(inUse).toMatchObject({
      status: 409,
      code: 'IDEMPOTENCY_KEY_IN_USE',
      retryAfter: expect.stringMatching(/^\d+$/),
    });
    expect(afterInUse).toMatchObject({ status: 201, replayed: false });
    const { rows } = await stack.db.query<{ show_id: number; n: number }>(
      'SELECT show_id, count(*)::int AS n FROM bookings WHERE user_id = ANY($1) GROUP BY show_id ORDER BY show_id',
      [[user.id, other.id]],
    );
    expect(rows).toEqual([
      { show_id: showId, n: 1 },
      { show_id: secondShow, n: 1 },
      { show_id: thirdShow, n: 1 },
    ]);
    expect(await showViolations(stack.db, [showId, secondShow, thirdShow])).toEqual([]);
  });
});
