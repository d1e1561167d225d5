import type { BenchContext } from '../context.js';
import { seedShows } from '../seed.js';
import { ratio, type Cell } from '../table.js';
import { BOOKING_HEADER, bookingRow, bookingStep, pgbenchBeside } from './steps.js';

/** The most places a show may have (shows.total_slots CHECK): "plenty" for a calm day. */
const PLENTY = 100_000;

/** req/s, then the answers by kind, then latency: the columns of 1a and 1b after their first. */
const outcomeCells = (f: Awaited<ReturnType<typeof bookingStep>>['figures']): Cell[] => [
  f.requestsPerSecond,
  f.created,
  f.conflicts,
  f.shed,
  f.otherErrors,
  f.p50,
  f.p99,
];

/** Scenario 1: one hot show. (a) sell out, (b) 2,000 requests for 500 places, (c) a calm day beside pgbench. */
export async function flashSale(ctx: BenchContext) {
  const { settings } = ctx;
  const pass = ctx.pass.label;

  const sellOut: Cell[][] = [];
  let sellOutRate = NaN;
  for (const clients of settings.clients) {
    const [show] = await seedShows(ctx.db, 1, settings.sellOutPlaces, 'Sell-out');
    const { figures, result } = await bookingStep(ctx, `sell-out at ${clients} clients`, [show!], {
      connections: clients,
      seconds: Math.max(60, settings.seconds * 12),
      stopAfterCreated: settings.sellOutPlaces,
    });
    const seconds = result.soldOutMs === null ? null : result.soldOutMs / 1000;
    sellOutRate = figures.requestsPerSecond;
    sellOut.push([clients, seconds, ...outcomeCells(figures)]);
  }
  ctx.report.table(
    `1a. Sell-out of one ${settings.sellOutPlaces.toLocaleString('en-US')}-place show (${pass})`,
    ['clients', 'time to sell out s', 'req/s', '201', '409', '503', 'other errors', 'p50 ms', 'p99 ms'],
    sellOut,
    ['Time to sell out: from the first request to the 201 of the last place (- if it never sold out).'],
  );

  const { flash } = settings;
  const [hot] = await seedShows(ctx.db, 1, flash.places, 'Flash sale');
  const { figures, result } = await bookingStep(ctx, 'flash sale', [hot!], {
    connections: flash.clients,
    amount: flash.requests,
  });
  ctx.targets.set(pass, 'flashSeconds', result.seconds);
  ctx.targets.set(pass, 'flashP99', figures.p99);
  if (figures.created !== flash.places)
    ctx.verdicts.fail(`flash sale (${pass})`, `${figures.created} x 201 for ${flash.places} places`);
  ctx.report.table(
    `1b. ${flash.requests.toLocaleString('en-US')} requests for ${flash.places} places at ${flash.clients} clients ` +
      `(${pass})`,
    ['total time s', 'req/s', '201', '409', '503', 'other errors', 'p50 ms', 'p99 ms'],
    [[result.seconds, ...outcomeCells(figures)]],
  );

  const calm: Cell[][] = [];
  const calmRate = new Map<number, number>();
  const bestMinimal: number[] = [];
  for (const clients of settings.clients) {
    const [show] = await seedShows(ctx.db, 1, PLENTY, 'Calm day');
    const step = await bookingStep(ctx, `calm day at ${clients} clients`, [show!], {
      connections: clients,
      seconds: settings.seconds,
    });
    const tps = await pgbenchBeside(ctx, 'calm', clients, 1, PLENTY);
    calm.push(bookingRow(clients, step.figures, tps, ctx.pgbench?.maxClients));
    calmRate.set(clients, step.figures.createdPerSecond);
    if (tps.minimal !== null) bestMinimal.push(tps.minimal);
    if (clients === 64) ctx.targets.set(pass, 'hotP99At64', step.figures.p99);
  }
  const most = Math.max(...settings.clients);
  ctx.targets.set(pass, 'sellOutVsCalm', ratio(sellOutRate, calmRate.get(most)));
  ctx.targets.set(
    pass,
    'hotVsMinimal',
    ratio(Math.max(...calmRate.values()), bestMinimal.length ? Math.max(...bestMinimal) : null),
  );
  if (calmRate.has(256) && calmRate.has(64))
    ctx.targets.set(pass, 'hot256Vs64', ratio(calmRate.get(256), calmRate.get(64)));
  ctx.report.table(
    `1c. One show with plenty of places, ${settings.seconds} s per step (${pass})`,
    BOOKING_HEADER,
    calm,
  );
}
