import { createServer } from 'node:http';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { migrate } from './db/migrate.js';
import { seedDemoShows } from './db/seed-demo.js';
import { scheduleExpireHolds } from './jobs/expire-holds.job.js';
import { ensureAdmin } from './modules/auth/ensure-admin.js';
import { createPasswords } from './modules/auth/passwords.js';
import { createShowsBroadcaster } from './realtime/shows-broadcaster.js';
import { createSocketServer } from './realtime/socket-server.js';
import { createDb } from './platform/db.js';
import { createDomainEvents } from './platform/events.js';
import { createLogger } from './platform/logger.js';

/** config -> database -> http + socket.io -> cron; SIGINT/SIGTERM close them in reverse order. */
async function main() {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  if (config.jwt.secret.length < 32) logger.warn('JWT_SECRET is shorter than 32 characters: use a long random secret in production');
  await migrate(config.databaseUrl, logger);

  const db = createDb(config.databaseUrl, logger);
  const events = createDomainEvents();
  const passwords = createPasswords(config.bcryptCost);
  if (config.admin) {
    const admin = await ensureAdmin({ db, passwords }, config.admin);
    logger.info({ email: admin.email }, 'admin account ready');
  }
  if (config.seedDemoData) {
    const seeded = await seedDemoShows(db);
    if (seeded > 0) logger.info({ shows: seeded }, 'demo shows created');
  }

  const httpServer = createServer(createApp({ db, events, config, logger, passwords }));
  const io = createSocketServer(httpServer, config.corsOrigins);
  const broadcaster = createShowsBroadcaster({ db, events, logger, emit: (shows) => io.emit('showsUpdated', shows) });
  const sweeper = scheduleExpireHolds({ db, events, logger }, config.expirySweepCron);

  await new Promise<void>((resolve) => httpServer.listen(config.port, resolve));
  logger.info({ port: config.port, docs: `http://localhost:${config.port}/api-docs/` }, 'Holdfast API listening');

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    sweeper.stop();
    broadcaster.stop();
    await new Promise<void>((resolve) => io.close(() => resolve()));
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('Holdfast API failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
