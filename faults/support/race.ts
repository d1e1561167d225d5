import { printFigures, tally } from './figures.js';
import type { FaultStack } from './stack.js';
import { underLoad } from './under-load.js';

/**
 * The race every booking system must win, with no fault injected: 32 clients at once on two shows of 20 slots,
 * booking 1-3 each until both are sold out. Answers what the invariant checks found.
 */
export async function runRace(stack: FaultStack, title: string) {
  const run = await underLoad(stack, async () => {}, { clients: 32, shows: [20, 20], settleMs: 500 });
  printFigures(title, [
    ['requests', tally(run.load.outcomes)],
    ['acknowledged bookings', run.load.ledger.size],
    ['violations', run.violations.length === 0 ? 'none' : run.violations.slice(0, 4).join('; ')],
  ]);
  return run;
}
