import type { Booking, ShowAvailability } from '@holdfast/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createShow, createUser, holdSlots, storedCounts } from './support/factories.js';
import { connectSocket, waitForShowUpdate, watchShows, type TestSocket } from './support/sockets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** shows-broadcaster.ts: flushes start at least this far apart, so a watcher hears at most 5 messages a second. */
const MIN_GAP_MS = 200;

let app: TestApp;
let token: string;
const sockets: TestSocket[] = [];
beforeAll(async () => {
  app = await startTestApp({ MAX_ACTIVE_HOLDS_PER_USER_PER_SHOW: '0' });
  token = (await createUser(app)).token;
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});
afterAll(() => app.close());

const listen = async (on: TestApp = app) => {
  const socket = await connectSocket(on.baseUrl);
  sockets.push(socket);
  return socket;
};
/** Lets every flush announced so far go out and reach the clients (same machine: well under 100 ms). */
const settle = async (on: TestApp = app) => {
  await on.broadcaster.flushed();
  await new Promise((resolve) => setTimeout(resolve, 100));
};
const byNumber = (a: number, b: number) => a - b;
const idsHeard = (socket: TestSocket) => new Set(socket.received.flat().map((show) => show.id));
const lastHeard = (socket: TestSocket, showId: number): ShowAvailability | undefined =>
  socket.received
    .flat()
    .filter((show) => show.id === showId)
    .at(-1);

