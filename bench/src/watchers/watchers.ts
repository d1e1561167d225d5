import { runChild } from '../child.js';
import { LagHistogram } from '../lag.js';
import type { WatchFinish, WatchJob, WatchResult } from './watch-job.js';

export interface WatchersOutcome {
  connected: number;
  failed: number;
  messagesPerWatcher: number;
  lags: LagHistogram;
  lastLags: LagHistogram;
}

/**
 * `count` watchers spread over `processes` child processes (watch-process.ts). Resolves once all are connected;
 * finish() hands them the 201s' times and merges what they measured.
 */
export async function startWatchers(job: Omit<WatchJob, 'count'>, count: number, processes: number) {
  const shares = Array.from(
    { length: processes },
    (_, i) => Math.floor(count / processes) + (i < count % processes ? 1 : 0),
  );
  const children = shares.map((share) => {
    let ready!: () => void;
    const connected = new Promise<void>((resolve) => (ready = resolve));
    const child = runChild<WatchJob, WatchResult>('./watchers/watch-process.ts', { ...job, count: share }, ready);
    return { ...child, connected };
  });
  await Promise.race([Promise.all(children.map((c) => c.connected)), ...children.map((c) => c.done)]);
  return {
    async finish(createdTimes: number[]): Promise<WatchersOutcome> {
      const finish: WatchFinish = { kind: 'finish', createdTimes };
      for (const { child } of children) child.send(finish);
      const results = await Promise.all(children.map((c) => c.done));
      const lags = new LagHistogram();
      const lastLags = new LagHistogram();
      const last = createdTimes.map(() => -Infinity);
      for (const result of results) {
        lags.merge(result.lags);
        result.lastLags.forEach((lag, k) => (last[k] = Number.isNaN(lag) ? NaN : Math.max(last[k]!, lag)));
      }
      for (const lag of last) lastLags.add(lag);
      const connected = results.reduce((sum, r) => sum + r.connected, 0);
      return {
        connected,
        failed: results.reduce((sum, r) => sum + r.failed, 0),
        messagesPerWatcher: results.reduce((sum, r) => sum + r.messages, 0) / Math.max(1, connected),
        lags,
        lastLags,
      };
    },
  };
}
