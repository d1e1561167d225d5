import type { Booking } from '@holdfast/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, book, createShow, createUser, holdSlots, lapseHold, storedCounts } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp(); // the default cap: one live hold per user per show
});
afterAll(() => app.close());

describe('one live hold per user per show (MAX_ACTIVE_HOLDS_PER_USER_PER_SHOW=1)', () => {
  it('when a user books a show they already hold, then 409 HOLD_EXISTS names that hold', async () => {
    const show = await createShow(app, { totalSlots: 200 });
    const { token } = await createUser(app);
    const hold = await holdSlots(app, token, show.id, 10);
    const again = await book(app, token, show.id, 10);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'HOLD_EXISTS', details: { bookingId: hold.id } });
    expect(await storedCounts(app, show.id)).toMatchObject({ held: 10, bookings: 1 });
  });

  it('when the hold is confirmed, cancelled or lapses, then the user may hold again', async () => {
    const show = await createShow(app, { totalSlots: 10 });
    const { token } = await createUser(app);
    const confirmed = await holdSlots(app, token, show.id);
    await app.http.post('/bookings/confirm').set(bearer(token)).send({ bookingId: confirmed.id }).expect(200);
    const cancelled = await holdSlots(app, token, show.id);
    await app.http.post(`/bookings/${cancelled.id}/cancel`).set(bearer(token)).expect(200);
    const lapsed = await holdSlots(app, token, show.id);
    await lapseHold(app, lapsed.id);
    await holdSlots(app, token, show.id);
    expect(await storedCounts(app, show.id)).toMatchObject({ held: 2, confirmed: 1 });
  });

  it('when a user holds one show, then other shows and other users are unaffected', async () => {
    const [show, other] = [await createShow(app), await createShow(app)];
    const { token } = await createUser(app);
    await holdSlots(app, token, show.id);
    await holdSlots(app, token, other.id);
    await holdSlots(app, (await createUser(app)).token, show.id);
  });
});

// The race of one user against themself, on shared commits (the default) and on the one-request path.
describe.each(['on', 'off'])('one user racing themself (BOOKING_BATCHING=%s)', (batching) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ BOOKING_BATCHING: batching });
  });
  afterAll(() => app.close());

  it('when one user presses Book 10 times at once, then exactly one hold is made', async () => {
    const show = await createShow(app, { totalSlots: 200 });
    const { token } = await createUser(app);
    const responses = await Promise.all(Array.from({ length: 10 }, () => book(app, token, show.id, 10)));
    const made = responses.filter((r) => r.status === 201).map((r) => r.body as Booking);
    expect(made).toHaveLength(1);
    for (const refused of responses.filter((r) => r.status !== 201)) {
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({ code: 'HOLD_EXISTS', details: { bookingId: made[0]!.id } });
    }
    expect(await storedCounts(app, show.id)).toMatchObject({ held: 10, bookings: 1 });
  });
});

describe('the cap is configurable', () => {
  it('when it is 2, then a third hold is refused; when it is 0, then holds are unlimited', async () => {
    const [two, unlimited] = await Promise.all([
      startTestApp({ MAX_ACTIVE_HOLDS_PER_USER_PER_SHOW: '2' }),
      startTestApp({ MAX_ACTIVE_HOLDS_PER_USER_PER_SHOW: '0' }),
    ]);
    try {
      for (const [instance, expected] of [
        [two, [201, 201, 409]],
        [unlimited, [201, 201, 201]],
      ] as const) {
        const show = await createShow(instance);
        const { token } = await createUser(instance);
        const statuses = [];
        for (let i = 0; i < 3; i++) statuses.push((await book(instance, token, show.id)).status);
        expect(statuses).toEqual(expected);
      }
    } finally {
      await Promise.all([two.close(), unlimited.close()]);
    }
  });
});
