import type { BenchContext } from '../context.js';
import { seedShows } from '../seed.js';
import { formatCell, ratio, type Cell } from '../table.js';
import { socketsPerInstance } from '../upstreams.js';
import { startWatchers } from '../watchers/watchers.js';
import { bookingStep } from './steps.js';

const PLENTY = 100_000;
/** After the last 201, how long the watchers may still hear the final counts. */
const SETTLE_MS = 2_000;
/** After the watchers disconnect, time for nginx to log their sockets (it logs a WebSocket when it closes). */
const LOGGED_MS = 1_000;

/**
 * Scenario 4: bookings on one show at a fixed client count, without watchers and then with each watcher count;
 * booking throughput and the lag from each 201 to each watcher hearing its count (lag.ts states the matching).
 */
export async function watchers(ctx: BenchContext) {
  const { settings } = ctx;
  const { clients, counts, processes, watch } = settings.watchers;
  const behindNginx = ctx.api.instances.length > 0;
  const job = { connections: clients, seconds: settings.seconds };
  const [quiet] = await seedShows(ctx.db, 1, PLENTY, 'Unwatched');
  const baseline = await bookingStep(ctx, `no watchers at ${clients} clients`, [quiet!], job);
  const rows: Cell[][] = [[0, 0, baseline.figures.createdPerSecond, 1, baseline.figures.p99]];

  for (const count of counts) {
    const [show] = await seedShows(ctx.db, 1, PLENTY, 'Watched');
    const logFrom = ctx.api.accessLog().length;
    const audience = await startWatchers({ url: ctx.api.url, showId: show!, total: PLENTY, watch }, count, processes);
    const step = await bookingStep(ctx, `${count} watchers at ${clients} clients`, [show!], {
      ...job,
      keepCreatedTimes: true,
    });
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const heard = await audience.finish(step.result.createdTimes);
    let split: Cell[] = [];
    if (behindNginx) {
      await new Promise((resolve) => setTimeout(resolve, LOGGED_MS));
      const perInstance = socketsPerInstance(ctx.api.accessLog().slice(logFrom), ctx.api.instances);
      split = [perInstance.map(formatCell).join(' / ')];
    }
    if (heard.failed > 0) ctx.verdicts.fail(`${count} watchers`, `${heard.failed} watchers could not connect`);
    const per = step.result.seconds;
    const withWatchers = ratio(step.figures.createdPerSecond, baseline.figures.createdPerSecond);
    if (count === counts[0]) {
      ctx.targets.set(ctx.pass.label, 'watchersRatio', withWatchers);
      ctx.targets.set(ctx.pass.label, 'watchersLag', heard.lags.percentile(0.99));
    }
    rows.push([
      heard.connected,
      heard.messagesPerWatcher / per,
      step.figures.createdPerSecond,
      withWatchers,
      step.figures.p99,
      heard.lags.percentile(0.5),
      heard.lags.percentile(0.99),
      heard.lastLags.percentile(0.99),
      heard.lags.percentile(1),
      heard.lags.missed,
      ...split,
    ]);
  }
  ctx.report.table(
    `4. Socket.IO watchers during a sale at ${clients} clients, ${settings.seconds} s per step ` +
      `(${ctx.pass.label}, watchers listen to ${watch === 'show' ? 'the show only' : 'every show'})`,
    ['watchers', 'messages/watcher/s', '201/s', 'vs no watchers', 'booking p99 ms'].concat([
      'lag p50 ms',
      'lag p99 ms',
      'last-watcher lag p99 ms',
      'lag max ms',
      'counts never heard',
      ...(behindNginx ? ['sockets per instance'] : []),
    ]),
    rows,
    [
      'Lag: the k-th 201 in arrival order is matched to the count total - k (one place per booking on a fresh ' +
        'show); a watcher has heard it when it first hears a count <= total - k. Clocks: ' +
        'performance.timeOrigin + performance.now() in the load and watcher processes of one machine. ' +
        'Last-watcher lag: per 201, the slowest watcher.',
      ...(behindNginx
        ? [
            'Watchers and bookings go through nginx (least_conn); sockets per instance: from its access log, ' +
              'in the order the instances started.',
          ]
        : []),
    ],
  );
}
