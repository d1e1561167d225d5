import type { BenchContext } from '../context.js';
import { cannon, summarise, type CannonJob } from '../load/cannon.js';
import type { PgbenchScript } from '../pgbench.js';
import { seedShows } from '../seed.js';
import { ratio, type Cell } from '../table.js';

/**
 * One measured booking step: autocannon books on `showIds` with one user per connection, then the SQL checks run
 * on those shows against the 201 count.
 */
export async function bookingStep(
  ctx: BenchContext,
  step: string,
  showIds: number[],
  job: Omit<CannonJob, 'url' | 'bearers' | 'method' | 'path' | 'showIds'>,
) {
  const name = `${step} (${ctx.pass.label})`;
  const measured = ctx.cpu?.start(step);
  const result = await cannon({
    ...job,
    url: ctx.api.url,
    bearers: ctx.users.bearers.slice(0, job.connections),
    method: 'POST',
    path: '/bookings',
    showIds,
  });
  measured?.();
  const figures = summarise(result);
  await ctx.verdicts.check(ctx.db, name, showIds, figures.created, result.unanswered);
  return { result, figures };
}

export const PGBENCH_SCRIPTS: PgbenchScript[] = ['own', 'minimal'];

/**
 * pgbench beside an HTTP step: both scripts at the same client count on fresh shows of `places` each, on the first
 * pass (the second reuses its figures). Answers tps per script, null without pgbench.
 */
export async function pgbenchBeside(ctx: BenchContext, key: string, clients: number, shows: number, places: number) {
  const runner = ctx.pgbench;
  const tps: Record<PgbenchScript, number | null> = { own: null, minimal: null };
  if (!runner) return tps;
  for (const script of PGBENCH_SCRIPTS) {
    let result = runner.cached(key, script, clients);
    if (!result && ctx.firstPass) {
      const showIds = await seedShows(ctx.db, shows, places, 'pgbench');
      const measured = ctx.cpu?.start(`pgbench ${script} ${key} at ${clients} clients`);
      result = await runner.run(key, { script, clients, shows: showIds });
      measured?.();
      await ctx.verdicts.check(ctx.db, `pgbench ${script} ${key} at ${clients} clients`, showIds, null);
    }
    tps[script] = result?.tps ?? null;
  }
  return tps;
}

/** Columns shared by the booking tables: HTTP figures, then pgbench and the ratios of successful bookings/s. */
export const BOOKING_HEADER = [
  'clients',
  'req/s',
  '201/s',
  '409',
  '503',
  'other errors',
  'p50 ms',
  'p99 ms',
  'pgbench own tps',
  'pgbench minimal tps',
  '201/s ÷ own',
  '201/s ÷ minimal',
];

export function bookingRow(
  clients: number,
  figures: ReturnType<typeof summarise>,
  tps: Record<PgbenchScript, number | null>,
  maxPgbenchClients: number | undefined,
): Cell[] {
  const capped = maxPgbenchClients !== undefined && clients > maxPgbenchClients ? ` (at ${maxPgbenchClients})` : '';
  const show = (n: number | null) => (n === null ? null : capped ? `${Math.round(n)}${capped}` : n);
  return [
    clients,
    figures.requestsPerSecond,
    figures.createdPerSecond,
    figures.conflicts,
    figures.shed,
    figures.otherErrors,
    figures.p50,
    figures.p99,
    show(tps.own),
    show(tps.minimal),
    ratio(figures.createdPerSecond, tps.own),
    ratio(figures.createdPerSecond, tps.minimal),
  ];
}
