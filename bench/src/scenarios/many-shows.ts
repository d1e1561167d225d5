import type { BenchContext } from '../context.js';
import { seedShows } from '../seed.js';
import { ratio, type Cell } from '../table.js';
import { BOOKING_HEADER, bookingRow, bookingStep, pgbenchBeside } from './steps.js';

const PLACES = 10_000;

/** Scenario 2: many shows, each booking on a random one, beside pgbench doing the same. */
export async function manyShows(ctx: BenchContext) {
  const { shows, clients: levels } = ctx.settings.manyShows;
  const rows: Cell[][] = [];
  for (const clients of levels) {
    const showIds = await seedShows(ctx.db, shows, PLACES, 'Many');
    const step = await bookingStep(ctx, `${shows} shows at ${clients} clients`, showIds, {
      connections: clients,
      seconds: ctx.settings.seconds,
    });
    const tps = await pgbenchBeside(ctx, 'many', clients, shows, PLACES);
    rows.push(bookingRow(clients, step.figures, tps, ctx.pgbench?.maxClients));
    ctx.targets.set(ctx.pass.label, 'manyVsOwn', ratio(step.figures.createdPerSecond, tps.own));
  }
  ctx.report.table(
    `2. ${shows.toLocaleString('en-US')} shows, a random one per booking, ${ctx.settings.seconds} s per step ` +
      `(${ctx.pass.label})`,
    BOOKING_HEADER,
    rows,
  );
}
