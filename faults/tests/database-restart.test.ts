import type { ShutdownMode } from '@holdfast/embedded-db';
import { afterEach, describe, expect, it } from 'vitest';
import { latency, printFigures, recoveryMs, startedBetween, tally, tallyStrings } from '../support/figures.js';
import { pause, type Outcome } from '../support/load.js';
import { useControllableServer } from '../support/scratch-server.js';
import { startFaultStack, type FaultStack } from '../support/stack.js';
import { underLoad } from '../support/under-load.js';

const server = useControllableServer();
let stack: FaultStack | undefined;
afterEach(() => stack?.stop());

/** How long PostgreSQL stays down between stop and start: long enough for every request to meet the outage. */
const DOWN_MS = 1_000;

interface Restart {
  mode: ShutdownMode;
  began: number;
  up: number;
  errorLines: string[];
}

function printRestart(restart: Restart, outcomes: Outcome[]) {
  const around = startedBetween(outcomes, restart.began - 500, restart.up + 1_000);
  const refused = around.filter((o) => o.status === 503);
  printFigures(`PostgreSQL restart -m ${restart.mode}, down ${DOWN_MS} ms, 48 clients`, [
    ['requests from 0.5 s before to 1 s after', tally(around)],
    ['their 503s', latency(refused)],
    ['503 without Retry-After', refused.filter((o) => o.retryAfter === null).length],
    ['slowest of those requests', latency(around).replace(/.*max /, '')],
    ['restart took (stop, down, ready)', `${Math.round(restart.up - restart.began)} ms`],
    ['first booking after it is up', `${Math.round(recoveryMs(outcomes, restart.up))} ms`],
    ['error log lines', `${restart.errorLines.length}: ${tallyStrings(restart.errorLines)}`],
  ]);
}

describe('PostgreSQL restarted mid-load, fast and then immediate', () => {
  it('when it restarts, then requests get 503 with Retry-After, never 500, and bookings resume', async () => {
    const api = (stack = await startFaultStack(server()));
    const restarts: Restart[] = [];
    const run = await underLoad(api, async (load) => {
      for (const mode of ['fast', 'immediate'] as const) {
        const errorsBefore = api.errorMessages().length;
        const began = load.now();
        await server().restart(mode, DOWN_MS);
        restarts.push({ mode, began, up: load.now(), errorLines: api.errorMessages().slice(errorsBefore) });
        await pause(1_500);
      }
    });
    const outcomes = run.load.outcomes;
    for (const restart of restarts) printRestart(restart, outcomes);
    printFigures('PostgreSQL restarts, overall', [
      ['requests', tally(outcomes)],
      ['acknowledged / orphans', `${run.load.ledger.size} / ${run.orphans}`],
    ]);

    expect(run.violations).toEqual([]);
    expect(outcomes.filter((o) => o.status >= 500 && o.status !== 503)).toEqual([]);
    expect(outcomes.filter((o) => o.status === 0)).toEqual([]);
    for (const answer of outcomes.filter((o) => o.status === 503)) {
      expect(answer.retryAfter).toMatch(/^\d+$/);
      expect(['BUSY', 'DATABASE_UNAVAILABLE']).toContain(answer.code);
    }
    for (const restart of restarts) {
      // The fault really met the load, and the load got over it by itself.
      expect(startedBetween(outcomes, restart.began, restart.up).some((o) => o.status === 503)).toBe(true);
      expect(recoveryMs(outcomes, restart.up)).toBeLessThan(5_000);
      // A few lines per outage, not one per failed request (before: 3,955 lines with stack traces in 14 s).
      expect(restart.errorLines.length).toBeLessThan(50);
    }
  });
});
