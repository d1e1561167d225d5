import { findNginx, startBuiltApi, startCluster } from '@holdfast/api-process';
import { freePort, type DatabaseServer } from '@holdfast/embedded-db';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onCleanup } from './cleanup.js';

/** The API under measure: one process, or several behind nginx; the bench talks to `url` either way. */
export interface BenchApi {
  /** The lone API, or nginx serving the instances' API at its root paths (no /api prefix). */
  url: string;
  databaseUrl: string;
  /** host:port of each instance behind nginx; empty for a lone API. */
  instances: string[];
  /** nginx's access log so far ("METHOD /path STATUS upstream" per line); empty for a lone API. */
  accessLog(): string;
  /** pid -> role ('API', 'nginx') of the processes started for it, for the CPU table (cpu.ts). */
  processes: Map<number, string>;
  stop(): Promise<void>;
}

export const NGINX_MISSING =
  'BENCH_INSTANCES runs the API instances behind nginx, which is not on PATH: `apt-get install nginx`, ' +
  'or unset BENCH_INSTANCES to measure one API on its own.';

/**
 * The built API (BENCH_API_DIR's dist/main.js, or this checkout's) in its own process on a fresh database it
 * migrates itself, dropped by stop(); with `instances`, that many of them on that one database behind nginx
 * rendered from deploy/nginx.conf (packages/api-process startCluster). Limits that would refuse load generators
 * are lifted: measured here is booking, not the request quotas or the one-hold-per-user cap.
 */
export async function startApi(
  databases: DatabaseServer,
  options: {
    apiDir: string | undefined;
    secret: string;
    batching: string;
    instances: number | null;
    /** E.g. READ_DATABASE_URL: the API's fresh database on a replica. */
    databaseEnv?: (databaseUrl: string) => Record<string, string>;
  },
): Promise<BenchApi> {
  const bundle = options.apiDir ? join(options.apiDir, 'dist', 'main.js') : undefined;
  const env = {
    JWT_SECRET: options.secret,
    LOG_LEVEL: 'warn',
    RATE_LIMITS: 'off',
    MAX_ACTIVE_HOLDS_PER_USER_PER_SHOW: '0',
    MAX_SOCKETS_PER_IP: '0',
    // Holds outlive every run, so no expiry changes a count mid-measure.
    BOOKING_HOLD_SECONDS: '3600',
    ...passedThrough(),
    // BENCH_API_PROFILE=<dir>: a CPU profile of the API per pass, written there when it stops.
    ...(process.env.BENCH_API_PROFILE
      ? { NODE_OPTIONS: `--import ${PROFILER}`, BENCH_API_PROFILE: resolve(process.env.BENCH_API_PROFILE) }
      : {}),
    BOOKING_BATCHING: options.batching,
  };
  let api: BenchApi;
  if (options.instances === null) {
    const built = await startBuiltApi({
      databases,
      bundle,
      inheritOutput: true,
      env,
      databaseEnv: options.databaseEnv,
    });
    api = { ...built, instances: [], accessLog: () => '', processes: new Map([[built.process.child.pid!, 'API']]) };
  } else {
    if (!findNginx()) throw new Error(NGINX_MISSING);
    const cluster = await startCluster({
      databases,
      instances: options.instances,
      bundle,
      env,
      databaseEnv: options.databaseEnv,
      apiPort: await freePort(),
    });
    api = {
      url: cluster.apiRootUrl!,
      databaseUrl: cluster.databaseUrl,
      instances: cluster.instances.map((instance) => new URL(instance.url).host),
      accessLog: () => cluster.nginx.accessLog(),
      processes: new Map([
        ...cluster.instances.map((instance) => [instance.process.child.pid!, 'API'] as const),
        [cluster.nginx.child.pid!, 'nginx'],
      ]),
      stop: () => cluster.stop(),
    };
  }
  const forget = onCleanup('API', () => api.stop());
  return {
    ...api,
    stop: async () => {
      forget();
      await api.stop();
    },
  };
}

/** A token the API rejects would measure 401s: one is tried before anything is measured. */
export async function checkToken(url: string, bearer: string) {
  const response = await fetch(`${url}/auth/me`, { headers: { authorization: bearer } });
  if (!response.ok) throw new Error(`the API refused the bench's token (${response.status}): see tokens.ts`);
}

const PROFILER = fileURLToPath(new URL('../preload/cpu-profile.mjs', import.meta.url));

/** The API's own knobs may be set for a run, e.g. DB_POOL_MAX=40 pnpm bench (BOOKING_BATCHING: BENCH_BATCHING). */
const PASSED = ['DB_POOL_MAX', 'MAX_BOOKINGS_IN_FLIGHT_PER_SHOW', 'MAX_BOOKINGS_QUEUED_PER_SHOW', 'DB_POOL_MAX_QUEUED'];
const passedThrough = () =>
  Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && (PASSED.includes(entry[0]) || entry[0].startsWith('BOOKING_BATCH_')),
    ),
  );
