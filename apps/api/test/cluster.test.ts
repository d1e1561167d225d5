import type { Booking, ShowAvailability } from '@holdfast/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expireHolds, sweepLapsedHolds } from '../src/modules/bookings/index.js';
import { bearer, createShow, createUser, holdSlots, storedCounts, storedStatus } from './support/factories.js';
import { redisServerAvailable, startThrowawayRedis, type ThrowawayRedis } from './support/redis-server.js';
import { connectSocket, waitForShowUpdate, watchShows, type TestSocket } from './support/sockets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** local-delivery.ts: deliveries to one instance's sockets start at least this far apart. */
const MIN_GAP_MS = 200;
type Three<T> = [T, T, T];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const timesHeard = (socket: TestSocket, showId: number) =>
  socket.received.filter((message) => message.some((show) => show.id === showId)).length;
const lastHeard = (socket: TestSocket, showId: number): ShowAvailability | undefined =>
  socket.received
    .flat()
    .filter((show) => show.id === showId)
    .at(-1);
const storedVersion = async (app: TestApp, showId: number) =>
  (await app.db.query<{ version: number }>('SELECT version FROM live_shows WHERE id = $1', [showId])).rows[0]!.version;

const adapters = [
  { kind: 'postgres' as const, available: true },
  { kind: 'redis' as const, available: redisServerAvailable() },
];

