/**
 * Event lag, matched by count. Every booking of the measured show takes one place and the show starts with
 * `total`, so once k bookings have committed its count is total - k. The k-th 201 in the order the load generator
 * received them is taken as the k-th booking; the watcher has heard "its" count the first time it hears a value
 * <= total - k. Lag = that moment - the moment the k-th 201 arrived, on the same machine's clock
 * (performance.timeOrigin + performance.now() in every process). A 201 delayed after its commit can make a lag
 * slightly negative; it is kept as measured.
 */
export interface Hearing {
  at: number;
  available: number;
}

export interface WatcherLags {
  /** One lag per 201, or NaN where the watcher never heard that count. */
  lags: number[];
  missed: number;
}

/** `okTimes` sorted ascending; `hearings` in the order the watcher received them. */
export function lagsOfWatcher(okTimes: number[], hearings: Hearing[], total: number): WatcherLags {
  const lags: number[] = [];
  let missed = 0;
  let next = 0;
  // The lowest count heard so far: a late, higher count must not count as hearing a lower one.
  let lowest = Infinity;
  let heardAt = NaN;
  for (let k = 1; k <= okTimes.length; k++) {
    const target = total - k;
    while (lowest > target && next < hearings.length) {
      const hearing = hearings[next++]!;
      if (hearing.available < lowest) {
        lowest = hearing.available;
        heardAt = hearing.at;
      }
    }
    if (lowest <= target) lags.push(heardAt - okTimes[k - 1]!);
    else {
      lags.push(NaN);
      missed += 1;
    }
  }
  return { lags, missed };
}

/** Lag percentiles over many watchers, kept in 1 ms buckets so that millions of lags stay small to send. */
export class LagHistogram {
  readonly buckets = new Map<number, number>();
  count = 0;
  missed = 0;

  add(lag: number) {
    if (Number.isNaN(lag)) {
      this.missed += 1;
      return;
    }
    const bucket = Math.floor(lag);
    this.buckets.set(bucket, (this.buckets.get(bucket) ?? 0) + 1);
    this.count += 1;
  }

  merge(other: { buckets: [number, number][]; count: number; missed: number }) {
    for (const [bucket, n] of other.buckets) this.buckets.set(bucket, (this.buckets.get(bucket) ?? 0) + n);
    this.count += other.count;
    this.missed += other.missed;
  }

  toJSON() {
    return { buckets: [...this.buckets], count: this.count, missed: this.missed };
  }

  /** The upper edge of the bucket holding the p-th lag (p in 0..1), in ms; null if none. */
  percentile(p: number): number | null {
    if (this.count === 0) return null;
    const rank = Math.max(1, Math.ceil(this.count * p));
    let seen = 0;
    for (const [bucket, n] of [...this.buckets].sort((a, b) => a[0] - b[0])) {
      seen += n;
      if (seen >= rank) return bucket + 1;
    }
    return null;
  }
}
