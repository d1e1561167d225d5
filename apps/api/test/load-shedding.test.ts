import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdSlots as holdSlotsWithin } from '../src/modules/bookings/bookings.repository.js';
import { createDb } from '../src/platform/db.js';
import { deadlineIn } from '../src/platform/deadline.js';
import { createLogger } from '../src/platform/logger.js';
import { bearer, book, createShow, createUser, storedCounts } from './support/factories.js';
import { holdShowLock } from './support/foreign-session.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;
beforeAll(async () => {
  // One booking (or batch) of a show in flight and four waiting, so a burst of forty overflows its queue
  // (the per-show queue with BOOKING_BATCHING=off, the show's lane with it on). Waits are long
  // (the deadline is DB_LOCK_TIMEOUT_MS), so that on a slow machine nothing admitted runs out of time.
  app = await startTestApp({
    MAX_BOOKINGS_IN_FLIGHT_PER_SHOW: '1',
    MAX_BOOKINGS_QUEUED_PER_SHOW: '4',
    BOOKING_BATCH_MAX_QUEUED: '4',
    DB_LOCK_TIMEOUT_MS: '20000',
    DB_STATEMENT_TIMEOUT_MS: '30000',
    DB_QUERY_TIMEOUT_MS: '30000',
  });
});
afterAll(() => app.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A real concurrent request whose answer can be looked at before the others have finished. */
function tracked(showId: number, token: string) {
  const answer = { done: false, status: 0, code: '', retryAfter: null as string | null };
  const finished = fetch(`${app.baseUrl}/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(token) },
    body: JSON.stringify({ showId }),
  }).then(async (response) => {
    const body = (await response.json()) as { error?: { code: string } };
    Object.assign(answer, { done: true, status: response.status, code: body.error?.code ?? '' });
    answer.retryAfter = response.headers.get('retry-after');
  });
  return { answer, finished };
}

async function until(condition: () => boolean, giveUpAfterMs: number) {
  const started = Date.now();
  while (!condition() && Date.now() - started < giveUpAfterMs) await sleep(10);
}

describe("a burst larger than one show's queue", () => {
  it('when 40 book at once, then 35 get 503 BUSY before the 5 admitted finish, and those 5 book', async () => {
    const [show, other] = [await createShow(app, { totalSlots: 50 }), await createShow(app, { totalSlots: 50 })];
    const tokens = await Promise.all(Array.from({ length: 41 }, () => createUser(app).then((u) => u.token)));
    const release = await holdShowLock(app.databaseUrl, show.id);
    let requests: ReturnType<typeof tracked>[] = [];
    try {
      requests = tokens.slice(0, 40).map((token) => tracked(show.id, token));
      await until(() => requests.filter((r) => r.answer.done).length >= 35, 10_000);
      const answered = requests.filter((r) => r.answer.done).map((r) => r.answer);

      // The refused were answered while the admitted still wait on the lock: shed, not queued.
      expect(answered).toHaveLength(35);
      expect(answered.every((a) => a.status === 503 && a.code === 'BUSY' && a.retryAfter === '1')).toBe(true);
      // Another show's bookings are not behind this show's queue.
      expect((await book(app, tokens[40]!, other.id)).status).toBe(201);
    } finally {
      await release();
    }
    await Promise.all(requests.map((r) => r.finished));
    expect(requests.filter((r) => r.answer.status === 201)).toHaveLength(5);
    expect(requests.every((r) => r.answer.status === 201 || r.answer.status === 503)).toBe(true);
    expect(await storedCounts(app, show.id)).toMatchObject({ bookings: 5, held: 5, available: 45 });
  });
});

describe('one deadline for a booking', () => {
  it("when the show's lock is stuck, then a booking waits for it only until its deadline", async () => {
    const show = await createShow(app, { totalSlots: 5 });
    const { user } = await createUser(app);
    const release = await holdShowLock(app.databaseUrl, show.id);
    // The pool's own lock_timeout is 20 s here (statements may run 30 s); the booking has 300 ms left.
    const outcome = holdSlotsWithin(app.db, {
      showId: show.id,
      userId: user.id,
      quantity: 1,
      holdSeconds: 60,
      maxHolds: 0,
      deadline: deadlineIn(300),
    });
    const settled = outcome.then(
      () => 'booked',
      () => 'refused',
    );
    try {
      // Far longer than the deadline: a booking still waiting now would get the lock and succeed.
      await Promise.race([settled, sleep(3_000)]);
    } finally {
      await release();
    }
    await expect(outcome).rejects.toMatchObject({ status: 503, code: 'BUSY' });
    expect((await storedCounts(app, show.id)).bookings).toBe(0);
  });
});

describe('the queue for a pooled connection', () => {
  it('when more wait for the pool than it may queue, then the rest get 503 BUSY at once', async () => {
    const show = await createShow(app, { totalSlots: 5 });
    const db = createDb(app.databaseUrl, createLogger('silent'), { poolMax: 1, poolMaxQueued: 2 });
    const release = await holdShowLock(app.databaseUrl, show.id);
    // The only connection waits on the stuck lock; two may queue behind it, three more are refused.
    const holder = db.query('SELECT 1 FROM shows WHERE id = $1 FOR UPDATE', [show.id]).then(() => 'done');
    const queued = [db.query('SELECT 1'), db.query('SELECT 1')];
    const refused = [db.query('SELECT 1'), db.query('SELECT 1'), db.query('SELECT 1')];
    try {
      for (const attempt of refused) await expect(attempt).rejects.toMatchObject({ status: 503, code: 'BUSY' });
      expect(await Promise.race([holder, sleep(0).then(() => 'still waiting')])).toBe('still waiting');
    } finally {
      await release();
    }
    try {
      expect(await holder).toBe('done');
      expect((await Promise.all(queued)).map((result) => result.rowCount)).toEqual([1, 1]);
    } finally {
      await db.close();
    }
  });
});