/** Books `count` single places spread round-robin over `showIds`, `concurrency` at a time; all must succeed. */
async function bookMany(on: TestApp, userToken: string, showIds: number[], count: number, concurrency = 24) {
  const holds: Booking[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const showId = showIds[next++ % showIds.length]!;
      holds.push(await holdSlots(on, userToken, showId));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return holds;
}

describe('watchShows: a client narrows what it hears', () => {
  it('when a client watches some shows, then it hears only those, deleted included; others hear all', async () => {
    const [kept, other, removed] = await Promise.all([1, 2, 3].map(() => createShow(app, { totalSlots: 5 })));
    const narrowed = await listen();
    const everyone = await listen();
    expect(await watchShows(narrowed, [removed!.id, kept!.id, kept!.id])).toEqual({ watching: 2 });

    for (const show of [kept!, other!]) await holdSlots(app, token, show.id);
    const { token: adminToken } = await createUser(app, { role: 'admin' });
    await app.http.delete(`/shows/${removed!.id}`).set(bearer(adminToken)).expect(204);

    expect(await waitForShowUpdate(narrowed, removed!.id, (s) => s.deleted === true)).toBeTruthy();
    expect(await waitForShowUpdate(everyone, removed!.id, (s) => s.deleted === true)).toBeTruthy();
    await waitForShowUpdate(everyone, other!.id, (s) => s.availableSlots === 4);
    await settle();
    expect(lastHeard(narrowed, kept!.id)).toMatchObject({ availableSlots: 4 });
    expect([...idsHeard(narrowed)].sort()).toEqual([kept!.id, removed!.id].sort());
    expect(idsHeard(everyone)).toEqual(new Set([kept!.id, other!.id, removed!.id]));
  });

  it('when an admin adds a show, then a client narrowed to other shows hears of it too', async () => {
    const watched = await createShow(app);
    const narrowed = await listen();
    await watchShows(narrowed, [watched.id]);
    const { token: adminToken } = await createUser(app, { role: 'admin' });
    const startTime = new Date(Date.now() + 86_400_000).toISOString();
    const { body: added } = await app.http
      .post('/shows')
      .set(bearer(adminToken))
      .send({ name: 'Added while watching', startTime, totalSlots: 7 })
      .expect(201);

    expect(await waitForShowUpdate(narrowed, added.id, (s) => s.availableSlots === 7)).toBeTruthy();
  });

  it('when a later watchShows arrives, then it replaces the earlier; null hears every change again', async () => {
    const [first, second] = await Promise.all([1, 2].map(() => createShow(app)));
    const socket = await listen();
    await watchShows(socket, [first!.id]);
    expect(await watchShows(socket, [second!.id])).toEqual({ watching: 1 });
    app.events.availabilityChanged({ showIds: [first!.id, second!.id] });
    await settle();
    expect(socket.received).toEqual([[expect.objectContaining({ id: second!.id })]]);

    expect(await watchShows(socket, null)).toEqual({ watching: 'all' });
    app.events.availabilityChanged({ showIds: [first!.id, second!.id] });
    await waitForShowUpdate(socket, first!.id);
    expect(
      socket.received
        .at(-1)!
        .map((show) => show.id)
        .sort(),
    ).toEqual([first!.id, second!.id].sort());
    expect(app.audiences.groupCount()).toBe(0);
  });

  it('when a flush touches 50 shows, then each socket gets one message, one encoding per audience', async () => {
    const shows = await Promise.all(Array.from({ length: 50 }, () => createShow(app)));
    const ids = shows.map((show) => show.id).sort(byNumber);
    const [pageA, pageB] = [ids.slice(0, 30), ids.slice(20)];
    const everyone = await Promise.all([1, 2, 3].map(() => listen()));
    const onPageA = await Promise.all([1, 2, 3].map(() => listen()));
    const onPageB = await Promise.all([1, 2].map(() => listen()));
    for (const socket of onPageA) await watchShows(socket, pageA);
    for (const socket of onPageB) await watchShows(socket, [...pageB].reverse());
    expect(app.audiences.groupCount()).toBe(2);
    // The in-memory adapter's encoder (private in its types): one encode() per broadcast, whatever the room size.
    type Encoder = { encode: (packet: unknown) => unknown[] };
    const { encoder } = app.io.of('/').adapter as unknown as { encoder: Encoder };
    const encode = encoder.encode.bind(encoder);
    let encodings = 0;
    encoder.encode = (packet) => {
      encodings++;
      return encode(packet);
    };

    try {
      app.events.availabilityChanged({ showIds: ids });
      await settle();
    } finally {
      encoder.encode = encode;
    }

    expect(encodings).toBe(3);
    for (const socket of everyone) expect(socket.received.map((m) => m.length)).toEqual([50]);
    const heard = (socket: TestSocket) => socket.received.map((m) => m.map((s) => s.id).sort(byNumber));
    for (const socket of onPageA) expect(heard(socket)).toEqual([pageA]);
    for (const socket of onPageB) expect(heard(socket)).toEqual([pageB]);
  });

  it('when watchShows carries bad input, then it is refused (VALIDATION_ERROR) and nothing else changes', async () => {
    const [watched, unwatched] = await Promise.all([1, 2].map(() => createShow(app)));
    const bad = await listen();
    const bystander = await listen();
    await watchShows(bad, [watched!.id]);
    const raw = bad as unknown as { emit(event: string, ...args: unknown[]): void };
    const tooMany = Array.from({ length: 201 }, (_, i) => i + 1);
    const nested = JSON.parse('['.repeat(2_000) + ']'.repeat(2_000)) as unknown;
    for (const payload of ['nonsense', [1.5], [-1], [0], [2 ** 31], tooMany, { showIds: [1] }, nested]) {
      expect(await watchShows(bad, payload as never)).toMatchObject({ error: { code: 'VALIDATION_ERROR' } });
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // past the 10-a-second limit's window
    raw.emit('watchShows', 'no acknowledgement asked');
    raw.emit('watchShows', [unwatched!.id], 'not a function');
    raw.emit('watchShows');

    app.events.availabilityChanged({ showIds: [watched!.id, unwatched!.id] });
    await waitForShowUpdate(bystander, unwatched!.id);
    await settle();
    expect(bad.connected && bystander.connected).toBe(true);
    // The last valid call ([unwatched] with a junk second argument) replaced the subscription, nothing else did.
    expect(bad.received.flat().map((show) => show.id)).toEqual([unwatched!.id]);
  });

  it('when a client floods watchShows, then calls past 10 a second are refused (RATE_LIMITED)', async () => {
    const [show, other] = await Promise.all([1, 2].map(() => createShow(app)));
    const flooding = await listen();
    const replies = await Promise.all(Array.from({ length: 30 }, () => watchShows(flooding, [show!.id])));
    expect(replies.filter((reply) => 'watching' in reply)).toHaveLength(10);
    expect(replies.slice(10)).toEqual(
      Array(20).fill(expect.objectContaining({ error: expect.objectContaining({ code: 'RATE_LIMITED' }) })),
    );
    expect(flooding.connected).toBe(true);
    app.events.availabilityChanged({ showIds: [show!.id, other!.id] });
    await waitForShowUpdate(flooding, show!.id);
    await settle();
    expect(idsHeard(flooding)).toEqual(new Set([show!.id]));
  });
});

describe('adaptive coalescing', () => {
  it('when 300 bookings land at once, then watchers get at most 5 messages a second, the last exact', async () => {
    const shows = await Promise.all([1, 2, 3].map(() => createShow(app, { totalSlots: 200 })));
    const ids = shows.map((show) => show.id);
    const everyone = await listen();
    const narrowed = await listen();
    await watchShows(narrowed, [ids[1]!]);

    const started = Date.now();
    await bookMany(app, token, ids, 300);
    const took = Date.now() - started;
    for (const id of ids) await waitForShowUpdate(everyone, id, (s) => s.availableSlots === 100);
    await waitForShowUpdate(narrowed, ids[1]!, (s) => s.availableSlots === 100);
    await settle();

    for (const socket of [everyone, narrowed]) {
      const span = socket.receivedAt.at(-1)! - socket.receivedAt[0]!;
      // Flushes start >= 200 ms apart on the server; 150 ms leaves room for delivery jitter on a loaded machine.
      expect(socket.received.length).toBeLessThanOrEqual(Math.floor(span / (MIN_GAP_MS * 0.75)) + 1);
      expect(socket.received.length).toBeLessThanOrEqual(Math.ceil((took + 1_000) / MIN_GAP_MS) + 1);
    }
    // The final state is heard, and nothing older comes after it.
    for (const id of ids) {
      expect(await storedCounts(app, id)).toMatchObject({ available: 100 });
      expect(lastHeard(everyone, id)).toMatchObject({ availableSlots: 100 });
    }
    expect(lastHeard(narrowed, ids[1]!)).toMatchObject({ availableSlots: 100 });
    expect(idsHeard(narrowed)).toEqual(new Set([ids[1]]));
  });

  it('when the system is quiet, then a lone booking is heard within 180 ms (no wait for a 200 ms gap)', async () => {
    const show = await createShow(app, { totalSlots: 3 });
    const socket = await listen();
    await new Promise((resolve) => setTimeout(resolve, MIN_GAP_MS + 50));
    await holdSlots(app, token, show.id);
    const answered = Date.now();
    await waitForShowUpdate(socket, show.id, (s) => s.availableSlots === 2);
    expect(socket.receivedAt.at(-1)! - answered).toBeLessThan(180);
  });
});

describe('expiry announcements', () => {
  let expiring: TestApp;
  beforeAll(async () => {
    expiring = await startTestApp({ BOOKING_HOLD_SECONDS: '3', MAX_ACTIVE_HOLDS_PER_USER_PER_SHOW: '0' });
  });
  afterAll(() => expiring.close());

  it('when 1,000 holds land on 3 shows, then one timer waits for them and each show is heard coming back', async () => {
    const shows = await Promise.all([1, 2, 3].map(() => createShow(expiring, { totalSlots: 400 })));
    const { token: holder } = await createUser(expiring);
    const socket = await listen(expiring);

    const holds = await bookMany(
      expiring,
      holder,
      shows.map((show) => show.id),
      1_000,
    );

    const pending = expiring.broadcaster.pendingExpiries();
    expect(pending.timers).toBeLessThanOrEqual(1);
    // One entry per 50 ms tick that some hold lapses in, never one per hold.
    expect(pending.ticks).toBeLessThan(100);
    for (const show of shows) {
      const lastExpiry = Math.max(...holds.filter((h) => h.showId === show.id).map((h) => Date.parse(h.expiresAt)));
      await waitForShowUpdate(socket, show.id, (s) => s.availableSlots === 400, 10_000);
      const back = socket.received.findIndex((m) => m.some((s) => s.id === show.id && s.availableSlots === 400));
      const heardAt = socket.receivedAt[back]!;
      expect(heardAt - lastExpiry).toBeLessThan(1_000);
    }
    const lastExpiry = Math.max(...holds.map((hold) => Date.parse(hold.expiresAt)));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, lastExpiry - Date.now()) + 200));
    await expiring.broadcaster.flushed();
    expect(expiring.broadcaster.pendingExpiries()).toEqual({ timers: 0, ticks: 0 });
  });
});
