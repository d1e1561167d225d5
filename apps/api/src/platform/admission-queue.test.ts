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

    advance(81); // still not empty after a full queue's drain time: standing
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
    advance(79);
    expect(await outcomeSoon(queue.run(async () => void ran++))).toMatchObject(BUSY); // the ninth: full
    open();
    await Promise.all([holder, ...burst]);
    expect(ran).toBe(8);
  });

  it('when its deadline leaves far less time than its turn needs, then an arrival is refused at once', async () => {
    const { queue, advance } = queueOnClock({ concurrency: 1, maxQueued: 100 });
    await queue.run(async () => void advance(500)); // 500 ms each
    const { gate, open } = deferred();
    const holder = queue.run(() => gate);
    const ahead = queue.run(async () => 'served');
    const deadline = { remainingMs: () => 450 }; // two turns ahead of it: 1,000 ms
    expect(await outcomeSoon(queue.run(async () => 'late', deadline))).toMatchObject(BUSY);
    open();
    expect(await ahead).toBe('served');
    await holder;
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
