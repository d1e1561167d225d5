/**
 * pnpm bench: the built API under autocannon, beside pgbench on the same PostgreSQL, printing markdown tables
 * (docs/PERFORMANCE.md says what each measures and lists the knobs in settings.ts). Exits non-zero if a
 * scenario's SQL checks fail.
 */
import { startScratchServer } from '@holdfast/embedded-db';
import { randomBytes } from 'node:crypto';
import { startApi } from './api.js';
import { Verdicts } from './checks.js';
import { cleanUp, onCleanup } from './cleanup.js';
import { pgbenchRunner, type BenchContext, type PgbenchRunner, type PgbenchTarget } from './context.js';
import { describeMachine } from './machine.js';
import { findPgbench, PGBENCH_MISSING } from './pgbench.js';
import { Report } from './report.js';
import { flashSale } from './scenarios/flash-sale.js';
import { manyShows } from './scenarios/many-shows.js';
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

async function main() {
  const settings = readSettings(process.env);
  const unknown = settings.scenarios.filter((name) => !SCENARIOS[name]);
  if (unknown.length) throw new Error(`BENCH_SCENARIOS: unknown ${unknown.join(', ')} (${Object.keys(SCENARIOS)})`);
  const report = new Report(settings.outputFile);
  onCleanup('report file', () => report.save());
  const verdicts = new Verdicts();
  const targets = new Targets();
  const secret = randomBytes(32).toString('hex');
  const scratch = await startScratchServer('bench');
  onCleanup('database server', () => scratch.stop());
  const database = scratch.embedded ? 'embedded, fsync and synchronous_commit off' : "DATABASE_URL's server";
  const pgbenchBinary = findPgbench(process.env);

  // The pass's own API database and users, which pgbench (created once) always uses.
  let current: PgbenchTarget | undefined;
  let runner: PgbenchRunner | null = null;
  for (const [pass, batching] of settings.batching.entries()) {
    const api = await startApi(scratch, { apiDir: settings.apiDir, secret, batching });
    const db = openDb(api.databaseUrl);
    const users = await seedUsers(db, secret, Math.max(...settings.clients, settings.flash.clients, 64));
    current = { databaseUrl: api.databaseUrl, userIds: users.ids, db };
    await checkToken(api.url, users.bearers[0]!);
    if (pass === 0) {
      const apiName = settings.apiDir ?? 'this checkout (apps/api)';
      report.text(`### Holdfast benchmark${settings.quick ? ' (BENCH_QUICK: a smoke test, not figures)' : ''}`);
      report.text(...(await describeMachine(db, database, apiName)));
      if (!pgbenchBinary) report.text(`> ${PGBENCH_MISSING}`);
      else runner = pgbenchRunner(pgbenchBinary, settings, () => current!);
    }
    const ctx: BenchContext = {
      settings,
      api,
      db,
      users,
      verdicts,
      report,
      targets,
      batching,
      firstPass: pass === 0,
      pgbench: runner,
    };
    for (const name of settings.scenarios) {
      const scenario = SCENARIOS[name]!;
      if (scenario.firstPassOnly && pass > 0) continue;
      console.error(`[bench] ${name} (BOOKING_BATCHING=${batching})`);
      await scenario.run(ctx);
    }
    await db.end();
    await api.stop();
  }
  const summary = targets.table();
  report.table('Targets of issue 8 (reported, never asserted)', summary.header, summary.rows);
  report.text('#### Checks', '', ...verdicts.lines.map((line) => `- ${line}`));
  return verdicts.failures.length === 0;
}

/** A token the API rejects would measure 401s: one is tried before anything is measured. */
async function checkToken(url: string, bearer: string) {
  const response = await fetch(`${url}/auth/me`, { headers: { authorization: bearer } });
  if (!response.ok) throw new Error(`the API refused the bench's token (${response.status}): see tokens.ts`);
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
