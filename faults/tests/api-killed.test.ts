import { afterEach, describe, expect, it } from 'vitest';
import { latency, printFigures, recoveryMs, startedBetween, tally } from '../support/figures.js';
import { pause } from '../support/load.js';
import { useControllableServer } from '../support/scratch-server.js';
import { startFaultStack, type FaultStack } from '../support/stack.js';
import { underLoad } from '../support/under-load.js';

const server = useControllableServer();
let stack: FaultStack | undefined;
afterEach(() => stack?.stop());

describe('the API process is killed mid-load', () => {
  it('when it is SIGKILLed and restarted, then every acknowledged booking exists and the orphans expire', async () => {
    stack = await startFaultStack(server());
    const api = stack;
    const at = { killed: 0, up: 0 };
    const run = await underLoad(api, async (load) => {
      at.killed = load.now();
      await api.killApi();
      await pause(500); // a supervisor's restart delay
      await api.restartApi();
      at.up = load.now();
    });
    const outcomes = run.load.outcomes;
    const afterRestart = outcomes.filter((o) => o.startedAt >= at.up);
    printFigures('API SIGKILLed mid-load, restarted after 500 ms', [
      ['requests before the kill', tally(startedBetween(outcomes, 0, at.killed))],
      ['requests while it was down', tally(startedBetween(outcomes, at.killed, at.up))],
      ['requests after the restart', tally(afterRestart)],
      ['bookings after the restart', latency(afterRestart.filter((o) => o.op === 'book' && o.status === 201))],
      ['down (kill to /health up)', `${Math.round(at.up - at.killed)} ms`],
      ['first booking after /health up', `${Math.round(recoveryMs(outcomes, at.up))} ms`],
      ['acknowledged / orphans', `${run.load.ledger.size} / ${run.orphans}`],
      ['orphans swept within', `${Math.round(run.sweepMs)} ms`],
    ]);

    expect(run.violations).toEqual([]);
    // While it was down the clients got no answer; nothing it answered was a 5xx.
    expect(outcomes.filter((o) => o.status >= 500)).toEqual([]);
    expect(afterRestart.filter((o) => o.status === 0)).toEqual([]);
    expect(recoveryMs(outcomes, at.up)).toBeLessThan(5_000);
  });
});