describe.each(adapters)('several instances through the $kind adapter', ({ kind, available }) => {
  let redis: ThrowawayRedis | null = null;
  // `owner` owns the database; a, b and c are further instances on it, all in one cluster.
  let owner: TestApp;
  let a: TestApp;
  let b: TestApp;
  let c: TestApp;
  let token: string;
  const sockets: TestSocket[] = [];
  const env = (holdSeconds = 30) => ({
    BOOKING_HOLD_SECONDS: String(holdSeconds),
    MAX_ACTIVE_HOLDS_PER_USER_PER_SHOW: '0',
    ...(redis ? { REDIS_URL: redis.url } : {}),
  });

  beforeAll(async () => {
    if (!available) return;
    if (kind === 'redis') redis = await startThrowawayRedis();
    owner = await startTestApp(env());
    [a, b, c] = (await Promise.all(
      [1, 2, 3].map(() => startTestApp(env(), { sameDatabaseAs: owner })),
    )) as Three<TestApp>;
    token = (await createUser(owner)).token;
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });
  afterAll(async () => {
    if (!available) return;
    await Promise.all([a, b, c].map((app) => app.close()));
    await owner.close();
    await redis?.stop();
  });

  const listen = async (on: TestApp) => {
    const socket = await connectSocket(on.baseUrl);
    sockets.push(socket);
    return socket;
  };
  /** Every instance's flushes have gone out and reached the clients. */
  const settle = async () => {
    for (let round = 0; round < 2; round++) {
      await Promise.all([owner, a, b, c].map((app) => app.broadcaster.flushed()));
      await sleep(MIN_GAP_MS + 100);
    }
  };

  it.runIf(available)('when started, then each instance uses this adapter', () => {
    for (const app of [owner, a, b, c]) expect(app.clusterAdapter).toBe(kind);
  });

  it.runIf(available)('when someone books on A, then watchers on A, B and C hear it once, right', async () => {
    const show = await createShow(owner, { totalSlots: 5 });
    const [onA, onB, onC] = (await Promise.all([a, b, c].map(listen))) as Three<TestSocket>;
    await holdSlots(a, token, show.id, 2);
    for (const socket of [onA, onB, onC]) await waitForShowUpdate(socket, show.id, (s) => s.availableSlots === 3);
    await settle();
    const version = await storedVersion(owner, show.id);
    for (const socket of [onA, onB, onC]) {
      expect(timesHeard(socket, show.id)).toBe(1);
      expect(lastHeard(socket, show.id)).toMatchObject({ availableSlots: 3, totalSlots: 5, version });
    }
  });

  it.runIf(available)('when someone books on A, then only A reads the show for the broadcast, once', async () => {
    const show = await createShow(owner, { totalSlots: 5 });
    const watchers = await Promise.all([a, b, c].map(listen));
    await settle();
    // Each instance's own pool, counted as it is used (the queries still run): a broadcast read is findShows's.
    const reads = new Map<TestApp, number>();
    const restore = [a, b, c].map((app) => {
      const query = app.db.query.bind(app.db);
      app.db.query = ((text: string, params?: unknown[]) => {
        if (text.includes('FROM live_shows WHERE id = ANY')) reads.set(app, (reads.get(app) ?? 0) + 1);
        return query(text, params);
      }) as typeof app.db.query;
      return () => void (app.db.query = query);
    });
    try {
      await holdSlots(a, token, show.id);
      for (const socket of watchers) await waitForShowUpdate(socket, show.id, (s) => s.availableSlots === 4);
      await settle();
    } finally {
      for (const undo of restore) undo();
    }
    expect([reads.get(a), reads.get(b), reads.get(c)]).toEqual([1, undefined, undefined]);
  });

  it.runIf(available)('when watchers on B narrow to some shows, then they hear only those from A', async () => {
    const [watched, other] = await Promise.all([1, 2].map(() => createShow(owner, { totalSlots: 4 })));
    const narrowed = await listen(b);
    const everyone = await listen(b);
    await watchShows(narrowed, [watched!.id]);
    await Promise.all([holdSlots(a, token, watched!.id), holdSlots(a, token, other!.id)]);
    await waitForShowUpdate(everyone, other!.id, (s) => s.availableSlots === 3);
    await waitForShowUpdate(narrowed, watched!.id, (s) => s.availableSlots === 3);
    await settle();
    expect(new Set(narrowed.received.flat().map((s) => s.id))).toEqual(new Set([watched!.id]));
    expect(timesHeard(narrowed, watched!.id)).toBe(1);
    expect(timesHeard(everyone, other!.id)).toBe(1);
  });

  it.runIf(available)('when an admin creates a show on A, then every audience on B hears of it', async () => {
    const watched = await createShow(owner);
    const narrowed = await listen(b);
    const everyone = await listen(b);
    await watchShows(narrowed, [watched.id]);
    const { token: adminToken } = await createUser(owner, { role: 'admin' });
    const startTime = new Date(Date.now() + 86_400_000).toISOString();
    const { body: added } = await a.http
      .post('/shows')
      .set(bearer(adminToken))
      .send({ name: 'Added on A', startTime, totalSlots: 7 })
      .expect(201);
    for (const socket of [narrowed, everyone]) {
      expect(await waitForShowUpdate(socket, added.id, (s) => s.availableSlots === 7)).toMatchObject({ version: 1 });
    }
  });

  it.runIf(available)('when the instance that made a hold is closed, then B still announces its expiry', async () => {
    const doomed = await startTestApp(env(1), { sameDatabaseAs: owner });
    const show = await createShow(owner, { totalSlots: 3 });
    const [onB, onC] = (await Promise.all([b, c].map(listen))) as [TestSocket, TestSocket];
    const hold = await holdSlots(doomed, token, show.id, 3);
    for (const socket of [onB, onC]) await waitForShowUpdate(socket, show.id, (s) => s.availableSlots === 0);
    await doomed.close();

    for (const socket of [onB, onC]) {
      await waitForShowUpdate(socket, show.id, (s) => s.availableSlots === 3, 5_000);
      expect(Date.now() - Date.parse(hold.expiresAt)).toBeLessThan(1_000);
    }
    expect(await storedStatus(owner, hold.id)).toBe('EXPIRED');
    await settle();
    for (const socket of [onB, onC]) expect(timesHeard(socket, show.id)).toBe(2); // the hold, then its lapse
  });

  it.runIf(available)('when bookings burst on A and B at once, then each watcher gets at most 5 a second', async () => {
    const shows = await Promise.all([1, 2, 3].map(() => createShow(owner, { totalSlots: 100 })));
    const ids = shows.map((show) => show.id);
    const watchers = await Promise.all([a, b, c].map(listen));
    const started = Date.now();
    let next = 0;
    const worker = async (on: TestApp) => {
      while (next < 240) await holdSlots(on, token, ids[next++ % ids.length]!);
    };
    await Promise.all(Array.from({ length: 16 }, (_, i) => worker(i % 2 === 0 ? a : b)));
    const took = Date.now() - started;
    for (const socket of watchers) {
      for (const id of ids) await waitForShowUpdate(socket, id, (s) => s.availableSlots === 20);
    }
    await settle();
    for (const socket of watchers) {
      const span = socket.receivedAt.at(-1)! - socket.receivedAt[0]!;
      expect(socket.received.length).toBeLessThanOrEqual(Math.floor(span / (MIN_GAP_MS * 0.75)) + 1);
      expect(socket.received.length).toBeLessThanOrEqual(Math.ceil((took + 1_000) / MIN_GAP_MS) + 1);
      for (const id of ids) expect(lastHeard(socket, id)).toMatchObject({ availableSlots: 20 });
    }
  });

  it.runIf(available)('when every instance sweeps many lapsed holds at once, then each expires once', async () => {
    const shows = await Promise.all(Array.from({ length: 8 }, () => createShow(owner, { totalSlots: 40 })));
    const ids = shows.map((show) => show.id);
    const holds: Booking[] = [];
    let next = 0;
    const worker = async (on: TestApp) => {
      while (next < 240) holds.push(await holdSlots(on, token, ids[next++ % ids.length]!));
    };
    await Promise.all(Array.from({ length: 12 }, (_, i) => worker([a, b, c][i % 3]!)));
    // Far off, so that no instance's precise sweep takes them before the race below.
    await owner.db.query(`UPDATE bookings SET expires_at = now() + interval '1 hour' WHERE show_id = ANY($1)`, [ids]);
    await settle();
    const watchers = await Promise.all([a, b, c].map(listen));
    await owner.db.query(
      `UPDATE bookings SET created_at = now() - interval '10 minutes', expires_at = now() - interval '1 second'
       WHERE show_id = ANY($1)`,
      [ids],
    );

    const counts = await Promise.all(
      [a, b, c].flatMap((app) => [
        expireHolds(app),
        // What hold-expiries.ts does on a tick: sweep precisely, announce what this call reclaimed.
        sweepLapsedHolds(app, ids).then((sweep) => {
          app.events.availabilityChanged({ showIds: sweep.reclaimed });
          return sweep.expired;
        }),
        expireHolds(app),
      ]),
    );

    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(240);
    const statuses = await owner.db.query<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM bookings WHERE show_id = ANY($1) GROUP BY status',
      [ids],
    );
    expect(statuses.rows).toEqual([{ status: 'EXPIRED', n: 240 }]);
    for (const id of ids) expect(await storedCounts(owner, id)).toMatchObject({ available: 40, held: 0 });
    for (const socket of watchers) {
      for (const id of ids) await waitForShowUpdate(socket, id, (s) => s.availableSlots === 40);
    }
    await settle();
    for (const socket of watchers) for (const id of ids) expect(timesHeard(socket, id)).toBe(1);
  });
});
