import { resolve } from 'node:path';

/**
 * Every knob of `pnpm bench`, read once from the environment. BENCH_QUICK=1 shrinks every size and duration to
 * a smoke test of a few seconds per step: its figures mean nothing.
 */
export interface Settings {
  quick: boolean;
  /** The API checkout whose dist/main.js is started (before/after runs); this one's apps/api by default. */
  apiDir: string | undefined;
  /** The API's booking paths to compare (BOOKING_BATCHING is passed through; an API without it ignores it). */
  batching: string[];
  /** BENCH_INSTANCES: API instances behind nginx, one pass per value; null (unset): one API, no nginx. */
  instances: number[] | null;
  clients: number[];
  seconds: number;
  sellOutPlaces: number;
  flash: { requests: number; places: number; clients: number };
  manyShows: { shows: number; clients: number[] };
  showList: { shows: number; clients: number };
  watchers: { counts: number[]; clients: number; processes: number; watch: 'all' | 'show' };
  /** The replica scenario: how many flash sales (settings.flash) in a row while the lag is polled. */
  replica: { sales: number };
  scenarios: string[];
  outputFile: string | undefined;
  /** pgbench's `own` statement, should the project's booking function change (uses :show and :user). */
  pgbenchOwnSql: string | undefined;
}

const list = (value: string | undefined, fallback: string) => (value ?? fallback).split(',').map((s) => s.trim());
const numbers = (value: string | undefined, fallback: string) => list(value, fallback).map(Number);

export function readSettings(env: NodeJS.ProcessEnv): Settings {
  const quick = env.BENCH_QUICK === '1';
  const settings: Settings = {
    quick,
    apiDir: env.BENCH_API_DIR ? resolve(env.BENCH_API_DIR) : undefined,
    batching: list(env.BENCH_BATCHING, 'on,off'),
    instances: env.BENCH_INSTANCES ? numbers(env.BENCH_INSTANCES, '') : null,
    clients: numbers(env.BENCH_CLIENTS, quick ? '1,8' : '1,8,64,256'),
    seconds: Number(env.BENCH_SECONDS ?? (quick ? 2 : 10)),
    sellOutPlaces: Number(env.BENCH_SELL_OUT_PLACES ?? (quick ? 300 : 5000)),
    flash: {
      requests: Number(env.BENCH_FLASH_REQUESTS ?? (quick ? 400 : 2000)),
      places: Number(env.BENCH_FLASH_PLACES ?? (quick ? 100 : 500)),
      clients: Number(env.BENCH_FLASH_CLIENTS ?? (quick ? 16 : 64)),
    },
    manyShows: {
      shows: Number(env.BENCH_SHOWS ?? (quick ? 100 : 1000)),
      clients: numbers(env.BENCH_MANY_SHOWS_CLIENTS, quick ? '8' : '8,64'),
    },
    showList: { shows: Number(env.BENCH_SHOWS ?? (quick ? 100 : 1000)), clients: quick ? 16 : 64 },
    watchers: {
      counts: numbers(env.BENCH_WATCHERS, quick ? '200' : '2000,10000'),
      clients: Number(env.BENCH_WATCHERS_CLIENTS ?? (quick ? 8 : 32)),
      processes: Number(env.BENCH_WATCHER_PROCESSES ?? (quick ? 1 : 2)),
      watch: env.BENCH_WATCH === 'show' ? 'show' : 'all',
    },
    replica: { sales: Number(env.BENCH_REPLICA_SALES ?? (quick ? 1 : 5)) },
    scenarios: list(env.BENCH_SCENARIOS, 'list,flash,many,watchers'),
    outputFile: env.BENCH_OUTPUT,
    pgbenchOwnSql: env.BENCH_PGBENCH_OWN_SQL,
  };
  const sizes = [settings.seconds, settings.sellOutPlaces, settings.flash.requests, ...settings.clients];
  const bad = [...sizes, ...(settings.instances ?? []), settings.replica.sales].some(
    (n) => !Number.isInteger(n) || n <= 0,
  );
  if (bad) throw new Error('BENCH_* sizes, durations and client counts must be positive whole numbers');
  return settings;
}
