import type { Booking } from '@holdfast/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { scheduleExpireHolds } from '../src/jobs/expire-holds.job.js';
import { expireHolds } from '../src/modules/bookings/index.js';
import { createLogger } from '../src/platform/logger.js';
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
import { connectSocket, waitForShowUpdate, type TestSocket } from './support/sockets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;
let token: string;
const sockets: TestSocket[] = [];
beforeAll(async () => {
  // The sweeper's tests lay several holds of one user on one show; the hold cap has its own tests.
  app = await startTestApp({ BOOKING_HOLD_SECONDS: '1', MAX_ACTIVE_HOLDS_PER_USER_PER_SHOW: '0' });
  token = (await createUser(app)).token;
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});
afterAll(() => app.close());

const listen = async () => {
  const socket = await connectSocket(app.baseUrl);
  sockets.push(socket);
  return socket;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every hold re-announces its show when it runs out; waits until those announcements have gone out. */
async function letHoldAnnouncementsPass(holds: Booking[]) {
  const last = Math.max(...holds.map((hold) => Date.parse(hold.expiresAt)));
  await sleep(Math.max(0, last - Date.now()) + 150);
  await app.broadcaster.flushed();
}

/** How long until a hold runs out: a showsUpdated received before then cannot be its expiry announcement. */
const untilExpiry = (hold: Booking) => Math.max(0, Date.parse(hold.expiresAt) - Date.now());

describe('expiry sweeper', () => {
  it('when holds have lapsed, then it expires exactly those, frees their places and broadcasts', async () => {
    const show = await createShow(app, { totalSlots: 6 });
    const lapsed = await holdSlots(app, token, show.id, 2);
    const live = await holdSlots(app, token, show.id, 1);
    // Neither lapses when the instances' precise sweep looks (hold-expiries.ts): only the cron sweep finds `lapsed`.
    await app.db.query(`UPDATE bookings SET expires_at = now() + interval '1 hour' WHERE id = ANY($1)`, [
      [lapsed.id, live.id],
    ]);
    const confirmed = await holdSlots(app, token, show.id, 3);
    await app.http.post('/bookings/confirm').set(bearer(token)).send({ bookingId: confirmed.id }).expect(200);
    await letHoldAnnouncementsPass([lapsed, live, confirmed]);
    await lapseHold(app, lapsed.id);
    const socket = await listen();

    expect(await expireHolds(app)).toBeGreaterThanOrEqual(1);

    expect(await storedStatus(app, lapsed.id)).toBe('EXPIRED');
    expect(await storedStatus(app, live.id)).toBe('PENDING');
    expect(await storedStatus(app, confirmed.id)).toBe('CONFIRMED');
    expect(await storedCounts(app, show.id)).toMatchObject({ available: 2, held: 4 });
    expect(await waitForShowUpdate(socket, show.id, (s) => s.availableSlots === 2)).toMatchObject({ totalSlots: 6 });
  });

  it('when two sweeps run at once, then places are given back once', async () => {
    const show = await createShow(app, { totalSlots: 10 });
    const holds = [];
    for (let i = 0; i < 5; i++) holds.push(await holdSlots(app, token, show.id, 2));
    for (const hold of holds) await lapseHold(app, hold.id);
    const [first, second] = await Promise.all([expireHolds(app), expireHolds(app)]);
    expect(first + second).toBeGreaterThanOrEqual(5);
    expect(await storedCounts(app, show.id)).toMatchObject({ available: 10, held: 0 });
  });

  it('when lapsed holds sit on several shows, then one sweep expires each once and frees each show', async () => {
    const shows = await Promise.all([1, 2, 3].map(() => createShow(app, { totalSlots: 4 })));
    const lapsed = [];
    for (const show of shows) lapsed.push(await holdSlots(app, token, show.id, 3));
    const live = await holdSlots(app, token, shows[0]!.id, 1);
    for (const hold of lapsed) await lapseHold(app, hold.id);

    expect(await expireHolds(app)).toBeGreaterThanOrEqual(3);

    for (const hold of lapsed) expect(await storedStatus(app, hold.id)).toBe('EXPIRED');
    expect(await storedStatus(app, live.id)).toBe('PENDING');
    expect(await storedCounts(app, shows[0]!.id)).toMatchObject({ available: 3, held: 1 });
    for (const show of shows.slice(1))
      expect(await storedCounts(app, show.id)).toMatchObject({ available: 4, held: 0 });
  });

  it('when scheduled every second (six-field cron), then a hold expires on its own', async () => {
    const sweeper = scheduleExpireHolds({ ...app, logger: createLogger('silent') }, '* * * * * *');
    try {
      const show = await createShow(app, { totalSlots: 1 });
      const hold = await holdSlots(app, token, show.id);
      const deadline = Date.now() + 6_000;
      while ((await storedStatus(app, hold.id)) !== 'EXPIRED' && Date.now() < deadline) await sleep(100);
      expect(await storedStatus(app, hold.id)).toBe('EXPIRED');
      expect(await storedCounts(app, show.id)).toMatchObject({ available: 1 });
    } finally {
      await sweeper.stop();
    }
  });
});

describe('showsUpdated over Socket.IO', () => {
  it('when someone books, then every connected anonymous client receives the new availability', async () => {
    const show = await createShow(app, { totalSlots: 5 });
    const [first, second] = await Promise.all([listen(), listen()]);
    await holdSlots(app, token, show.id, 2);
    for (const socket of [first, second]) {
      expect(await waitForShowUpdate(socket, show.id, (s) => s.availableSlots === 3)).toMatchObject({
        id: show.id,
        totalSlots: 5,
      });
    }
  });

  it('when a booking is refused, then nothing is broadcast for it', async () => {
    const show = await createShow(app, { totalSlots: 1 });
    await holdSlots(app, token, show.id);
    await app.broadcaster.flushed();
    const socket = await listen();
    expect((await book(app, token, show.id)).status).toBe(409);
    await sleep(150);
    await app.broadcaster.flushed();
    expect(socket.received.flat().filter((s) => s.id === show.id)).toEqual([]);
  });

  it('when a hold runs out, then clients see its places come back at that moment, before the cron sweep', async () => {
    const show = await createShow(app, { totalSlots: 2 });
    const socket = await listen();
    const hold = await holdSlots(app, token, show.id, 2);
    await waitForShowUpdate(socket, show.id, (s) => s.availableSlots === 0);

    const freed = await waitForShowUpdate(socket, show.id, (s) => s.availableSlots === 2, 3_000);
    expect(freed).toMatchObject({ totalSlots: 2 });
    expect(Date.now() - Date.parse(hold.expiresAt)).toBeLessThan(1_000);
    // An instance's precise sweep expired it just after expiresAt (ADR 0015), well before the next cron run.
    expect(await storedStatus(app, hold.id)).toBe('EXPIRED');
  });

  it('when an admin creates, changes and deletes a show, then clients hear of each', async () => {
    const { token: adminToken } = await createUser(app, { role: 'admin' });
    const socket = await listen();
    const created = await app.http
      .post('/shows')
      .set(bearer(adminToken))
      .send({ name: 'Pop-up clinic', startTime: new Date(Date.now() + 86_400_000).toISOString(), totalSlots: 9 });
    const id = created.body.id as number;
    expect(await waitForShowUpdate(socket, id)).toMatchObject({ name: 'Pop-up clinic', availableSlots: 9 });
    await app.http.patch(`/shows/${id}`).set(bearer(adminToken)).send({ totalSlots: 12 }).expect(200);
    await waitForShowUpdate(socket, id, (s) => s.totalSlots === 12);
    await app.http.patch(`/shows/${id}`).set(bearer(adminToken)).send({ location: 'Hall B' }).expect(200);
    expect(await waitForShowUpdate(socket, id, (s) => s.location === 'Hall B')).toMatchObject({ totalSlots: 12 });
    await app.http.delete(`/shows/${id}`).set(bearer(adminToken)).expect(204);
    expect(await waitForShowUpdate(socket, id, (s) => s.deleted === true)).toMatchObject({ availableSlots: 0 });
  });

  it('when a confirm commits, then clients receive the show again, its places still taken', async () => {
    const show = await createShow(app, { totalSlots: 4 });
    const hold = await holdSlots(app, token, show.id, 2);
    await app.broadcaster.flushed();
    const socket = await listen();
    await app.http.post('/bookings/confirm').set(bearer(token)).send({ bookingId: hold.id }).expect(200);
    const update = await waitForShowUpdate(socket, show.id, () => true, untilExpiry(hold));
    expect(update).toMatchObject({ availableSlots: 2, totalSlots: 4 });
  });

  it('when a cancel commits, then clients receive the show with its places free again', async () => {
    const show = await createShow(app, { totalSlots: 4 });
    const hold = await holdSlots(app, token, show.id, 2);
    await app.broadcaster.flushed();
    const socket = await listen();
    await app.http.post(`/bookings/${hold.id}/cancel`).set(bearer(token)).expect(200);
    const update = await waitForShowUpdate(socket, show.id, () => true, untilExpiry(hold));
    expect(update).toMatchObject({ availableSlots: 4, totalSlots: 4 });
  });
});
