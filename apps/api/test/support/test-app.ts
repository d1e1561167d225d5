import { databaseServer } from '@holdfast/embedded-db';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import supertest from 'supertest';
import { inject } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createPasswords } from '../../src/modules/auth/passwords.js';
import { createShowsBroadcaster, type ShowsBroadcaster } from '../../src/realtime/shows-broadcaster.js';
import { createSocketServer, type SocketServer } from '../../src/realtime/socket-server.js';
import { createDb, type Db } from '../../src/platform/db.js';
import { createDomainEvents, type DomainEvents } from '../../src/platform/events.js';
import { createLogger } from '../../src/platform/logger.js';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-0123456789';
const passwords = createPasswords(10);

export interface TestApp {
  config: Config;
  db: Db;
  events: DomainEvents;
  broadcaster: ShowsBroadcaster;
  io: SocketServer;
  server: Server;
  baseUrl: string;
  databaseUrl: string;
  http: ReturnType<typeof supertest>;
  close(): Promise<void>;
}

/** The whole API on an ephemeral port, on its own fresh database: real PostgreSQL, real HTTP, real sockets. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const databases = databaseServer(inject('databaseServerUrl'));
  const databaseName = `holdfast_test_${randomBytes(6).toString('hex')}`;
  await databases.createDatabase(databaseName, inject('templateDatabase'));
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databases.urlFor(databaseName), JWT_SECRET: TEST_JWT_SECRET, ...env });
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const db = createDb(config.databaseUrl, logger, { max: 30 });
  const events = createDomainEvents();
  const server = createServer(createApp({ db, events, config, logger, passwords }));
  const io = createSocketServer(server, '*');
  const broadcaster = createShowsBroadcaster({ db, events, logger, emit: (shows) => io.emit('showsUpdated', shows) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    config,
    db,
    events,
    broadcaster,
    io,
    server,
    baseUrl: `http://127.0.0.1:${port}`,
    databaseUrl: config.databaseUrl,
    http: supertest(server),
    async close() {
      broadcaster.stop();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await db.close();
      await databases.dropDatabase(databaseName);
    },
  };
}
