import { afterEach, describe, expect, it } from 'vitest';
import { latency, printFigures, recoveryMs, slowest, startedBetween, tally } from '../support/figures.js';
import { pause, probeHealth, type Outcome } from '../support/load.js';
import { useControllableServer } from '../support/scratch-server.js';
import { startFaultStack, type FaultStack } from '../support/stack.js';
import { underLoad } from '../support/under-load.js';

const server = useControllableServer();
let stack: FaultStack | undefined;
afterEach(() => {
  server().thaw(); // never leave it stopped, whatever failed
  return stack?.stop();
});

const STALL_MS = 10_000;
// Tighter than the defaults so that a request hanging for the whole stall cannot pass for a bounded one.
const LIMITS = { DB_LOCK_TIMEOUT_MS: 1_000, DB_CONNECT_TIMEOUT_MS: 1_000, DB_QUERY_TIMEOUT_MS: 3_000 };
/** The longest a booking may take: queued behind its show, waiting for a connection, waiting for an answer. */
const BOUND_MS = LIMITS.DB_LOCK_TIMEOUT_MS + LIMITS.DB_CONNECT_TIMEOUT_MS + LIMITS.DB_QUERY_TIMEOUT_MS;
/** What a busy two-core machine may add to that. */
const SLACK_MS = 2_000;

describe('PostgreSQL stops answering (SIGSTOP) mid-load', () => {
  it('when it stalls for 10 s, then requests end within the bound, /health says 503 in 1 s, it recovers', async () => {
    const env = Object.fromEntries(Object.entries(LIMITS).map(([key, value]) => [key, String(value)]));
    stack = await startFaultStack(server(), env);
    const url = stack.url;
    const health: Outcome[] = [];
    const at = { stopped: 0, continued: 0 };
    const run = await underLoad(
      stack,
      async (load) => {
        at.stopped = load.now();
        server().freeze();
        // /health twice a second through the stall, from one second in.
        await pause(1_000);
        while (load.now() - at.stopped < STALL_MS - 500) {
          health.push(await probeHealth(url, load));
          await pause(500);
        }
        await pause(STALL_MS - (load.now() - at.stopped));
        server().thaw();
        at.continued = load.now();
      },
      { settleMs: 1_500 },
    );
    const outcomes = run.load.outcomes;
    const during = startedBetween(outcomes, at.stopped, at.continued);
    printFigures(`PostgreSQL SIGSTOPped for ${STALL_MS / 1000} s, 48 clients, bound ${BOUND_MS} ms`, [
      ['requests started during the stall', tally(during)],
      ['their durations', latency(during)],
      ['slowest request overall', `${Math.round(slowest(outcomes))} ms`],
      ['/health during the stall', `${tally(health)}; ${latency(health)}`],
      ['first booking after SIGCONT', `${Math.round(recoveryMs(outcomes, at.continued))} ms`],
      ['acknowledged / orphans', `${run.load.ledger.size} / ${run.orphans}`],
    ]);

    expect(run.violations).toEqual([]);
    expect(during.length).toBeGreaterThan(0);
    expect(slowest(outcomes)).toBeLessThan(BOUND_MS + SLACK_MS);
    expect(outcomes.filter((o) => o.status >= 500 && o.status !== 503)).toEqual([]);
    expect(outcomes.filter((o) => o.status === 0)).toEqual([]);
    expect(health.length).toBeGreaterThan(5);
    for (const probe of health) {
      expect(probe.status).toBe(503);
      expect(probe.ms).toBeLessThan(1_500);
    }
    expect(recoveryMs(outcomes, at.continued)).toBeLessThan(5_000);
  });
});
