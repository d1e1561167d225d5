import { runChild } from '../child.js';
import type { CannonJob, CannonResult } from './cannon-job.js';

export type { CannonJob, CannonResult } from './cannon-job.js';

/** autocannon in its own process (load/cannon-process.ts). */
export function cannon(job: CannonJob): Promise<CannonResult> {
  return runChild<CannonJob, CannonResult>('./load/cannon-process.ts', job).done;
}

/** A result's headline figures, as the tables show them. */
export function summarise(result: CannonResult) {
  const count = (predicate: (status: number) => boolean) =>
    Object.entries(result.statuses)
      .filter(([status]) => predicate(Number(status)))
      .reduce((sum, [, n]) => sum + n, 0);
  const created = count((s) => s === 201);
  return {
    requestsPerSecond: result.requests / result.seconds,
    created,
    createdPerSecond: created / result.seconds,
    ok: count((s) => s >= 200 && s < 300),
    conflicts: count((s) => s === 409),
    shed: count((s) => s === 503),
    otherErrors: count((s) => s < 200 || (s >= 300 && s !== 409 && s !== 503)) + result.errors,
    p50: result.p50,
    p99: result.p99,
  };
}
