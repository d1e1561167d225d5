import { verifyAfterLoad, watchShows } from './invariants.js';
import { pause, startLoad, type Load, type LoadOptions } from './load.js';
import { seedShows, seedUsers } from './seed.js';
import type { FaultStack } from './stack.js';

export interface LoadRun {
  load: Load;
  showIds: number[];
  /** Everything the invariant checks found, during the load and after it. */
  violations: string[];
  /** Bookings committed that no client was told about. */
  orphans: number;
  sweepMs: number;
}

/**
 * Runs `fault` in the middle of a steady booking load: 48 clients on a small show (20 slots, sold out within
 * moments, so the last-slot race goes on) and two large ones (so bookings keep succeeding and recovery shows).
 * Checks the shows throughout, and everything once the load has stopped.
 */
export async function underLoad(
  stack: FaultStack,
  fault: (load: Load) => Promise<void>,
  options: { clients?: number; shows?: number[]; settleMs?: number; load?: Partial<LoadOptions> } = {},
): Promise<LoadRun> {
  const users = await seedUsers(stack.db, stack.jwtSecret, options.clients ?? 48);
  const showIds = await seedShows(stack.db, options.shows ?? [20, 5_000, 5_000]);
  const watch = watchShows(stack.db, showIds);
  const load = startLoad({ url: stack.url, users, showIds, ...options.load });
  await pause(500);
  await fault(load);
  await pause(options.settleMs ?? 1_500);
  await load.stop();
  const watched = await watch.stop();
  const after = await verifyAfterLoad(stack.db, load.ledger, showIds, stack.holdSeconds);
  return {
    load,
    showIds,
    violations: [...new Set([...watched.violations, ...after.violations])],
    orphans: after.orphans,
    sweepMs: after.sweepMs,
  };
}
