import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShow, createUser, holdSlots } from './support/factories.js';
import { connectSocket, waitForShowUpdate } from './support/sockets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The PostgreSQL adapter's LISTEN sessions on this database (one per instance), by its channels (socket.io#...):
 * an instance has other LISTEN sessions of its own (waitlist offers, the email outbox's nudge).
 */
const listeners = async (app: TestApp) =>
  (
    await app.db.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN "socket.io%'`,
    )
  ).rows.map((row) => row.pid);

/** Ends every LISTEN session, as a database restart does, and waits until each instance has listened again. */
async function dropListeners(app: TestApp, instances: number) {
  const before = await listeners(app);
  await app.db.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [before]);
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await sleep(100)) {
    const now = await listeners(app);
    if (now.length === instances && now.every((pid) => !before.includes(pid))) return;
  }
  throw new Error('the adapters did not listen again within 10 s');
}

describe('the PostgreSQL adapter when its session is lost', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({}, { sameDatabaseAs: a });
  });
  afterAll(() => a.close());

  it('when its LISTEN session ends twice, then changes still cross and the instance still shuts down', async () => {
    expect(b.io.of('/').adapter.constructor.name).toMatch(/Postgres/);
    await dropListeners(a, 2);
    await dropListeners(a, 2);

    const socket = await connectSocket(b.baseUrl);
    try {
      const show = await createShow(a, { totalSlots: 3 });
      await holdSlots(a, (await createUser(a)).token, show.id);
      await waitForShowUpdate(socket, show.id, (s) => s.availableSlots === 2);
    } finally {
      socket.disconnect();
    }
    // Each lost session must go back to the adapter's pool of two, or its end() waits for them for ever.
    const closed = await Promise.race([b.close().then(() => 'closed'), sleep(5_000).then(() => 'still closing')]);
    expect(closed).toBe('closed');
  });
});
