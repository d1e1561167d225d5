import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireHolds } from '../src/modules/bookings/index.js';
import { bearer, createShow, createUser, holdSlots, lapseHold } from './support/factories.js';
import { connectSocket, waitForShowUpdate } from './support/sockets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;
let admin: string;
let user: string;
beforeAll(async () => {
  app = await startTestApp({ MAX_ACTIVE_HOLDS_PER_USER_PER_SHOW: '0' });
  admin = (await createUser(app, { role: 'admin' })).token;
  user = (await createUser(app)).token;
});
afterAll(() => app.close());

const versionOf = async (showId: number) => {
  const response = await app.http.get(`/shows/${showId}`);
  return { version: response.body.version as number, available: response.body.availableSlots as number };
};

describe('show versions', () => {
  it('when anything changes a show, then its version rises; a confirm, which changes no count, leaves it', async () => {
    const show = await createShow(app, { totalSlots: 10 });
    const seen = [await versionOf(show.id)];
    const first = await holdSlots(app, user, show.id, 2);
    seen.push(await versionOf(show.id));
    const second = await holdSlots(app, user, show.id, 1);
    seen.push(await versionOf(show.id));
    expect((await app.http.post(`/bookings/${second.id}/cancel`).set(bearer(user))).status).toBe(200);
    seen.push(await versionOf(show.id));
    expect((await app.http.patch(`/shows/${show.id}`).set(bearer(admin)).send({ totalSlots: 12 })).status).toBe(200);
    seen.push(await versionOf(show.id));
    expect((await app.http.post('/bookings/confirm').set(bearer(user)).send({ bookingId: first.id })).status).toBe(200);
    seen.push(await versionOf(show.id));

    expect(seen.map((s) => s.available)).toEqual([10, 8, 7, 8, 10, 10]);
    const versions = seen.map((s) => s.version);
    for (let i = 1; i < 5; i++) expect(versions[i], `change ${i}`).toBeGreaterThan(versions[i - 1]!);
    expect(versions[5]).toBe(versions[4]);
  });

  it('when holds lapse, then the version rises at once; sweeping them keeps the version and counts', async () => {
    const show = await createShow(app, { totalSlots: 5 });
    const holds = [await holdSlots(app, user, show.id, 1), await holdSlots(app, user, show.id, 2)];
    const before = await versionOf(show.id);
    for (const hold of holds) await lapseHold(app, hold.id);
    const lapsed = await versionOf(show.id);
    expect(lapsed).toEqual({ version: before.version + 2, available: 5 });

    expect(await expireHolds({ db: app.db, events: app.events })).toBeGreaterThanOrEqual(2);
    expect(await versionOf(show.id)).toEqual(lapsed);
    const listed = (await app.http.get('/shows')).body.find((s: { id: number }) => s.id === show.id);
    expect(listed).toMatchObject({ availableSlots: 5, version: lapsed.version });
  });

  it('when a change is announced, then showsUpdated carries the version a read then answers', async () => {
    const show = await createShow(app, { totalSlots: 4 });
    const socket = await connectSocket(app.baseUrl);
    try {
      await holdSlots(app, user, show.id, 1);
      const announced = await waitForShowUpdate(socket, show.id, (s) => s.availableSlots === 3);
      expect(announced.version).toBe((await versionOf(show.id)).version);
      expect(announced.version).toBeGreaterThan(1);
    } finally {
      socket.disconnect();
    }
  });
});
