import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  book,
  createShow,
  createUser,
  holdSlots,
  lapseHold,
  storedCounts,
  storedStatus,
} from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await startTestApp({ BOOKING_HOLD_SECONDS: '120' });
  token = (await createUser(app)).token;
});
afterAll(() => app.close());

const confirm = (bookingId: unknown, as = token) =>
  app.http.post('/bookings/confirm').set(bearer(as)).send({ bookingId });
const cancel = (bookingId: number, as = token) => app.http.post(`/bookings/${bookingId}/cancel`).set(bearer(as));

describe('POST /bookings', () => {
  it('when places are left, then it holds them for BOOKING_HOLD_SECONDS', async () => {
    const show = await createShow(app, { totalSlots: 5 });
    const response = await book(app, token, show.id, 3);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ showId: show.id, quantity: 3, status: 'PENDING' });
    const held = Date.parse(response.body.expiresAt) - Date.parse(response.body.createdAt);
    expect(held).toBe(120_000);
    expect(await storedCounts(app, show.id)).toMatchObject({ available: 2, held: 3 });
  });

  it('when no quantity is given, then it holds one place', async () => {
    const show = await createShow(app, { totalSlots: 10 });
    const response = await book(app, token, show.id);
    expect(response.status).toBe(201);
    expect(response.body.quantity).toBe(1);
    expect(await storedCounts(app, show.id)).toMatchObject({ available: 9, held: 1 });
  });

  it('when fewer places are left than asked, then 409 SOLD_OUT says how many remain and nothing is held', async () => {
    const show = await createShow(app, { totalSlots: 3 });
    const { token: someoneElse } = await createUser(app);
    await holdSlots(app, someoneElse, show.id, 2);
    const response = await book(app, token, show.id, 2);
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: 'SOLD_OUT', details: { availableSlots: 1 } });
    expect(await storedCounts(app, show.id)).toMatchObject({ available: 1, held: 2, bookings: 1 });
  });

  it('when the show is unknown, then 404; when it has started, then 409 SHOW_STARTED', async () => {
    expect((await book(app, token, 999_999)).status).toBe(404);
    const started = await createShow(app, { startsInMinutes: -5 });
    const response = await book(app, token, started.id);
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('SHOW_STARTED');
  });

  it.each([
    ['quantity 0', { quantity: 0 }],
    ['quantity 11', { quantity: 11 }],
    ['quantity 1.5', { quantity: 1.5 }],
    ['quantity "2"', { quantity: '2' }],
    ['showId "1"', { showId: '1' }],
    ['showId beyond 32 bits', { showId: 2 ** 40 }],
    ['no showId', { showId: undefined }],
  ])('when given %s, then 400', async (_label, override) => {
    const show = await createShow(app);
    const response = await app.http
      .post('/bookings')
      .set(bearer(token))
      .send({ showId: show.id, quantity: 1, ...override });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_ERROR');
  });

  it('when not signed in, then 401', async () => {
    const show = await createShow(app);
    expect((await app.http.post('/bookings').send({ showId: show.id })).status).toBe(401);
  });

  it('when the only places are held by a lapsed hold, then the booking reclaims them', async () => {
    const show = await createShow(app, { totalSlots: 1 });
    const lapsed = await holdSlots(app, token, show.id);
    await lapseHold(app, lapsed.id);
    const { token: other } = await createUser(app);
    expect((await book(app, other, show.id)).status).toBe(201);
    expect(await storedStatus(app, lapsed.id)).toBe('EXPIRED');
    expect(await storedCounts(app, show.id)).toMatchObject({ available: 0, held: 1 });
  });
});

describe('POST /bookings/confirm', () => {
  it('when the hold is live, then it becomes CONFIRMED and the places stay taken', async () => {
    const show = await createShow(app, { totalSlots: 4 });
    const hold = await holdSlots(app, token, show.id, 2);
    const response = await confirm(hold.id);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: hold.id, status: 'CONFIRMED', confirmedAt: expect.any(String) });
    expect(await storedCounts(app, show.id)).toMatchObject({ available: 2, confirmed: 2 });
  });

  it('when confirmed twice, then the second gets 409 BOOKING_NOT_PENDING', async () => {
    const hold = await holdSlots(app, token, (await createShow(app)).id);
    await confirm(hold.id).expect(200);
    const again = await confirm(hold.id);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'BOOKING_NOT_PENDING', details: { status: 'CONFIRMED' } });
  });

  it('when the hold has lapsed, then 409 HOLD_EXPIRED and the places are free', async () => {
    const show = await createShow(app, { totalSlots: 2 });
    const hold = await holdSlots(app, token, show.id, 2);
    await lapseHold(app, hold.id);
    const response = await confirm(hold.id);
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('HOLD_EXPIRED');
    expect((await app.http.get(`/shows/${show.id}`)).body.availableSlots).toBe(2);
  });

  it("when the booking is someone else's or unknown, then 404, never 403", async () => {
    const hold = await holdSlots(app, token, (await createShow(app)).id);
    const { token: stranger } = await createUser(app);
    const response = await confirm(hold.id, stranger);
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('BOOKING_NOT_FOUND');
    expect((await confirm(999_999)).status).toBe(404);
    expect(await storedStatus(app, hold.id)).toBe('PENDING');
  });

  it('when bookingId is not an id, then 400', async () => {
    expect((await confirm('1')).status).toBe(400);
    expect((await confirm(null)).status).toBe(400);
  });
});

