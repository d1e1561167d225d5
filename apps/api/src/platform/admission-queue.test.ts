import { describe, expect, it } from 'vitest';
import { createAdmissionQueue } from './admission-queue.js';
import { deadlineIn } from './deadline.js';
import type { AppError } from './errors.js';

const BUSY = { status: 503, code: 'BUSY', retryAfterSeconds: 1 } satisfies Partial<AppError>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** How `attempt` has ended by now (its error, if refused), or 'waiting': refusals must not wait for anything. */
const outcomeSoon = (attempt: Promise<unknown>) =>
  Promise.race([attempt.catch((error: unknown) => error), sleep(100).then(() => 'waiting')]);
const deferred = () => {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return { gate, open };
};

/** A queue on a clock the test moves; waits still end on real timers, far beyond these tests. */
function queueOnClock(options: { concurrency: number; maxQueued: number }) {
  let clock = 0;
  const queue = createAdmissionQueue({ ...options, maxWaitMs: 60_000, now: () => clock });
  return { queue, advance: (ms: number) => (clock += ms) };
}

describe('admission queue', () => {
  it('when a queue stays standing, then arrivals past a quarter of it are refused at once and never run', async () => {
    const { queue, advance } = queueOnClock({ concurrency: 1, maxQueued: 8 });
    await queue.run(async () => void advance(10)); // one task of 10 ms: a full queue drains in 80 ms
    const { gate, open } = deferred();
    const holder = queue.run(() => gate);
    let ran = 0;
    const burst = Array.from({ length: 4 }, () => queue.run(async () => void ran++));

    advance(161); // still not empty after twice a full queue's drain time: standing
    const refused = queue.run(async () => void ran++);

    expect(await outcomeSoon(refused)).toMatchObject(BUSY); // while the holder still runs
    open();
    await Promise.all([holder, ...burst]);
    expect(ran).toBe(4);
  });

  it('when a burst fills the queue within a drain time, then all are admitted up to maxQueued', async () => {
    const { queue, advance } = queueOnClock({ concurrency: 1, maxQueued: 8 });
    await queue.run(async () => void advance(10));
    const { gate, open } = deferred();
    const holder = queue.run(() => gate);
    let ran = 0;
    const burst = Array.from({ length: 8 }, () => queue.run(async () => void ran++));
    advance(159);
    expect(await outcomeSoon(queue.run(async () => void ran++))).toMatchObject(BUSY); // the ninth: full
    open();
    await Promise.all([holder, ...burst]);
    expect(ran).toBe(8);
  });

  it('when a burst overflows the queue, then it is held to a quarter until it has refused nobody a while', async () => {
    const { queue, advance } = queueOnClock({ concurrency: 1, maxQueued: 4 });
    const burst = () => {
      const gates = Array.from({ length: 5 }, deferred);
      return { gates, admitted: gates.map(({ gate }) => queue.run(() => gate)) }; // 1 running, 4 waiting
    };
    const first = burst();
    expect(await outcomeSoon(queue.run(async () => 'sixth'))).toMatchObject(BUSY); // full
    first.gates[0]!.open();
    await first.admitted[0];
    // Three wait now, under maxQueued but not under a quarter of it.
    expect(await outcomeSoon(queue.run(async () => 'later'))).toMatchObject(BUSY);
    for (const { open } of first.gates) open();
    await Promise.all(first.admitted);

    // Emptied, but it refused someone just now: a burst may not fill it yet.
    const early = burst();
    const outcomes = await Promise.all(early.admitted.map(outcomeSoon));
    expect(outcomes.filter((outcome) => outcome === 'waiting')).toHaveLength(2); // one runs, one waits
    for (const { open } of early.gates) open();
    await Promise.allSettled(early.admitted);

    advance(60_001); // nothing has finished on this clock, so it stays held for as long as anyone may wait
    const second = burst();
    for (const { open } of second.gates) open();
    await Promise.all(second.admitted);
  });

  it('when a deadline ends while waiting, then the task gets 503 BUSY and never runs', async () => {
    const queue = createAdmissionQueue({ concurrency: 1, maxWaitMs: 60_000, maxQueued: 10 });
    const { gate, open } = deferred();
    const holder = queue.run(() => gate);
    let ran = false;
    await expect(queue.run(async () => void (ran = true), deadlineIn(30))).rejects.toMatchObject(BUSY);
    await expect(queue.run(async () => void (ran = true), deadlineIn(0))).rejects.toMatchObject(BUSY);
    open();
    await holder;
    expect(ran).toBe(false);
    expect(queue.idle()).toBe(true);
  });
});
