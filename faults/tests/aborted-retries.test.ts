import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { printFigures } from '../support/figures.js';
import { verifyAfterLoad } from '../support/invariants.js';
import type { Acknowledged } from '../support/load.js';
import { bookThroughAbort } from '../support/retrying-client.js';
import { useControllableServer } from '../support/scratch-server.js';
import { seedShows, seedUsers } from '../support/seed.js';
import { startFaultStack, type FaultStack } from '../support/stack.js';

const server = useControllableServer();
let stack: FaultStack | undefined;
afterEach(() => stack?.stop());

const CLIENTS = 200;
const BOOKINGS_PER_CLIENT = 2;
const INTENDED = CLIENTS * BOOKINGS_PER_CLIENT;

/**
 * 200 clients each make 2 bookings one after another on one show, each first attempt aborted by the client after
 * 1-5 ms and sent again until answered. The hold cap is off (the load's default), so only the key can keep a retry
 * from making a second hold.
 */
async function bookThroughAborts(api: FaultStack, withKeys: boolean) {
  const users = await seedUsers(api.db, api.jwtSecret, CLIENTS);
  const [showId] = (await seedShows(api.db, [100_000])) as [number];
  const started = performance.now();
  const results = await Promise.all(
    users.map(async (user) => {
      const mine = [];
      for (let i = 0; i < BOOKINGS_PER_CLIENT; i++) {
        const abortAfterMs = 1 + Math.random() * 4;
        mine.push(
          await bookThroughAbort(api.url, user, showId, { key: withKeys ? randomUUID() : undefined, abortAfterMs }),
        );
      }
      return mine;
    }),
  ).then((perClient) => perClient.flat());
  const seconds = (performance.now() - started) / 1000;
  const ledger = new Map<number, Acknowledged>(results.map((r) => [r.acknowledged.id, r.acknowledged]));
  const { rows } = await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM bookings WHERE show_id = $1', [
    showId,
  ]);
  const after = await verifyAfterLoad(api.db, ledger, [showId], api.holdSeconds);
  return {
    ledger,
    rows: rows[0]!.n,
    abandoned: results.reduce((sum, r) => sum + r.abandoned, 0),
    replayed: results.filter((r) => r.replayed).length,
    seconds,
    ...after,
  };
}

describe('clients that abort mid-request and retry', () => {
  it('when they retry with the same Idempotency-Key, then each key makes exactly one hold', async () => {
    stack = await startFaultStack(server());
    const keyed = await bookThroughAborts(stack, true);
    const keyless = await bookThroughAborts(stack, false);
    for (const [label, run] of [
      ['with Idempotency-Key', keyed],
      ['without keys', keyless],
    ] as const) {
      printFigures(`${INTENDED} bookings, first attempts aborted after 1-5 ms, retried ${label}`, [
        ['attempts abandoned', `${run.abandoned} (all bookings answered within ${run.seconds.toFixed(1)} s)`],
        ['answers that were replays', run.replayed],
        ['booking rows for the intended', `${run.rows} for ${INTENDED}`],
        ['orphan holds (expired by the sweep)', `${run.orphans} (swept in ${Math.round(run.sweepMs)} ms)`],
      ]);
    }

    expect(keyed.violations).toEqual([]);
    expect(keyed.ledger.size).toBe(INTENDED); // every intended booking acknowledged, each a different one
    expect(keyed.rows).toBe(INTENDED);
    expect(keyed.orphans).toBe(0);
    expect(keyed.abandoned).toBeGreaterThan(0); // the aborts really happened
    // Without keys nothing can tell a retry from a new booking: the orphans are only reported, and must expire.
    expect(keyless.violations).toEqual([]);
    expect(keyless.rows).toBe(INTENDED + keyless.orphans);
  });
});
