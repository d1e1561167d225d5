import type { ShowAvailability } from '@holdfast/contracts';
import { DELETED_SHOW_VERSION } from '@holdfast/contracts';
import type { ErrorReporter } from '../platform/error-reporter.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLocalDelivery } from './local-delivery.js';

// performance.now() too: the gap is measured with it.
beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] }));
afterEach(() => vi.useRealTimers());

const sentAt = Date.now();
const show = (id: number, version: number, availableSlots: number): ShowAvailability => ({
  id,
  version,
  availableSlots,
  totalSlots: 10,
});
const reporter: ErrorReporter = {
  report: vi.fn(),
  crash: (error) => {
    throw error;
  },
};

describe('local delivery', () => {
  it('when snapshots from several instances arrive within a gap, then one delivery keeps each newest show', () => {
    const delivered: { shows: ShowAvailability[]; added: number[] }[] = [];
    const delivery = createLocalDelivery({
      reporter,
      deliver: (shows, added) => delivered.push({ shows, added: [...added] }),
    });
    delivery.receive({ shows: [show(1, 3, 7)], added: [], changedAt: sentAt, expiries: [] });
    vi.advanceTimersByTime(1); // the first goes out at once
    // Instance B, then instance C with an older state of show 1 that arrives later.
    delivery.receive({ shows: [show(1, 5, 5), show(2, 1, 10)], added: [2], changedAt: sentAt, expiries: [] });
    delivery.receive({ shows: [show(1, 4, 6)], added: [], changedAt: sentAt, expiries: [] });
    delivery.receive({
      shows: [{ ...show(2, DELETED_SHOW_VERSION, 0), deleted: true }],
      added: [],
      changedAt: Date.now(),
      expiries: [],
    });
    vi.advanceTimersByTime(190);
    expect(delivered).toHaveLength(1);
    vi.advanceTimersByTime(10);

    expect(delivered).toEqual([
      { shows: [show(1, 3, 7)], added: [] },
      { shows: [show(1, 5, 5), { ...show(2, DELETED_SHOW_VERSION, 0), deleted: true }], added: [2] },
    ]);
  });

  it('when snapshots keep coming, then deliveries start at least 200 ms apart, 5 a second at most', () => {
    const at: number[] = [];
    const start = Date.now();
    const delivery = createLocalDelivery({ reporter, deliver: () => at.push(Date.now() - start) });
    for (let ms = 0; ms < 1_000; ms += 10) {
      delivery.receive({ shows: [show(1, ms + 1, 1)], added: [], changedAt: sentAt, expiries: [] });
      vi.advanceTimersByTime(10);
    }
    expect(at.length).toBeLessThanOrEqual(6); // at 0, 200, ..., 1000 ms
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(200);
  });
});
