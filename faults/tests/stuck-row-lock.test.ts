import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { latency, printFigures, recoveryMs, slowest, startedBetween, tally } from '../support/figures.js';
import { verifyAfterLoad, watchShows } from '../support/invariants.js';
import { pause, probeHealth, startLoad, type Outcome } from '../support/load.js';
import { useControllableServer } from '../support/scratch-server.js';
import { seedShows, seedUsers } from '../support/seed.js';
import { startFaultStack, type FaultStack } from '../support/stack.js';

const server = useControllableServer();
let stack: FaultStack | undefined;
afterEach(() => stack?.stop());

const HOLD_LOCK_MS = 6_000;
/** Half the default, to keep the test short; docs/RELIABILITY.md has the figures with the default too. */
const LOCK_TIMEOUT_MS = 1_000;
/**
 * The longest a booking of the locked show may take: queued behind the show (up to the lock timeout), then in
 * PostgreSQL, which bounds each lock wait separately: first the row's tuple lock (behind other waiters), then the
 * holder's transaction.
 */
const BOUND_MS = 3 * LOCK_TIMEOUT_MS;
const SLACK_MS = 2_000;

describe("a foreign session holds a show's row lock mid-load", () => {
  it('when it holds it for 6 s, then that show gets 503 BUSY within the bound and the others book on', async () => {
    stack = await startFaultStack(server(), { DB_LOCK_TIMEOUT_MS: String(LOCK_TIMEOUT_MS) });
    const [stuck, other] = (await seedShows(stack.db, [5_000, 5_000])) as [number, number];
    // A crowd on the locked show; steady, ordinary traffic on the other (a crowd there could be shed on its own).
    const users = await seedUsers(stack.db, stack.jwtSecret, 40);
    const watch = watchShows(stack.db, [stuck, other]);
    const onStuck = startLoad({ url: stack.url, users: users.slice(0, 32), showIds: [stuck] });
    const onOther = startLoad({ url: stack.url, users: users.slice(32), showIds: [other], clock: onStuck.now });
    await pause(500);

    // An operator's forgotten `SELECT ... FOR UPDATE` in psql.
    const operator = new pg.Client({ connectionString: stack.api.databaseUrl });
    await operator.connect();
    await operator.query('BEGIN');
    await operator.query('SELECT 1 FROM shows WHERE id = $1 FOR UPDATE', [stuck]);
    const at = { locked: onStuck.now(), released: 0 };
    const health: Outcome[] = [];
    while (onStuck.now() - at.locked < HOLD_LOCK_MS) {
      health.push(await probeHealth(stack.url, onStuck));
      await pause(500);
    }
    await operator.query('ROLLBACK');
    await operator.end();
    at.released = onStuck.now();
    await pause(1_500);
    await Promise.all([onStuck.stop(), onOther.stop()]);
    const watched = await watch.stop();
    const ledger = new Map([...onStuck.ledger, ...onOther.ledger]);
    const after = await verifyAfterLoad(stack.db, ledger, [stuck, other], stack.holdSeconds);

    const stuckBookings = onStuck.outcomes.filter((o) => o.op === 'book');
    const whileLocked = startedBetween(stuckBookings, at.locked + 100, at.released - BOUND_MS - SLACK_MS);
    const otherWhileLocked = startedBetween(onOther.outcomes, at.locked, at.released);
    printFigures(`row lock held ${HOLD_LOCK_MS / 1000} s, 32 clients on that show, 8 on another`, [
      ['locked show, bookings while locked', tally(whileLocked)],
      ['their durations', latency(whileLocked)],
      ['other show, requests meanwhile', tally(otherWhileLocked)],
      ['their durations', latency(otherWhileLocked)],
      ['/health meanwhile', `${tally(health)}; ${latency(health)}`],
      ['locked show books again after', `${Math.round(recoveryMs(onStuck.outcomes, at.released))} ms`],
      ['acknowledged / orphans', `${ledger.size} / ${after.orphans}`],
    ]);

    expect([...watched.violations, ...after.violations]).toEqual([]);
    expect(whileLocked.length).toBeGreaterThan(0);
    for (const refused of whileLocked) {
      expect(refused).toMatchObject({ status: 503, code: 'BUSY', retryAfter: expect.stringMatching(/^\d+$/) });
    }
    expect(slowest(stuckBookings)).toBeLessThan(BOUND_MS + SLACK_MS);
    // The other show never waited behind the stuck one: left without a connection, it would have got 503 BUSY.
    expect(otherWhileLocked.filter((o) => o.status >= 300 && o.status !== 409)).toEqual([]);
    expect(slowest(otherWhileLocked)).toBeLessThan(BOUND_MS);
    for (const probe of health) expect(probe).toMatchObject({ status: 200, ms: expect.any(Number) });
    expect(slowest(health)).toBeLessThan(1_500); // within 1 s, and slack for a busy machine
    expect(recoveryMs(onStuck.outcomes, at.released)).toBeLessThan(3_000);
  });
});
