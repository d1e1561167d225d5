import { startBuiltApi, type BuiltApi } from '@holdfast/api-process';
import type { ControllableServer } from '@holdfast/embedded-db';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** What every fault test runs the API with, unless the test says otherwise. */
const FAULT_ENV = {
  LOG_LEVEL: 'info',
  // Short holds and a sweep every second, so that the orphans a fault leaves can be seen to expire.
  BOOKING_HOLD_SECONDS: '1',
  EXPIRY_SWEEP_CRON: '* * * * * *',
  // The load books many times per user; the limits have their own test.
  RATE_LIMITS: 'off',
  MAX_ACTIVE_HOLDS_PER_USER_PER_SHOW: '0',
};

export interface FaultStack {
  /** The API process now running (a new one after restartApi()). */
  api: BuiltApi;
  url: string;
  jwtSecret: string;
  holdSeconds: number;
  /** The test's own connections to the API's database: seeding, invariant checks, foreign sessions. */
  db: pg.Pool;
  /** The `msg` of every log line at level error or above, over every API process of this stack, in order. */
  errorMessages(): string[];
  /** SIGKILL, as the OOM killer or a power cut would: no drain, no goodbye. */
  killApi(): Promise<void>;
  /** Starts the API again on the same database and port, as a supervisor would; answers once /health is up. */
  restartApi(): Promise<void>;
  stop(): Promise<void>;
}

/** The production bundle in its own process, on a fresh database of `server`. */
export async function startFaultStack(
  server: ControllableServer,
  env: Record<string, string> = {},
): Promise<FaultStack> {
  const fullEnv = { ...FAULT_ENV, JWT_SECRET: randomBytes(32).toString('hex'), ...env };
  const log = errorLog();
  const first = await startBuiltApi({ databases: server, env: fullEnv, onOutput: log.feed });
  let api = first;
  const db = new pg.Pool({ connectionString: first.databaseUrl, max: 4 });
  // A restart ends these connections; the next query gets a fresh one.
  db.on('error', () => {});
  return {
    get api() {
      return api;
    },
    url: first.url,
    jwtSecret: fullEnv.JWT_SECRET,
    holdSeconds: Number(fullEnv.BOOKING_HOLD_SECONDS),
    db,
    errorMessages: () => [...log.errors],
    async killApi() {
      const exited = new Promise((resolve) => api.process.child.once('exit', resolve));
      api.process.child.kill('SIGKILL');
      await exited;
    },
    async restartApi() {
      api = await startBuiltApi({ databases: server, env: fullEnv, onOutput: log.feed, restartOf: first });
    },
    async stop() {
      await db.end();
      await api.stop();
      if (api !== first) await server.dropDatabase(new URL(first.databaseUrl).pathname.slice(1));
    },
  };
}

/**
 * Collects the messages of pino's JSON lines at level >= 50 (error, fatal) from output in arbitrary chunks; a fatal
 * line's error message is kept beside its own.
 */
function errorLog() {
  let partial = '';
  const errors: string[] = [];
  return {
    errors,
    feed(text: string) {
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        const level = Number(/"level":(\d+)/.exec(line)?.[1] ?? 0);
        if (level < 50) continue;
        const msg = /"msg":"([^"]*)"/.exec(line)?.[1] ?? line;
        // A fatal line also names its error, so a crash in a fault test says what crashed.
        const cause = level >= 60 ? /"message":"([^"]*)"/.exec(line)?.[1] : undefined;
        errors.push(cause ? `${msg} (${cause})` : msg);
      }
    },
  };
}
