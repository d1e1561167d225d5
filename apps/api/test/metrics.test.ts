import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleExpireHolds } from '../src/jobs/expire-holds.job.js';
import { createLogger } from '../src/platform/logger.js';
import { createMetricsApp } from '../src/platform/metrics.routes.js';
import { bearer, book, createShow, createUser, holdSlots, lapseHold, storedStatus } from './support/factories.js';
import { connectSocket } from './support/sockets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const METRICS_TOKEN = 'metrics-token-for-the-tests-0123456789';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await startTestApp({ METRICS_TOKEN });
  token = (await createUser(app)).token;
});
afterAll(() => app.close());

async function scrape(of: TestApp = app): Promise<string> {
  const response = await of.http.get('/metrics').set(bearer(METRICS_TOKEN));
  expect(response.status).toBe(200);
  return response.text;
}

/** The sum of a metric's samples whose labels include all of `labels` (Prometheus text format). */
function valueOf(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) sum += Number(match[3]);
  }
  return sum;
}

/** Reads until `done` holds or 5 s pass; answers the last value read. */
async function eventually(read: () => Promise<number>, done: (value: number) => boolean): Promise<number> {
  const deadline = Date.now() + 5_000;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await sleep(50);
    value = await read();
  }
  return value;
}

describe('GET /metrics access', () => {
  it('when METRICS_TOKEN is set and no token is sent, then 401 UNAUTHENTICATED with the usual body', async () => {
    const response = await app.http.get('/metrics');
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
  });

  it('when the token is wrong (or a user token), then 401', async () => {
    for (const sent of ['wrong', `${METRICS_TOKEN}x`, token]) {
      expect((await app.http.get('/metrics').set(bearer(sent))).status).toBe(401);
    }
    expect((await app.http.get('/metrics').set('Authorization', METRICS_TOKEN)).status).toBe(401);
  });

  it('when the token is right, then 200 in the Prometheus text format, with process metrics', async () => {
    const response = await app.http.get('/metrics').set(bearer(METRICS_TOKEN));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.text).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(response.text).toContain('# TYPE holdfast_booking_outcomes_total counter');
  });

  it('when METRICS_TOKEN is unset, then /metrics is open, and each instance has its own registry', async () => {
    const open = await startTestApp({}, { sameDatabaseAs: app });
    try {
      await open.http.get('/shows').expect(200);
      const response = await open.http.get('/metrics');
      expect(response.status).toBe(200);
      const ownShowsReads = valueOf(response.text, 'holdfast_http_request_duration_seconds_count', {
        route: '/shows',
      });
      expect(ownShowsReads).toBe(1);
    } finally {
      await open.close();
    }
  });
});

