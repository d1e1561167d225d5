import { databaseServer } from '@holdfast/embedded-db';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import supertest from 'supertest';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { createPasswords } from '../../src/modules/auth/index.js';
import { createDb, type Db } from '../../src/platform/db.js';
import { createErrorReporter, type ErrorReporter } from '../../src/platform/error-reporter.js';
import { createDomainEvents, type DomainEvents } from '../../src/platform/events.js';
import { createLogger, type Logger } from '../../src/platform/logger.js';
import type { Metrics } from '../../src/platform/metrics.js';
import { openReplicaReads, type ReplicaReads } from '../../src/platform/replica-reads.js';
import type { ShowAudiences } from '../../src/realtime/show-audiences.js';
import type { ShowsBroadcaster } from '../../src/realtime/shows-broadcaster.js';
import type { SocketServer } from '../../src/realtime/socket-server.js';
import { createServerStack } from '../../src/server-stack.js';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-0123456789';
const passwords = createPasswords(10);

export interface TestApp {
  config: Config;
  db: Db;
  events: DomainEvents;
  reporter: ErrorReporter;
  metrics: Metrics;
  broadcaster: ShowsBroadcaster;
  audiences: ShowAudiences;
  io: SocketServer;
  /** The Socket.IO adapter between instances: redis when REDIS_URL is given. */
  clusterAdapter: 'redis' | 'postgres';
  server: Server;
  baseUrl: string;
  databaseUrl: string;
  /** READ_DATABASE_URL's routing, when the env sets it. */
  reads: ReplicaReads | null;
  http: ReturnType<typeof supertest>;
  close(): Promise<void>;
}

/**
 * The whole API on an ephemeral port, on its own fresh database: real PostgreSQL, real HTTP, real sockets.
 * `sameDatabaseAs`: a second API process on another app's database (its own pool, desk and sockets), which
 * leaves that database to its owner. `logger`: the process logger (silent unless TEST_LOG_LEVEL says otherwise).
 * `databaseUrl`: a database the caller made and owns (a replicated pair's).
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { sameDatabaseAs?: TestApp; logger?: Logger; databaseUrl?: string } = {},
): Promise<TestApp> {
  const databases = databaseServer(inject('databaseServerUrl'));
  const databaseName = `holdfast_test_${randomBytes(6).toString('hex')}`;
  const ownsDatabase = !options.sameDatabaseAs && !options.databaseUrl;
  if (ownsDatabase) await databases.createDatabase(databaseName, inject('templateDatabase'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: options.databaseUrl ?? options.sameDatabaseAs?.databaseUrl ?? databases.urlFor(databaseName),
    JWT_SECRET: TEST_JWT_SECRET,
    // Most files make many requests as one user; rate-limits.test.ts turns the limits on.
    RATE_LIMITS: 'off',
    // Factories write shows and bookings straight to SQL, which announces no change to the list cache;
    // show-list-cache.test.ts turns it on.
    SHOWS_CACHE_MS: '0',
    ...env,
  });
  const logger = options.logger ?? createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const db = createDb(config.databaseUrl, logger, { ...config.db, poolMax: 30 });
  const reads = openReplicaReads(db, config.replica, config.db, logger);
  const events = createDomainEvents();
  const reporter = createErrorReporter(logger);
  const stack = createServerStack({ db, events, config, reporter, passwords, logger, reads });
  const { port } = await stack.listen(0, '127.0.0.1');
  return {
    config,
    db,
    events,
    reporter,
    metrics: stack.metrics,
    broadcaster: stack.broadcaster,
    audiences: stack.audiences,
    io: stack.io,
    clusterAdapter: stack.clusterAdapter,
    server: stack.httpServer,
    baseUrl: `http://127.0.0.1:${port}`,
    databaseUrl: config.databaseUrl,
    reads,
    http: supertest(stack.httpServer),
    async close() {
      await stack.close();
      await Promise.all([db.close(), reads?.close()]);
      if (ownsDatabase) await databases.dropDatabase(databaseName);
    },
  };
}
