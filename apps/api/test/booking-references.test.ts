import { BOOKING_REFERENCE_PATTERN } from '@holdfast/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createShow, createUser, holdSlots } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;
let token: string;
let adminToken: string;
beforeAll(async () => {
  app = await startTestApp();
  token = (await createUser(app)).token;
  adminToken = (await createUser(app, { role: 'admin' })).token;
});
afterAll(() => app.close());

const confirm = (bookingId: number, as = token) =>
  app.http.post('/bookings/confirm').set(bearer(as)).send({ bookingId });
const storedReference = async (bookingId: number) =>
  (await app.db.query<{ reference: string | null }>('SELECT reference FROM bookings WHERE id = $1', [bookingId]))
    .rows[0]!.reference;

describe('booking references', () => {
  it('when a hold is made, then it has no reference yet', async () => {
    const show = await createShow(app);
    const hold = await holdSlots(app, token, show.id);
    expect(hold).not.toHaveProperty('reference');
    expect((await app.http.get(`/bookings/${hold.id}`).set(bearer(token))).body).not.toHaveProperty('reference');
    expect(await storedReference(hold.id)).toBeNull();
  });

  it('when a hold is confirmed, then it gets 8 Crockford characters, stored in the same statement', async () => {
    const show = await createShow(app);
    const hold = await holdSlots(app, token, show.id, 2);
    const response = await confirm(hold.id);
    expect(response.status).toBe(200);
    expect(response.body.reference).toMatch(BOOKING_REFERENCE_PATTERN);
    expect(response.body.reference).not.toMatch(/[ILOU]/);
    expect(await storedReference(hold.id)).toBe(response.body.reference);
  });

  it('when the booking is read, listed, cancelled or listed by an admin, then its reference stays', async () => {
    const show = await createShow(app);
    const hold = await holdSlots(app, token, show.id);
    const { reference } = (await confirm(hold.id)).body as { reference: string };
    expect((await app.http.get(`/bookings/${hold.id}`).set(bearer(token))).body.reference).toBe(reference);
    const mine = (await app.http.get('/bookings/my-bookings').set(bearer(token))).body as { id: number }[];
    expect(mine.find((b) => b.id === hold.id)).toMatchObject({ reference, showName: show.name });
    const cancelled = await app.http.post(`/bookings/${hold.id}/cancel`).set(bearer(token));
    expect(cancelled.body).toMatchObject({ status: 'CANCELLED', reference });
    const listed = (await app.http.get(`/shows/${show.id}/bookings`).set(bearer(adminToken))).body as { id: number }[];
    expect(listed.find((b) => b.id === hold.id)).toMatchObject({ status: 'CANCELLED', reference });
  });

  it('when many bookings are confirmed at once, then every reference is different', async () => {
    const show = await createShow(app, { totalSlots: 40 });
    const users = await Promise.all(Array.from({ length: 20 }, () => createUser(app)));
    const holds = await Promise.all(users.map((u) => holdSlots(app, u.token, show.id)));
    const confirmed = await Promise.all(holds.map((h, i) => confirm(h.id, users[i]!.token)));
    const references = confirmed.map((r) => r.body.reference as string);
    expect(references.every((r) => BOOKING_REFERENCE_PATTERN.test(r))).toBe(true);
    expect(new Set(references).size).toBe(references.length);
  });

  it('when code writes a wrong, copied or missing reference, then the database refuses it', async () => {
    const show = await createShow(app);
    const [a, b, c] = [
      await holdSlots(app, token, show.id),
      await holdSlots(app, (await createUser(app)).token, show.id),
      await holdSlots(app, (await createUser(app)).token, show.id),
    ];
    const { reference } = (await confirm(a.id)).body as { reference: string };
    const write = (sql: string, params: unknown[]) =>
      app.db.query(sql, params).then(
        () => 'ok',
        (e) => e.code,
      );
    // Another booking's reference (unique, and not its id's), or any other made-up one: CHECK or unique index.
    expect(await write('UPDATE bookings SET reference = $2 WHERE id = $1', [b.id, reference])).toMatch(/23505|23514/);
    expect(await write(`UPDATE bookings SET reference = 'ZZZZZZZZ' WHERE id = $1`, [b.id])).toBe('23514');
    // Confirmed without one.
    expect(await write(`UPDATE bookings SET status = 'CONFIRMED', confirmed_at = now() WHERE id = $1`, [c.id])).toBe(
      '23514',
    );
  });

  it('when each hold is its own transaction (BOOKING_BATCHING=off), then confirm sets it too', async () => {
    const batched = await startTestApp({ BOOKING_BATCHING: 'off' });
    try {
      const { token: user } = await createUser(batched);
      const show = await createShow(batched);
      const held = await batched.http.post('/bookings').set(bearer(user)).send({ showId: show.id, quantity: 1 });
      expect(held.status).toBe(201);
      expect(held.body).not.toHaveProperty('reference');
      const confirmed = await batched.http
        .post('/bookings/confirm')
        .set(bearer(user))
        .send({ bookingId: held.body.id });
      expect(confirmed.body.reference).toMatch(BOOKING_REFERENCE_PATTERN);
    } finally {
      await batched.close();
    }
  });
});
