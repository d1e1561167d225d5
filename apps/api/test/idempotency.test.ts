import type { Booking } from '@holdfast/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeOldIdempotencyKeys } from '../src/platform/idempotency.js';
import { bearer, createShow, createUser, storedCounts } from './support/factories.js';
import { holdInForeignSession, holdShowLock, waitForLockWaiters } from './support/foreign-session.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Shared commits claim keys inside their batch (book_batch); the one-request path, in runIdempotently.
describe.each(['on', 'off'])('with BOOKING_BATCHING=%s', (batching) => {
  let app: TestApp;
  let token: string;
  let userId: number;
  beforeAll(async () => {
    // A short lock_timeout bounds how long a retry waits for a first request that is still running.
    app = await startTestApp({ DB_LOCK_TIMEOUT_MS: '1000', BOOKING_BATCHING: batching });
    ({
      token,
      user: { id: userId },
    } = await createUser(app));
  });
  afterAll(() => app.close());

  let keyCounter = 0;
  const freshKey = () => `key-${Date.now()}-${keyCounter++}`;
  const bookWithKey = (showId: number, key: string, as = token, quantity = 1) =>
    app.http.post('/bookings').set(bearer(as)).set('Idempotency-Key', key).send({ showId, quantity });
  const storedKeys = async (key: string) =>
    (await app.db.query('SELECT 1 FROM idempotency_keys WHERE key = $1', [key])).rowCount;

  describe('POST /bookings with an Idempotency-Key', () => {
    it('when the same request is sent again, then the first answer is replayed and one hold exists', async () => {
      const show = await createShow(app, { totalSlots: 5 });
      const key = freshKey();
      const changes: number[][] = [];
      const stopListening = app.events.onAvailabilityChanged(({ showIds }) => changes.push(showIds));

      const first = await bookWithKey(show.id, key);
      const again = await bookWithKey(show.id, key);
      stopListening();

      expect(first.status).toBe(201);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.text).toBe(first.text); // byte for byte, key order included
      expect(await storedCounts(app, show.id)).toMatchObject({ bookings: 1, held: 1 });
      expect(changes).toEqual([[show.id]]); // the replay changed nothing, so it announced nothing
    });

    it('when the key comes with another body or on another endpoint, then 422 IDEMPOTENCY_KEY_REUSED', async () => {
      const show = await createShow(app, { totalSlots: 5 });
      const key = freshKey();
      const first = (await bookWithKey(show.id, key).expect(201)).body as Booking;

      const otherBody = await bookWithKey(show.id, key, token, 2);
      const otherEndpoint = await app.http
        .post('/bookings/confirm')
        .set(bearer(token))
        .set('Idempotency-Key', key)
        .send({ bookingId: first.id });

      for (const response of [otherBody, otherEndpoint]) {
        expect(response.status).toBe(422);
        expect(response.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
      }
      expect(await storedCounts(app, show.id)).toMatchObject({ bookings: 1, held: 1, confirmed: 0 });
    });

    it('when another user sends the same key, then it is theirs alone and books afresh', async () => {
      const show = await createShow(app, { totalSlots: 5 });
      const key = freshKey();
      const { token: other } = await createUser(app);
      const mine = await bookWithKey(show.id, key).expect(201);
      const theirs = await bookWithKey(show.id, key, other).expect(201);
      expect(theirs.headers['idempotent-replayed']).toBeUndefined();
      expect(theirs.body.id).not.toBe(mine.body.id);
    });

    it('when the first attempt is refused, then nothing is stored and a retry is judged afresh', async () => {
      const show = await createShow(app, { totalSlots: 1 });
      const { token: other } = await createUser(app);
      const theirs = (await bookWithKey(show.id, freshKey(), other).expect(201)).body as Booking;
      const key = freshKey();

      const refused = await bookWithKey(show.id, key);
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('SOLD_OUT');
      expect(await storedKeys(key)).toBe(0);

      await app.http.post(`/bookings/${theirs.id}/cancel`).set(bearer(other)).expect(200);
      const retried = await bookWithKey(show.id, key);
      expect(retried.status).toBe(201);
      expect(retried.headers['idempotent-replayed']).toBeUndefined();
    });

    it.each([
      ['empty', ''],
      ['256 characters', 'k'.repeat(256)],
      ['not ASCII', 'clé-1'],
      ['with a space', 'two words'],
    ])('when the key is %s, then 400 INVALID_IDEMPOTENCY_KEY and nothing is held', async (_, key) => {
      const show = await createShow(app, { totalSlots: 5 });
      const response = await bookWithKey(show.id, key);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('INVALID_IDEMPOTENCY_KEY');
      expect(await storedCounts(app, show.id)).toMatchObject({ bookings: 0 });
    });

    it('when the key is 255 characters, then it is accepted', async () => {
      const show = await createShow(app, { totalSlots: 5 });
      await bookWithKey(show.id, 'k'.repeat(255)).expect(201);
    });
  });

  describe('a retry while the first request is still running', () => {
    it('when the first finishes within the wait, then the retry waits for it and replays its answer', async () => {
      const show = await createShow(app, { totalSlots: 5 });
      const key = freshKey();
      // The show's lock is held elsewhere: the first request claims the key, then waits on the show.
      const release = await holdShowLock(app.databaseUrl, show.id);
      const first = bookWithKey(show.id, key).then((r) => r);
      await waitForLockWaiters(app.databaseUrl, 1);
      const retry = bookWithKey(show.id, key).then((r) => r);
      // The retry now waits on the first one's claim, or (batching) in the show's lane behind the first batch.
      if (batching === 'off') await waitForLockWaiters(app.databaseUrl, 2);
      else await new Promise((resolve) => setTimeout(resolve, 100));
      await release();

      const [a, b] = await Promise.all([first, retry]);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(b.headers['idempotent-replayed']).toBe('true');
      expect(b.body).toEqual(a.body);
      expect(await storedCounts(app, show.id)).toMatchObject({ bookings: 1 });
    });

    it('when the first outlasts the wait, then 409 IDEMPOTENCY_KEY_IN_USE with Retry-After', async () => {
      const show = await createShow(app, { totalSlots: 5 });
      const key = freshKey();
      // An uncommitted claim of this key is exactly what a request still running leaves in the database.
      const release = await holdInForeignSession(app.databaseUrl, [
        [`INSERT INTO idempotency_keys (user_id, key, fingerprint) VALUES ($1, $2, repeat('0', 64))`, [userId, key]],
      ]);
      try {
        const response = await bookWithKey(show.id, key);
        expect(response.status).toBe(409);
        expect(response.body.error.code).toBe('IDEMPOTENCY_KEY_IN_USE');
        expect(response.headers['retry-after']).toBe('1');
      } finally {
        await release();
      }
      expect(await storedCounts(app, show.id)).toMatchObject({ bookings: 0 });
    });

    it('when 20 copies of one request race, then exactly one hold is made and every answer is that hold', async () => {
      const show = await createShow(app, { totalSlots: 50 });
      const key = freshKey();
      const responses = await Promise.all(Array.from({ length: 20 }, () => bookWithKey(show.id, key)));
      const ok = responses.filter((r) => r.status === 201);
      const inUse = responses.filter((r) => r.status === 409);
      expect(ok.length + inUse.length).toBe(20);
      expect(inUse.every((r) => r.body.error.code === 'IDEMPOTENCY_KEY_IN_USE')).toBe(true);
      expect(new Set(ok.map((r) => r.body.id)).size).toBe(1);
      expect(ok.filter((r) => r.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
      expect(await storedCounts(app, show.id)).toMatchObject({ bookings: 1, held: 1 });
    });
    it("when the show's lock outlasts the deadline, then 503 BUSY, nothing kept, and a retry books", async () => {
      const show = await createShow(app, { totalSlots: 5 });
      const key = freshKey();
      const release = await holdShowLock(app.databaseUrl, show.id);
      let refused;
      try {
        refused = await bookWithKey(show.id, key); // the deadline is DB_LOCK_TIMEOUT_MS (1 s here)
      } finally {
        await release();
      }
      expect(refused.status).toBe(503);
      expect(refused.body.error.code).toBe('BUSY');
      expect(await storedKeys(key)).toBe(0);
      const retried = await bookWithKey(show.id, key);
      expect(retried.status).toBe(201);
      expect(retried.headers['idempotent-replayed']).toBeUndefined();
    });
  });

  describe('confirm and cancel with an Idempotency-Key', () => {
    it('when a confirm is retried, then it replays 200 instead of "not pending"', async () => {
      const show = await createShow(app, { totalSlots: 5 });
      const hold = (await bookWithKey(show.id, freshKey()).expect(201)).body as Booking;
      const key = freshKey();
      const confirm = () =>
        app.http.post('/bookings/confirm').set(bearer(token)).set('Idempotency-Key', key).send({ bookingId: hold.id });
      const first = await confirm();
      const again = await confirm();
      expect([first.status, again.status]).toEqual([200, 200]);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      // Without the key the same retry is honestly refused.
      const plain = await app.http.post('/bookings/confirm').set(bearer(token)).send({ bookingId: hold.id });
      expect(plain.body.error.code).toBe('BOOKING_NOT_PENDING');
    });

    it('when a cancel is retried, then it replays 200 and the places are released once', async () => {
      const show = await createShow(app, { totalSlots: 5 });
      const hold = (await bookWithKey(show.id, freshKey(), token, 3).expect(201)).body as Booking;
      const key = freshKey();
      const cancel = () => app.http.post(`/bookings/${hold.id}/cancel`).set(bearer(token)).set('Idempotency-Key', key);
      const [first, again] = [await cancel(), await cancel()];
      expect([first.status, again.status]).toEqual([200, 200]);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(await storedCounts(app, show.id)).toMatchObject({ available: 5, held: 0 });
    });
  });

  describe('what the database holds', () => {
    it('when a claim would commit without its answer, then the database refuses the commit', async () => {
      const release = holdInForeignSession(app.databaseUrl, [
        [
          `INSERT INTO idempotency_keys (user_id, key, fingerprint) VALUES ($1, $2, repeat('0', 64))`,
          [userId, freshKey()],
        ],
        ['COMMIT'],
      ]);
      await expect(release).rejects.toThrow(/committed without its response/);
    });

    it('when keys are over 24 hours old, then the purge removes them and keeps the rest', async () => {
      const [old, recent] = [freshKey(), freshKey()];
      for (const [key, age] of [
        [old, '25 hours'],
        [recent, '23 hours'],
      ] as const) {
        await app.db.query(
          `INSERT INTO idempotency_keys (user_id, key, fingerprint, response_status, response_body, created_at)
           VALUES ($1, $2, repeat('0', 64), 201, '{}', now() - $3::interval)`,
          [userId, key, age],
        );
      }
      expect(await purgeOldIdempotencyKeys(app.db)).toBeGreaterThanOrEqual(1);
      expect([await storedKeys(old), await storedKeys(recent)]).toEqual([0, 1]);
    });
  });
});
