import type { HealthResponse, Show } from '@holdfast/contracts';
import { databaseServer, startReplicatedPair, type ReplicatedPair } from '@holdfast/embedded-db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/db/migrate.js';
import { createDb, type Db } from '../src/platform/db.js';
import { createLogger } from '../src/platform/logger.js';
import { bearer, createShow, createUser, holdSlots } from './support/factories.js';
import { connectSocket, waitForShowUpdate } from './support/sockets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// A real streaming replica of a real primary (embedded PostgreSQL 18, no tool beyond Node), whatever
// DATABASE_URL says: a shared server cannot be made a primary.
let pair: ReplicatedPair;
let app: TestApp;
let primary: Db;
let replica: Db;
let admin: string;
let user: string;
const silent = createLogger('silent');

beforeAll(async () => {
  pair = await startReplicatedPair('replica-reads');
  await databaseServer(pair.primaryUrl).createDatabase('holdfast');
  const primaryUrl = databaseServer(pair.primaryUrl).urlFor('holdfast');
  await migrate(primaryUrl, silent);
  const readUrl = databaseServer(pair.replicaUrl).urlFor('holdfast');
  // No lag limit here: the reads stay on the replica however long replay is paused.
  app = await startTestApp({ READ_DATABASE_URL: readUrl, READ_MAX_LAG_SECONDS: '0' }, { databaseUrl: primaryUrl });
  primary = app.db;
  replica = createDb(readUrl, silent);
  admin = (await createUser(app, { role: 'admin' })).token;
  user = (await createUser(app)).token;
}, 120_000);
afterAll(async () => {
  await app?.close();
  await replica?.close();
  await pair?.stop();
});

/** Waits until the replica has replayed everything the primary has written so far. */
async function replayed() {
  const { rows } = await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
  const caughtUpSql = 'SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), $1::pg_lsn) >= 0 AS done';
  for (let tries = 0; tries < 500; tries++) {
    const caughtUp = await replica
      .query<{ done: boolean }>(caughtUpSql, [rows[0]!.lsn])
      // Just restarted, the replica may still refuse connections, or drop the pool's old ones.
      .catch(() => ({ rows: [{ done: false }] }));
    if (caughtUp.rows[0]!.done) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the replica did not catch up within 10 s');
}

const health = async (on = app) => {
  const response = await on.http.get('/health');
  expect(response.status).toBe(200);
  return response.body as HealthResponse;
};
const readShow = async (id: number, on = app) => (await on.http.get(`/shows/${id}`)).body as Show;
const listedShow = async (id: number) => ((await app.http.get('/shows')).body as Show[]).find((show) => show.id === id);

describe('public reads from a streaming replica', () => {
  it('when migrations run on the primary, then the replica has the same schema and serves the reads', async () => {
    const show = await createShow(app, { totalSlots: 10 });
    await replayed();
    const count = 'SELECT count(*)::int AS n FROM pgmigrations';
    const migrations = async (db: Db) => (await db.query<{ n: number }>(count)).rows[0]!.n;
    expect(await migrations(replica)).toBe(await migrations(primary));
    expect(await readShow(show.id)).toMatchObject({ id: show.id, availableSlots: 10 });
    expect((await health()).replica).toEqual({ status: 'up', reads: 'replica', lagSeconds: 0, lagBytes: 0 });
  });

  it('when replay is paused, then public reads lag with their old version while writers see their own', async () => {
    const show = await createShow(app, { totalSlots: 10 });
    await replayed();
    const before = await readShow(show.id);
    const socket = await connectSocket(app.baseUrl);
    await replica.query('SELECT pg_wal_replay_pause()');
    let announced: number;
    try {
      const hold = await holdSlots(app, user, show.id, 2);
      announced = (await waitForShowUpdate(socket, show.id, (s) => s.availableSlots === 8)).version;
      expect(announced).toBeGreaterThan(before.version);

      // The replica answers the public reads: the old count and the old, lower version.
      expect(await readShow(show.id)).toMatchObject({ availableSlots: 10, version: before.version });
      expect(await listedShow(show.id)).toMatchObject({ availableSlots: 10, version: before.version });

      // Everything that must see its own writes reads the primary.
      const mine = await app.http.get('/bookings/my-bookings').set(bearer(user));
      expect(mine.body.map((booking: { id: number }) => booking.id)).toContain(hold.id);
      const ofShow = await app.http.get(`/shows/${show.id}/bookings`).set(bearer(admin));
      expect(JSON.stringify(ofShow.body)).toContain(`"id":${hold.id}`);
      const confirmed = await app.http.post('/bookings/confirm').set(bearer(user)).send({ bookingId: hold.id });
      expect(confirmed.body).toMatchObject({ id: hold.id, status: 'CONFIRMED' });

      const lagging = (await health()).replica!;
      expect(lagging).toMatchObject({ status: 'up', reads: 'replica' });
      expect(lagging.lagSeconds).toBeGreaterThan(0);
      expect(lagging.lagBytes).toBeGreaterThan(0);
    } finally {
      await replica.query('SELECT pg_wal_replay_resume()');
      socket.disconnect();
    }
    await replayed();
    // Caught up: the reads carry the announced version (a confirm changes no count, so no newer one).
    expect(await readShow(show.id)).toMatchObject({ availableSlots: 8, version: announced });
    expect((await health()).replica).toMatchObject({ status: 'up', lagSeconds: 0, lagBytes: 0 });
  });

  it('when the replica lags over READ_MAX_LAG_SECONDS, then the public reads go to the primary', async () => {
    const strict = await startTestApp(
      { READ_DATABASE_URL: app.config.replica!.url, READ_MAX_LAG_SECONDS: '0.5' },
      { sameDatabaseAs: app },
    );
    const show = await createShow(app, { totalSlots: 6 });
    await replayed();
    await replica.query('SELECT pg_wal_replay_pause()');
    try {
      await holdSlots(app, user, show.id, 1);
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect((await health(strict)).replica).toMatchObject({ status: 'up', reads: 'primary' });
      expect(await readShow(show.id, strict)).toMatchObject({ availableSlots: 5 });
      const scraped = (await strict.http.get('/metrics')).text;
      expect(scraped).toMatch(/^holdfast_replica_up 1$/m);
      expect(scraped).toMatch(/^holdfast_replica_serving_reads 0$/m);
      expect(Number(/^holdfast_replica_lag_seconds (\S+)$/m.exec(scraped)?.[1])).toBeGreaterThan(0.5);
    } finally {
      await replica.query('SELECT pg_wal_replay_resume()');
      await strict.close();
    }
  });

  it('when the replica is down, then the public reads still answer, from the primary, and health says so', async () => {
    const show = await createShow(app, { totalSlots: 3 });
    await pair.stopReplica();
    try {
      await holdSlots(app, user, show.id, 1);
      expect(await readShow(show.id)).toMatchObject({ availableSlots: 2 });
      expect((await app.http.get('/shows')).status).toBe(200);
      expect(await health()).toMatchObject({
        status: 'ok',
        database: 'up',
        replica: { status: 'down', reads: 'primary', lagSeconds: null, lagBytes: null },
      });
      const scraped = (await app.http.get('/metrics')).text;
      expect(scraped).toMatch(/^holdfast_replica_up 0$/m);
      expect(scraped).toMatch(/^holdfast_replica_lag_seconds nan$/im); // prom-client writes "Nan"
    } finally {
      await pair.startReplica();
    }
    await replayed();
    expect((await health()).replica).toMatchObject({ status: 'up', reads: 'replica' });
  });
});
