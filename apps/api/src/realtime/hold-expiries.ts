import type { PreciseSweep } from '../modules/bookings/index.js';
import type { ErrorReporter } from '../platform/error-reporter.js';
import { createExpiryWheel } from './expiry-wheel.js';

/** A show another transaction held is looked at again on the next ticks, this many times at most. */
const MAX_BUSY_RETRIES = 40;

export interface HoldExpiries {
  /** Holds on these shows lapse at `at` (heard from any instance). */
  add(showIds: number[], at: Date): void;
  /** Timers and distinct due ticks waiting (tests, diagnostics). */
  pending(): { timers: number; ticks: number };
  /** Resolves once no sweep is running. */
  idle(): Promise<void>;
  stop(): void;
}

/**
 * Every instance hears of every hold's expiry (it travels in the cluster's snapshots), so a lapse is announced
 * even when the instance that made the hold has gone. Just after the expiry, each instance sweeps those shows
 * precisely; the database's PENDING -> EXPIRED happens once, so only the instance whose sweep reclaimed a show
 * announces it (ADR 0015). A show someone else had locked may have been locked before the hold lapsed: it is
 * looked at again on the next ticks until it is free or has no lapsed hold left (whoever reclaimed those
 * announced them). The cron sweep (EXPIRY_SWEEP_CRON) still catches anything missed.
 */
export function createHoldExpiries(deps: {
  sweep: (showIds: number[]) => Promise<PreciseSweep>;
  announce: (showIds: number[]) => void;
  reporter: ErrorReporter;
}): HoldExpiries {
  const due = new Set<number>();
  const retries = new Map<number, number>();
  let sweeping: Promise<void> | null = null;
  let stopped = false;

  const sweepDue = async () => {
    while (due.size > 0 && !stopped) {
      const ids = [...due];
      due.clear();
      try {
        const { reclaimed, busy } = await deps.sweep(ids);
        if (reclaimed.length > 0) deps.announce(reclaimed);
        for (const id of ids) if (!busy.includes(id)) retries.delete(id);
        const again: number[] = [];
        for (const id of busy) {
          const tried = (retries.get(id) ?? 0) + 1;
          if (tried > MAX_BUSY_RETRIES) {
            retries.delete(id); // given up: the cron sweep's
            continue;
          }
          retries.set(id, tried);
          again.push(id);
        }
        if (again.length > 0 && !stopped) wheel.add(again, new Date());
      } catch (error) {
        deps.reporter.report(error, { source: 'hold expiry sweep' });
      }
    }
    sweeping = null;
  };

  const wheel = createExpiryWheel((showIds) => {
    for (const id of showIds) due.add(id);
    sweeping ??= sweepDue();
  });

  return {
    add: (showIds, at) => wheel.add(showIds, at),
    pending: () => wheel.pending(),
    idle: async () => {
      while (sweeping) await sweeping;
    },
    stop() {
      stopped = true;
      wheel.stop();
      due.clear();
    },
  };
}
