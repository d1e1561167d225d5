import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { createKeyedQueue } from './keyed-queue.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const deferred = () => {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return { gate, open };
};

describe('keyed queue', () => {
  it('when more tasks of one key arrive than its concurrency, then the rest wait their turn in order', async () => {
    const queue = createKeyedQueue({ concurrency: 2, maxWaitMs: 1_000, maxQueued: 10 });
    const { gate, open } = deferred();
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const tasks = [0, 1, 2, 3, 4].map((i) =>
      queue.run('show-1', async () => {
        running += 1;
        peak = Math.max(peak, running);
        if (i < 2) await gate;
        order.push(i);
        running -= 1;
      }),
    );
    await sleep(20);
    expect(running).toBe(2);
    open();
    await Promise.all(tasks);
    expect(peak).toBe(2);
    expect(order.slice(2)).toEqual([2, 3, 4]);
  });

  it('when one key is stuck, then tasks of other keys run at once', async () => {
    const queue = createKeyedQueue({ concurrency: 1, maxWaitMs: 1_000, maxQueued: 10 });
    const { gate, open } = deferred();
    const stuck = queue.run('show-1', () => gate);
    expect(await queue.run('show-2', async () => 'ran')).toBe('ran');
    open();
    await stuck;
  });

  it('when a task would wait past maxWaitMs or the queue is full, then it gets 503 BUSY and never runs', async () => {
    const queue = createKeyedQueue({ concurrency: 1, maxWaitMs: 50, maxQueued: 1 });
    const { gate, open } = deferred();
    const holder = queue.run('k', () => gate);
    let ran = 0;
    const waiter = queue.run('k', async () => void ran++);
    const overflow = queue.run('k', async () => void ran++);
    await expect(overflow).rejects.toMatchObject({ status: 503, code: 'BUSY' } satisfies Partial<AppError>);
    await expect(waiter).rejects.toMatchObject({ status: 503, code: 'BUSY' });
    open();
    await holder;
    expect(ran).toBe(0);
    expect(await queue.run('k', async () => 'free again')).toBe('free again');
  });
});
