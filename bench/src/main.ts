/**
 * pnpm bench: the built API under autocannon, beside pgbench on the same PostgreSQL, printing markdown tables
 * (docs/PERFORMANCE.md says what each measures and lists the knobs in settings.ts). Exits non-zero if a
 * scenario's SQL checks fail.
 */
import { findNginx } from '@holdfast/api-process';
import { startScratchServer } from '@holdfast/embedded-db';
import { randomBytes } from 'node:crypto';
import { checkToken, NGINX_MISSING, startApi } from './api.js';
import { Verdicts } from './checks.js';
import { cleanUp, onCleanup } from './cleanup.js';
import { CpuLog } from './cpu.js';
import { pgbenchRunner, type BenchContext, type PgbenchRunner, type PgbenchTarget } from './context.js';
import { describeMachine } from './machine.js';
import { passesOf } from './passes.js';
import { findPgbench, PGBENCH_MISSING } from './pgbench.js';
import { Report } from './report.js';
import { flashSale } from './scenarios/flash-sale.js';
import { manyShows } from './scenarios/many-shows.js';
import { replicaLag } from './scenarios/replica-lag.js';
import { showList } from './scenarios/show-list.js';
import { watchers } from './scenarios/watchers.js';
import { openDb, seedUsers } from './seed.js';
import { readSettings } from './settings.js';
import { Targets } from './targets.js';

const SCENARIOS: Record<string, { run: (ctx: BenchContext) => Promise<void>; firstPassOnly?: boolean }> = {
  list: { run: showList, firstPassOnly: true },
  flash: { run: flashSale },
  many: { run: manyShows },
  watchers: { run: watchers },
};
/** Scenarios that start their own database servers and API, once, after the passes. */
const STANDALONE = { replica: replicaLag };

async function main() {
  const settings = readSettings(process.env);
  const known = [...Object.keys(SCENARIOS), ...Object.keys(STANDALONE)];
  const unknown = settings.scenarios.filter((name) => !known.includes(name));
  if (unknown.length) throw new Error(`BENCH_SCENARIOS: unknown ${unknown.join(', ')} (${known})`);
  if (settings.instances && !findNginx()) throw new Error(NGINX_MISSING);
  const report = new Report(settings.outputFile);
  onCleanup('report file', () => report.save());
  const verdicts = new Verdicts();
  const targets = new Targets();
  const secret = randomBytes(32).toString('hex');
  const apiName = settings.apiDir ?? 'this checkout (apps/api)';
  const heading = async (db: BenchContext['db'], database: string) => {
    report.text(`### Holdfast benchmark${settings.quick ? ' (BENCH_QUICK: a smoke test, not figures)' : ''}`);
    report.text(...(await describeMachine(db, database, apiName)));
  };

  const passScenarios = settings.scenarios.filter((name) => SCENARIOS[name]);
  if (passScenarios.length > 0) await runPasses(settings, { report, verdicts, targets, secret, heading });
  if (settings.scenarios.includes('replica'))
    await STANDALONE.replica({ settings, report, verdicts, secret, heading: passScenarios.length ? null : heading });

  const summary = targets.table();
  if (summary.rows.length > 0)
    report.table('Targets of issue 8 (reported, never asserted)', summary.header, summary.rows);
  report.text('#### Checks', '', ...verdicts.lines.map((line) => `- ${line}`));
  return verdicts.failures.length === 0;
}

/** Every pass (passes.ts) on one scratch database server: a fresh API, its users, then each pass scenario. */
async function runPasses(
  settings: ReturnType<typeof readSettings>,
  shared: Pick<BenchContext, 'report' | 'verdicts' | 'targets'> & {
    secret: string;
    heading: (db: BenchContext['db'], database: string) => Promise<void>;
  },
) {
  const { report, secret } = shared;
  const scratch = await startScratchServer('bench');
  onCleanup('database server', () => scratch.stop());
  const database = scratch.embedded ? 'embedded, fsync and synchronous_commit off' : "DATABASE_URL's server";
  const pgbenchBinary = findPgbench(process.env);

  // The pass's own API database and users, which pgbench (created once) always uses.
  let current: PgbenchTarget | undefined;
  let runner: PgbenchRunner | null = null;
  for (const [index, pass] of passesOf(settings.batching, settings.instances).entries()) {
    const api = await startApi(scratch, { ...pass, apiDir: settings.apiDir, secret });
    const db = openDb(api.databaseUrl);
    const users = await seedUsers(db, secret, Math.max(...settings.clients, settings.flash.clients, 64));
    current = { databaseUrl: api.databaseUrl, userIds: users.ids, db };
    await checkToken(api.url, users.bearers[0]!);
    if (index === 0) {
      await shared.heading(db, database);
      if (settings.instances)
        report.text(
          '- API instances behind nginx (deploy/nginx.conf rendered, one worker, least_conn) on one database: ' +
            'the load, the watchers and the bench reach them through nginx, which serves the API at root paths',
        );
      if (!pgbenchBinary) report.text(`> ${PGBENCH_MISSING}`);
      else runner = pgbenchRunner(pgbenchBinary, settings, () => current!);
    }
    const ctx: BenchContext = {
      ...shared,
      settings,
      api,
      db,
      users,
      pass,
      firstPass: index === 0,
      pgbench: runner,
      cpu: settings.instances ? new CpuLog(() => api.processes) : null,
    };
    for (const name of settings.scenarios) {
      const scenario = SCENARIOS[name];
      if (!scenario || (scenario.firstPassOnly && index > 0)) continue;
      console.error(`[bench] ${name} (${pass.label})`);
      await scenario.run(ctx);
    }
    if (ctx.cpu?.rows.length)
      report.table(`CPU use per step, in cores busy (${pass.label})`, CpuLog.header(), ctx.cpu.rows, [
        'CPU seconds per second of each step, from /proc: the processes the bench started, by role, and the ' +
          "rest of the machine (other processes: anything else running on it). pgbench's own time is counted " +
          'with the load generators.',
      ]);
    await db.end();
    await api.stop();
  }
}

let stopping = false;
async function finish(code: number) {
  if (stopping) return;
  stopping = true;
  await cleanUp();
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void finish(130));
main().then(
  (passed) => finish(passed ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    return finish(1);
  },
);
