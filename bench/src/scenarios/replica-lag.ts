import { databaseServer, startReplicatedPair } from '@holdfast/embedded-db';
import { checkToken, startApi, type BenchApi } from '../api.js';
import type { Verdicts } from '../checks.js';
import { onCleanup } from '../cleanup.js';
import type { BenchContext } from '../context.js';
import { cannon, summarise } from '../load/cannon.js';
import { passLabel } from '../passes.js';
import { sampleLag } from '../replica/lag-sampler.js';
import { LAG_HEADER, lagCells, sameDatabaseOn } from '../replica/lag-summary.js';
import type { Report } from '../report.js';
import { openDb, seedShows, seedUsers } from '../seed.js';
import type { Settings } from '../settings.js';
import type { Cell } from '../table.js';
import { Targets } from '../targets.js';
import { bookingStep } from './steps.js';

const PLENTY = 100_000;
/** After a load, how long the polls go on: the replica's catching up is part of its lag. */
const SETTLE_MS = 1_000;

export interface StandaloneContext {
  settings: Settings;
  report: Report;
  verdicts: Verdicts;
  secret: string;
  /** Prints the run's heading when no pass printed it (this scenario alone). */
  heading: ((db: BenchContext['db'], database: string) => Promise<void>) | null;
}

/**
 * Scenario 5: replica lag under the flash sale. A primary and a streaming hot standby (embedded-db
 * startReplicatedPair), the API (or BENCH_INSTANCES' first count of instances behind nginx) with DATABASE_URL on
 * the primary and READ_DATABASE_URL on the standby; /health and pg_stat_replication polled every 50 ms during
 * BENCH_REPLICA_SALES flash sales in a row, then during a timed sale on one show. Then GET /shows served by the
 * replica, and by the primary once the replica is stopped.
 */
export async function replicaLag(standalone: StandaloneContext) {
  const { settings } = standalone;
  const pair = await startReplicatedPair('bench-replica');
  const forgetPair = onCleanup('replicated pair', () => pair.stop());
  const batching = settings.batching[0]!;
  const instances = settings.instances?.[0] ?? null;
  const label = `${passLabel(batching, instances)}, READ_DATABASE_URL on a streaming replica`;
  const api = await startApi(databaseServer(pair.primaryUrl), {
    apiDir: settings.apiDir,
    secret: standalone.secret,
    batching,
    instances,
    databaseEnv: (databaseUrl) => ({ READ_DATABASE_URL: sameDatabaseOn(pair.replicaUrl, databaseUrl) }),
  });
  const db = openDb(api.databaseUrl);
  try {
    const users = await seedUsers(db, standalone.secret, Math.max(settings.flash.clients, 64));
    await checkToken(api.url, users.bearers[0]!);
    await standalone.heading?.(db, 'embedded primary + streaming hot standby, fsync off');
    await untilReads(api, 'replica');
    const ctx: BenchContext = {
      ...standalone,
      api,
      db,
      users,
      targets: new Targets(),
      pass: { batching, instances, label },
      firstPass: false,
      pgbench: null,
      cpu: null,
    };
    const rows = [await flashSales(ctx), await timedSale(ctx)];
    standalone.report.table(`5. Replica lag under load (${label})`, ['load', '201', ...LAG_HEADER], rows, [
      'Polled every 50 ms from the first request until 1 s after the last answer. /health: the API measures on ' +
        'the standby (age of the newest replayed commit while received WAL waits; bytes received, not replayed). ' +
        'replay_lag, WAL behind: pg_stat_replication on the primary (WAL written there, not yet replayed).',
    ]);
    await readsTable(ctx, pair);
  } finally {
    await db.end();
    await api.stop();
    forgetPair();
    await pair.stop();
  }
}

async function flashSales(ctx: BenchContext): Promise<Cell[]> {
  const { flash, replica } = ctx.settings;
  const sampler = sampleLag(ctx.api.url, ctx.db);
  let created = 0;
  for (let sale = 1; sale <= replica.sales; sale++) {
    const [show] = await seedShows(ctx.db, 1, flash.places, 'Replicated flash sale');
    const { figures } = await bookingStep(ctx, `replicated flash sale ${sale}`, [show!], {
      connections: flash.clients,
      amount: flash.requests,
    });
    if (figures.created !== flash.places)
      ctx.verdicts.fail(`replicated flash sale ${sale}`, `${figures.created} x 201 for ${flash.places} places`);
    created += figures.created;
  }
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const sales = `${replica.sales} flash sale${replica.sales === 1 ? '' : 's'}`;
  const what = `${sales} of ${flash.requests} requests for ${flash.places} places`;
  return [`${what}, ${flash.clients} clients`, created, ...lagCells(await sampler.stop())];
}

async function timedSale(ctx: BenchContext): Promise<Cell[]> {
  const { flash, seconds } = ctx.settings;
  const [show] = await seedShows(ctx.db, 1, PLENTY, 'Replicated calm day');
  const sampler = sampleLag(ctx.api.url, ctx.db);
  const { figures } = await bookingStep(ctx, `replicated sale for ${seconds} s`, [show!], {
    connections: flash.clients,
    seconds,
  });
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  return [`one show, ${flash.clients} clients for ${seconds} s`, figures.created, ...lagCells(await sampler.stop())];
}

/**
 * GET /shows from the replica, from the primary once the replica is stopped (the API's fallback), and from the
 * replica again once it is back: the first and last rows show how much the order (warm-up) weighs.
 */
async function readsTable(ctx: BenchContext, pair: { stopReplica(): Promise<void>; startReplica(): Promise<void> }) {
  const { showList, seconds } = ctx.settings;
  await seedShows(ctx.db, showList.shows, 100, 'Listed');
  const list = (runFor: number) =>
    cannon({
      url: ctx.api.url,
      connections: showList.clients,
      bearers: [],
      method: 'GET',
      path: '/shows',
      headers: { 'accept-encoding': 'gzip, br' },
      seconds: runFor,
    });
  const rows: Cell[][] = [];
  for (const [step, reads] of (['replica', 'primary', 'replica'] as const).entries()) {
    if (step === 1) await pair.stopReplica();
    if (step === 2) await pair.startReplica();
    await untilReads(ctx.api, reads);
    await list(1); // warm-up, not measured
    const result = await list(seconds);
    const figures = summarise(result);
    const answeredBy = await readsNow(ctx.api);
    const name = step === 2 ? 'replica, again' : reads;
    rows.push([name, figures.requestsPerSecond, figures.p50, figures.p99, result.requests - figures.ok, answeredBy]);
  }
  ctx.report.table(
    `5b. GET /shows with ${showList.shows.toLocaleString('en-US')} shows, ${showList.clients} clients, ${seconds} s ` +
      `(${ctx.pass.label})`,
    ['reads from', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', '/health reads after'],
    rows,
    [
      'Primary: the same API once the replica is stopped (its reads fall back to the primary); then the replica ' +
        'is started again. Each step follows 1 s of unmeasured warm-up.',
    ],
  );
}

async function readsNow(api: BenchApi): Promise<string | null> {
  const health = await fetch(`${api.url}/health`).then(
    (response) => response.json() as Promise<{ replica?: { reads?: string } }>,
    () => ({}) as { replica?: { reads?: string } },
  );
  return health.replica?.reads ?? null;
}

/** Waits (at most 15 s) until /health says the public reads go to `reads`. */
async function untilReads(api: BenchApi, reads: 'replica' | 'primary') {
  const deadline = Date.now() + 15_000;
  while ((await readsNow(api)) !== reads) {
    if (Date.now() > deadline) throw new Error(`/health never said the reads go to the ${reads}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