describe('METRICS_PORT', () => {
  it('when served on a port of its own, then it answers the same metrics under the same token rule', async () => {
    const server = createServer(createMetricsApp({ ...app, token: METRICS_TOKEN }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const own = supertest(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      expect((await own.get('/metrics')).body.error.code).toBe('UNAUTHENTICATED');
      const response = await own.get('/metrics').set(bearer(METRICS_TOKEN));
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(valueOf(response.text, 'holdfast_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
      expect((await own.get('/shows').set(bearer(METRICS_TOKEN))).status).toBe(404);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('what the metrics count', () => {
  it('when a booking is granted and others refused, then the outcome counters move by code', async () => {
    const before = await scrape();
    const show = await createShow(app, { totalSlots: 1 });
    const other = (await createUser(app)).token;
    expect((await book(app, token, show.id)).status).toBe(201);
    expect((await book(app, other, show.id)).body.error.code).toBe('SOLD_OUT');
    const roomy = await createShow(app, { totalSlots: 5 });
    await holdSlots(app, other, roomy.id);
    expect((await book(app, other, roomy.id)).body.error.code).toBe('HOLD_EXISTS');
    const after = await scrape();

    const moved = (code: string, status: string) =>
      valueOf(after, 'holdfast_booking_outcomes_total', { code, status }) -
      valueOf(before, 'holdfast_booking_outcomes_total', { code, status });
    expect(moved('GRANTED', '201')).toBe(2);
    expect(moved('SOLD_OUT', '409')).toBe(1);
    expect(moved('HOLD_EXISTS', '409')).toBe(1);
    expect(valueOf(after, 'holdfast_booking_batch_size_count')).toBeGreaterThanOrEqual(4);
  });

  it('when a show is read by id, then the latency is labelled with the route template, never the URL', async () => {
    const show = await createShow(app);
    await app.http.get(`/shows/${show.id}`).expect(200);
    await app.http.get('/no-such-route').expect(404);
    const text = await scrape();
    const labels = { route: '/shows/:id', method: 'GET', status: '200' };
    expect(valueOf(text, 'holdfast_http_request_duration_seconds_count', labels)).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(`/shows/${show.id}"`);
    expect(text).not.toContain('no-such-route');
    const unmatched = { route: 'UNMATCHED', method: 'GET', status: '404' };
    expect(valueOf(text, 'holdfast_http_request_duration_seconds_count', unmatched)).toBeGreaterThanOrEqual(1);
  });

  it('when scraped, then the pool and its queue are read at that moment', async () => {
    const text = await scrape();
    expect(valueOf(text, 'holdfast_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^holdfast_db_pool_connections\{state="idle"\} \d+$/m);
    expect(text).toMatch(/^holdfast_db_pool_waiting\{where="queue"\} 0$/m);
    expect(text).toMatch(/^holdfast_db_pool_waiting\{where="pool"\} 0$/m);
    // No READ_DATABASE_URL: no replica gauges, rather than a replica that seems never to lag.
    expect(text).not.toMatch(/^holdfast_replica_/m);
  });

  it('when a socket connects and leaves, then the connections gauge counts it, and a change has a lag', async () => {
    const sockets = async () => valueOf(await scrape(), 'holdfast_socket_connections');
    expect(await sockets()).toBe(0);
    const socket = await connectSocket(app.baseUrl);
    try {
      expect(await sockets()).toBe(1);
      const lagsBefore = valueOf(await scrape(), 'holdfast_broadcast_lag_seconds_count');
      await holdSlots(app, (await createUser(app)).token, (await createShow(app)).id);
      await app.broadcaster.flushed();
      const after = await scrape();
      expect(valueOf(after, 'holdfast_broadcast_lag_seconds_count')).toBeGreaterThan(lagsBefore);
      // A lone change waits about GATHER_MS (20 ms) before it goes: far under the 1 s bucket.
      expect(valueOf(after, 'holdfast_broadcast_lag_seconds_bucket', { le: '1' })).toBeGreaterThan(lagsBefore);
    } finally {
      socket.disconnect();
    }
    expect(await eventually(sockets, (open) => open === 0)).toBe(0);
  });

  it('when the sweeper runs, then its runs and the holds it expired are counted', async () => {
    const hold = await holdSlots(app, (await createUser(app)).token, (await createShow(app)).id);
    await lapseHold(app, hold.id);
    const before = await scrape();
    const sweeper = scheduleExpireHolds({ ...app, logger: createLogger('silent') }, '* * * * * *');
    try {
      const expiredBefore = valueOf(before, 'holdfast_holds_expired_total');
      const expired = () => scrape().then((text) => valueOf(text, 'holdfast_holds_expired_total'));
      expect(await eventually(expired, (count) => count > expiredBefore)).toBeGreaterThan(expiredBefore);
      expect(await storedStatus(app, hold.id)).toBe('EXPIRED');
      const after = await scrape();
      expect(valueOf(after, 'holdfast_expiry_sweeps_total', { result: 'ok' })).toBeGreaterThanOrEqual(1);
      expect(valueOf(after, 'holdfast_expiry_sweep_last_success_timestamp_seconds')).toBeGreaterThan(
        Date.now() / 1000 - 10,
      );
    } finally {
      await sweeper.stop();
    }
  });
});
