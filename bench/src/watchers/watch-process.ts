/**
 * Socket.IO watchers in their own process: `count` websocket clients that record when they hear the timed show's
 * count, then turn those hearings into lags once the bench sends the 201s' times (lag.ts says how they match).
 */
import { io, type Socket } from 'socket.io-client';
import { clockNow } from '../load/cannon-job.js';
import { LagHistogram, lagsOfWatcher, type Hearing } from '../lag.js';
import type { WatchFinish, WatchJob, WatchResult } from './watch-job.js';

/** Connects this many at a time: thousands of SYNs at once overflow the API's accept queue. */
const CONNECT_BATCH = 200;

interface Watcher {
  socket: Socket;
  hearings: Hearing[];
}

/** showsUpdated carries an array of shows today; a wrapped { shows } is accepted too, should the payload grow. */
function shows(payload: unknown): { id: number; availableSlots: number }[] {
  const list = Array.isArray(payload) ? payload : (payload as { shows?: unknown } | null)?.shows;
  return Array.isArray(list) ? (list as { id: number; availableSlots: number }[]) : [];
}

function connect(job: WatchJob, watcher: Omit<Watcher, 'socket'>, counter: { messages: number }) {
  return new Promise<Socket | null>((resolve) => {
    const socket = io(job.url, { transports: ['websocket'], forceNew: true, reconnection: false, timeout: 30_000 });
    socket.on('showsUpdated', (payload: unknown) => {
      counter.messages += 1;
      const at = clockNow();
      for (const show of shows(payload))
        if (show.id === job.showId) watcher.hearings.push({ at, available: show.availableSlots });
    });
    socket.once('connect', () => {
      if (job.watch === 'show') socket.emit('watchShows', [job.showId]);
      resolve(socket);
    });
    socket.once('connect_error', () => resolve(null));
  });
}

async function watch(job: WatchJob) {
  const counter = { messages: 0 };
  const watchers: Watcher[] = [];
  let failed = 0;
  for (let start = 0; start < job.count; start += CONNECT_BATCH) {
    const batch = Array.from({ length: Math.min(CONNECT_BATCH, job.count - start) }, async () => {
      const hearings: Hearing[] = [];
      const socket = await connect(job, { hearings }, counter);
      if (socket) watchers.push({ socket, hearings });
      else failed += 1;
    });
    await Promise.all(batch);
  }
  process.send!({ kind: 'progress', connected: watchers.length, failed });
  const finish = await new Promise<WatchFinish>((resolve) => process.once('message', resolve));
  for (const { socket } of watchers) socket.disconnect();

  const lags = new LagHistogram();
  const lastLags = finish.createdTimes.map(() => -Infinity);
  for (const { hearings } of watchers) {
    const watcher = lagsOfWatcher(finish.createdTimes, hearings, job.total);
    watcher.lags.forEach((lag, k) => {
      lags.add(lag);
      // A watcher that never heard a count makes that 201's last lag unknown (NaN), not small.
      lastLags[k] = Number.isNaN(lag) || Number.isNaN(lastLags[k]!) ? NaN : Math.max(lastLags[k]!, lag);
    });
  }
  const result: WatchResult = {
    connected: watchers.length,
    failed,
    messages: counter.messages,
    lags: lags.toJSON(),
    lastLags,
  };
  process.send!(result, () => process.exit(0));
}

process.once('message', (job: WatchJob) => {
  watch(job).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});
