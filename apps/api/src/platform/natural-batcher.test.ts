import { afterEach, describe, expect, it, vi } from 'vitest';
import { deadlineIn } from './deadline.js';
import { createNaturalBatcher, type ItemOutcome, type Queued } from './natural-batcher.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const deferred = () => {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return { gate, open };
};
const ok = (value: string): ItemOutcome<string> => ({ ok: true, value });

/** A batcher whose batches are recorded, and which waits for `gate` before answering the first one. */
function recording(options: { maxBatchSize?: number; maxQueued?: number } = {}) {
  const batches: string[][] = [];
  const first = deferred();
  const batcher = createNaturalBatcher<string, string>({
    maxBatchSize: options.maxBatchSize ?? 100,
    maxQueued: options.maxQueued ?? 100,
    async send(batch: Queued<string>[]) {
      batches.push(batch.map((queued) => queued.item));
      if (batches.length === 1) await first.gate;
      return batch.map((queued) => ok(`booked ${queued.item}`));
    },
  });
  return { batcher, batches, releaseFirst: first.open };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('natural batching', () => {
  it('when idle, then a lone item is sent at once, in the same tick, with no timer', () => {
    vi.useFakeTimers();
    const { batcher, batches } = recording();
    void batcher.submit('a', deadlineIn(1_000));
    expect(batches).toEqual([['a']]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('when items arrive while a batch is out, then they go together, in order, as it returns', async () => {
    const { batcher, batches, releaseFirst } = recording();
    const answers = ['a', 'b', 'c', 'd'].map((item) => batcher.submit(item, deadlineIn(1_000)));
    expect(batches).toEqual([['a']]);
    releaseFirst();
    expect(await Promise.all(answers)).toEqual(['booked a', 'booked b', 'booked c', 'booked d']);
    expect(batches).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('when more wait than a batch carries, then the rest go in the next one', async () => {
    const { batcher, batches, releaseFirst } = recording({ maxBatchSize: 2 });
    const answers = ['a', 'b', 'c', 'd', 'e'].map((item) => batcher.submit(item, deadlineIn(1_000)));
    releaseFirst();
    await Promise.all(answers);
    expect(batches).toEqual([['a'], ['b', 'c'], ['d', 'e']]);
  });

  it("when an item's deadline passes while it waits, then it gets 503 BUSY then and is never sent", async () => {
    const { batcher, batches, releaseFirst } = recording();
    const first = batcher.submit('a', deadlineIn(1_000));
    const late = batcher.submit('b', deadlineIn(30));
    const kept = batcher.submit('c', deadlineIn(1_000));
    await expect(late).rejects.toMatchObject({ status: 503, code: 'BUSY' });
    releaseFirst();
    expect(await Promise.all([first, kept])).toEqual(['booked a', 'booked c']);
    expect(batches).toEqual([['a'], ['c']]);
  });

  it('when a waiting item has less time left than a batch takes, then it gets 503 BUSY and is not sent', async () => {
    const batches: string[][] = [];
    const batcher = createNaturalBatcher<string, string>({
      maxBatchSize: 10,
      maxQueued: 10,
      async send(batch) {
        batches.push(batch.map((queued) => queued.item));
        await sleep(60);
        return batch.map((queued) => ok(queued.item));
      },
    });
    await batcher.submit('a', deadlineIn(1_000)); // a batch takes about 60 ms
    await sleep(5); // the lane is idle again: 'b' goes alone, 'c' and 'd' wait for it
    const first = batcher.submit('b', deadlineIn(1_000));
    const short = batcher.submit('c', deadlineIn(90)); // about 30 ms left once 'b' returns
    const kept = batcher.submit('d', deadlineIn(1_000));
    await expect(short).rejects.toMatchObject({ status: 503, code: 'BUSY' });
    expect(await Promise.all([first, kept])).toEqual(['b', 'd']);
    // Alone, a member is sent whatever it has left: it can fail nobody else.
    await sleep(5);
    expect(await batcher.submit('e', deadlineIn(20))).toBe('e');
    expect(batches).toEqual([['a'], ['b'], ['d'], ['e']]);
  });

  it('when a batch fails as a whole, then each of its items gets that error and the next batch goes', async () => {
    const failure = new Error('connection terminated');
    let calls = 0;
    const batcher = createNaturalBatcher<string, string>({
      maxBatchSize: 10,
      maxQueued: 10,
      async send(batch) {
        calls += 1;
        await sleep(10);
        if (calls === 2) throw failure;
        return batch.map((queued) => ok(queued.item));
      },
    });
    const first = batcher.submit('a', deadlineIn(1_000));
    const doomed = [batcher.submit('b', deadlineIn(1_000)), batcher.submit('c', deadlineIn(1_000))];
    await first;
    for (const item of doomed) await expect(item).rejects.toBe(failure);
    expect(await batcher.submit('d', deadlineIn(1_000))).toBe('d');
  });

  it('when the queue is full, then an arrival gets 503 BUSY at once', async () => {
    const { batcher, releaseFirst } = recording({ maxQueued: 2 });
    const admitted = ['a', 'b', 'c'].map((item) => batcher.submit(item, deadlineIn(1_000)));
    await expect(batcher.submit('d', deadlineIn(1_000))).rejects.toMatchObject({ status: 503, code: 'BUSY' });
    releaseFirst();
    expect(await Promise.all(admitted)).toHaveLength(3);
  });
});
