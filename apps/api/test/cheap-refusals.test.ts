import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createShow, createUser, holdSlots, TEST_PASSWORD, uniqueEmail } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Requests in flight at once: below the connections opened up front, so the pool never needs another. */
const IN_FLIGHT = 6;
const WARM_CONNECTIONS = 10;

/** The server's sessions on this test database: the pool's backends (the observer itself excluded). */
async function backendPids(observer: pg.Client): Promise<Set<number>> {
  const { rows } = await observer.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
  );
  return new Set(rows.map((row) => row.pid));
}

/** Runs `count` requests, IN_FLIGHT at a time, and answers their statuses. */
async function burst(count: number, request: (i: number) => Promise<number>): Promise<number[]> {
  const statuses: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) statuses.push(await request(next++));
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return statuses;
}

describe.each(['on', 'off'])('refusals with BOOKING_BATCHING=%s', (batching) => {
  let app: TestApp;
  let observer: pg.Client;
  beforeAll(async () => {
    app = await startTestApp({ BOOKING_BATCHING: batching });
    observer = new pg.Client({ connectionString: app.databaseUrl });
    await observer.connect();
  });
  afterAll(async () => {
    await observer.end();
    await app.close();
  });

  it('when 300 requests are refused (sold out, email taken), then no connection is opened or lost', async () => {
    const show = await createShow(app, { totalSlots: 1 });
    const { token } = await createUser(app);
    await holdSlots(app, (await createUser(app)).token, show.id);
    const taken = uniqueEmail('taken');
    await app.http.post('/auth/register').send({ name: 'First', email: taken, password: TEST_PASSWORD }).expect(201);
    // Open the pool's connections up front, all at once, so that what follows only reuses them.
    await Promise.all(Array.from({ length: WARM_CONNECTIONS }, () => app.db.query('SELECT pg_sleep(0.05)')));
    const pool = app.db.openConnections();
    const before = await backendPids(observer);

    const soldOut = await burst(200, async () => {
      const response = await fetch(`${app.baseUrl}/bookings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(token) },
        body: JSON.stringify({ showId: show.id }),
      });
      await response.arrayBuffer();
      return response.status;
    });
    const emailTaken = await burst(100, async () => {
      const body = { name: 'Again', email: taken, password: TEST_PASSWORD };
      return (await app.http.post('/auth/register').send(body)).status;
    });

    expect(soldOut).toEqual(Array(200).fill(409));
    expect(emailTaken).toEqual(Array(100).fill(409));
    expect(app.db.openConnections()).toBe(pool);
    const after = await backendPids(observer);
    expect([...after].filter((pid) => !before.has(pid))).toEqual([]);
  });
});
