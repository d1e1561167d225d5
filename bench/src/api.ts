import { startBuiltApi, type BuiltApi } from '@holdfast/api-process';
import type { DatabaseServer } from '@holdfast/embedded-db';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onCleanup } from './cleanup.js';

/**
 * The built API (BENCH_API_DIR's dist/main.js, or this checkout's) in its own process on a fresh database it
 * migrates itself, dropped by stop(). Limits that would refuse load generators are lifted: measured here is
 * booking, not the request quotas or the one-hold-per-user cap.
 */
export async function startApi(
  databases: DatabaseServer,
  options: { apiDir: string | undefined; secret: string; batching: string },
): Promise<BuiltApi> {
  const api = await startBuiltApi({
    databases,
    bundle: options.apiDir ? join(options.apiDir, 'dist', 'main.js') : undefined,
    inheritOutput: true,
    env: {
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
    },
  });
  const forget = onCleanup('API', () => api.stop());
  return {
    ...api,
    stop: async () => {
      forget();
      await api.stop();
    },
  };
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
