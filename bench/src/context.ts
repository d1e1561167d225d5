import type pg from 'pg';
import type { BenchApi } from './api.js';
import type { Verdicts } from './checks.js';
import type { CpuLog } from './cpu.js';
import type { Pass } from './passes.js';
import { pgbench, type PgbenchResult, type PgbenchScript } from './pgbench.js';
import type { Report } from './report.js';
import type { BenchUsers } from './seed.js';
import type { Settings } from './settings.js';
import type { Targets } from './targets.js';

/** What every scenario is given: the running API, its database, the users, and where results go. */
export interface BenchContext {
  settings: Settings;
  api: BenchApi;
  db: pg.Pool;
  users: BenchUsers;
  verdicts: Verdicts;
  report: Report;
  targets: Targets;
  /** The API's BOOKING_BATCHING and instance count for this pass, and its name in the tables. */
  pass: Pass;
  /** The first pass also runs what does not depend on the API's booking path (pgbench, GET /shows). */
  firstPass: boolean;
  pgbench: PgbenchRunner | null;
  /** With BENCH_INSTANCES: where the CPU went during each booking step and pgbench run. */
  cpu: CpuLog | null;
}

export interface PgbenchRunner {
  /** The most clients the last pgbench run could open (max_connections less the connections already open). */
  maxClients: number | undefined;
  /** Cached by key: the second pass reuses the first pass's figures for its ratios. */
  run(key: string, options: { script: PgbenchScript; clients: number; shows: number[] }): Promise<PgbenchResult>;
  cached(key: string, script: PgbenchScript, clients: number): PgbenchResult | undefined;
}

/** Connections left free beside those open when pgbench starts (reserved for superusers, the bench's checks). */
const MARGIN = 8;

/** Where pgbench runs: the current pass's API database, with its bench users. */
export interface PgbenchTarget {
  databaseUrl: string;
  userIds: number[];
  db: pg.Pool;
}

export function pgbenchRunner(binary: string, settings: Settings, target: () => PgbenchTarget): PgbenchRunner {
  const cache = new Map<string, PgbenchResult>();
  const keyOf = (key: string, script: string, clients: number) => `${key}/${script}/${clients}`;
  const runner: PgbenchRunner = {
    maxClients: undefined,
    async run(key, options) {
      const { databaseUrl, userIds, db } = target();
      const { rows } = await db.query<{ room: number }>(
        `SELECT current_setting('max_connections')::int - (SELECT count(*) FROM pg_stat_activity)::int AS room`,
      );
      runner.maxClients = Math.max(1, rows[0]!.room - MARGIN);
      const clients = Math.min(options.clients, runner.maxClients);
      const result = await pgbench(binary, databaseUrl, {
        ...options,
        clients,
        seconds: settings.seconds,
        users: userIds,
        ownSql: settings.pgbenchOwnSql,
      });
      cache.set(keyOf(key, options.script, options.clients), result);
      return result;
    },
    cached: (key, script, clients) => cache.get(keyOf(key, script, clients)),
  };
  return runner;
}