describe('POST /bookings/:id/cancel', () => {
  it('when a live hold or a confirmed booking is cancelled, then its places are free again', async () => {
    const show = await createShow(app, { totalSlots: 5 });
    const confirmed = await holdSlots(app, token, show.id, 3);
    await confirm(confirmed.id).expect(200);
    const pending = await holdSlots(app, token, show.id, 2);

    const first = await cancel(pending.id);
    const second = await cancel(confirmed.id);
    expect(first.status).toBe(200);
    expect(second.body).toMatchObject({
      status: 'CANCELLED',
      cancelledAt: expect.any(String),
      confirmedAt: expect.any(String),
    });
    expect(await storedCounts(app, show.id)).toMatchObject({ available: 5, held: 0 });
  });

  it('when cancelled twice, then 409 and the places are released only once', async () => {
    const show = await createShow(app, { totalSlots: 5 });
    const hold = await holdSlots(app, token, show.id, 2);
    await cancel(hold.id).expect(200);
    const again = await cancel(hold.id);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('BOOKING_NOT_CANCELLABLE');
    expect(await storedCounts(app, show.id)).toMatchObject({ available: 5 });
  });

  it('when the show has started, then a confirmed booking can no longer be cancelled', async () => {
    const show = await createShow(app);
    const hold = await holdSlots(app, token, show.id);
    await confirm(hold.id).expect(200);
    await app.db.query(`UPDATE shows SET start_time = now() - interval '1 minute' WHERE id = $1`, [show.id]);
    const response = await cancel(hold.id);
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('BOOKING_NOT_CANCELLABLE');
    expect(await storedStatus(app, hold.id)).toBe('CONFIRMED');
    expect(await storedCounts(app, show.id)).toMatchObject({ available: 9, confirmed: 1 });
  });

  it("when the booking is someone else's or the id is not a number, then 404 and nothing changes", async () => {
    const show = await createShow(app, { totalSlots: 10 });
    const hold = await holdSlots(app, token, show.id);
    const { token: stranger } = await createUser(app);
    expect((await cancel(hold.id, stranger)).status).toBe(404);
    expect((await app.http.post('/bookings/abc/cancel').set(bearer(token))).status).toBe(404);
    expect(await storedStatus(app, hold.id)).toBe('PENDING');
    expect(await storedCounts(app, show.id)).toMatchObject({ available: 9, held: 1 });
  });
});

describe('GET /bookings/:id and GET /bookings/my-bookings', () => {
  it('when reading your own booking, then you get it; someone else gets 404', async () => {
    const hold = await holdSlots(app, token, (await createShow(app)).id);
    expect((await app.http.get(`/bookings/${hold.id}`).set(bearer(token))).body).toEqual(hold);
    const { token: stranger } = await createUser(app);
    expect((await app.http.get(`/bookings/${hold.id}`).set(bearer(stranger))).status).toBe(404);
  });

  it('when a hold has lapsed before the sweep, then it already reads as EXPIRED', async () => {
    const hold = await holdSlots(app, token, (await createShow(app)).id);
    await lapseHold(app, hold.id);
    expect((await app.http.get(`/bookings/${hold.id}`).set(bearer(token))).body.status).toBe('EXPIRED');
    expect(await storedStatus(app, hold.id)).toBe('PENDING');
  });

  it("when listing, then only the caller's bookings come, newest first, with the show's name and time", async () => {
    const { token: mine } = await createUser(app);
    const show = await createShow(app, { name: 'Evening clinic' });
    const older = await holdSlots(app, mine, (await createShow(app)).id);
    const newer = await holdSlots(app, mine, show.id, 2);
    await holdSlots(app, token, show.id);
    const response = await app.http.get('/bookings/my-bookings').set(bearer(mine));
    expect(response.status).toBe(200);
    expect(response.body.map((b: { id: number }) => b.id)).toEqual([newer.id, older.id]);
    expect(response.body[0]).toMatchObject({ showName: 'Evening clinic', showStartTime: show.startTime, quantity: 2 });
  });
});
