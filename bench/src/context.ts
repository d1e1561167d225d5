import type { BuiltApi } from '@holdfast/api-process';
import type pg from 'pg';
import type { Verdicts } from './checks.js';
import { pgbench, type PgbenchResult, type PgbenchScript } from './pgbench.js';
import type { Report } from './report.js';
import type { BenchUsers } from './seed.js';
import type { Settings } from './settings.js';

/** What every scenario is given: the running API, its database, the users, and where results go. */
export interface BenchContext {
  settings: Settings;
  api: BuiltApi;
  db: pg.Pool;
  users: BenchUsers;
  verdicts: Verdicts;
  report: Report;
  /** The API's BOOKING_BATCHING for this pass. */
  batching: string;
  /** The first pass also runs what does not depend on the API's booking path (pgbench, GET /shows). */
  firstPass: boolean;
  pgbench: PgbenchRunner | null;
}

export interface PgbenchRunner {
  /** The most clients pgbench may open beside the API's pool (max_connections). */
  maxClients: number;
  /** Cached by key: the second pass reuses the first pass's figures for its ratios. */
  run(key: string, options: { script: PgbenchScript; clients: number; shows: number[] }): Promise<PgbenchResult>;
  cached(key: string, script: PgbenchScript, clients: number): PgbenchResult | undefined;
}

export function pgbenchRunner(
  binary: string,
  databaseUrl: () => string,
  settings: Settings,
  users: () => number[],
  maxClients: number,
): PgbenchRunner {
  const cache = new Map<string, PgbenchResult>();
  const keyOf = (key: string, script: string, clients: number) => `${key}/${script}/${clients}`;
  return {
    maxClients,
    async run(key, options) {
      const clients = Math.min(options.clients, maxClients);
      const result = await pgbench(binary, databaseUrl(), {
        ...options,
        clients,
        seconds: settings.seconds,
        users: users(),
      });
      cache.set(keyOf(key, options.script, options.clients), result);
      return result;
    },
    cached: (key, script, clients) => cache.get(keyOf(key, script, clients)),
  };
}
