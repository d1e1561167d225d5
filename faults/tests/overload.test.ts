import { afterEach, describe, expect, it } from 'vitest';
import { latency, printFigures, tally } from '../support/figures.js';
import { verifyAfterLoad } from '../support/invariants.js';
import { startLoad } from '../support/load.js';
import { useControllableServer } from '../support/scratch-server.js';
import { seedShows, seedUsers } from '../support/seed.js';
import { startFaultStack, type FaultStack } from '../support/stack.js';

const server = useControllableServer();
let stack: FaultStack | undefined;
afterEach(() => stack?.stop());

/** OVERLOAD_CLIENTS=64,256,1024 pnpm test:faults prints the whole curve; CI runs the 1,024 the issue names. */
const LEVELS = (process.env.OVERLOAD_CLIENTS ?? '1024').split(',').map(Number);
/** The same 1,024 bookings at every level: at 1,024 clients, all of them at once. */
const bookingsPerClient = (clients: number) => Math.max(1, Math.round(1_024 / clients));

describe.each(LEVELS)('%i clients book one show at once', (clients) => {
  it('when they all press Book, then only 201 or 503 comes back and every acknowledged booking exists', async () => {
    stack = await startFaultStack(server());
    const users = await seedUsers(stack.db, stack.jwtSecret, clients);
    const showIds = await seedShows(stack.db, [100_000]);
    const load = startLoad({
      url: stack.url,
      users,
      showIds,
      bookingsPerClient: bookingsPerClient(clients),
      maxQuantity: 1,
      confirmShare: 0,
      cancelShare: 0,
      freshConnections: true,
    });
    await load.finished;
    const seconds = load.now() / 1000;
    const after = await verifyAfterLoad(stack.db, load.ledger, showIds, stack.holdSeconds);
    const outcomes = load.outcomes;
    printFigures(`overload: ${clients} clients x ${bookingsPerClient(clients)} bookings, one show`, [
      ['requests', tally(outcomes)],
      ['accepted (201)', latency(outcomes.filter((o) => o.status === 201))],
      ['shed (503)', latency(outcomes.filter((o) => o.status === 503))],
      ['throughput', `${Math.round(load.ledger.size / seconds)} bookings/s over ${seconds.toFixed(1)} s`],
      ['acknowledged / orphans', `${load.ledger.size} / ${after.orphans}`],
    ]);

    expect(after.violations).toEqual([]);
    expect(load.ledger.size).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o.status !== 201 && o.status !== 503)).toEqual([]);
    for (const shed of outcomes.filter((o) => o.status === 503)) expect(shed.retryAfter).toMatch(/^\d+$/);
  });
});
