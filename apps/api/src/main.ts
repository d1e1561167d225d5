import { createServer } from 'node:http';
import { loadConfig } from './config.js';
import { migrate } from './db/migrate.js';
import { seedDemoShows } from './db/seed-demo.js';
import { scheduleExpireHolds } from './jobs/expire-holds.job.js';
import { schedulePurgeStaleRows } from './jobs/purge-stale-rows.job.js';
import { startEmailSender } from './jobs/send-emails.job.js';
import { createPasswords, ensureAdmin } from './modules/auth/index.js';
import { createDb } from './platform/db.js';
import { createErrorReporter, reportUncaughtErrors } from './platform/error-reporter.js';
import { createDomainEvents } from './platform/events.js';
import { createLogger } from './platform/logger.js';
import { createMetrics } from './platform/metrics.js';
import { createMetricsApp } from './platform/metrics.routes.js';
import { openReplicaReads } from './platform/replica-reads.js';
import { createServerStack } from './server-stack.js';

/** Longest a shutdown waits for requests in flight; every database wait is bounded well below it. */
const DRAIN_TIMEOUT_MS = 10_000;

/** config -> database -> http + socket.io -> cron; SIGINT/SIGTERM close them in reverse order. */
async function main() {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const reporter = createErrorReporter(logger);
  reportUncaughtErrors(reporter);
  if (config.jwt.secret.length < 32) {
    logger.warn('JWT_SECRET is shorter than 32 characters: use a long random secret in production');
  }
  await migrate(config.databaseUrl, logger);

  const db = createDb(config.databaseUrl, logger, config.db);
  const reads = openReplicaReads(db, config.replica, config.db, logger);
  const events = createDomainEvents();
  const passwords = createPasswords(config.bcryptCost);
  if (config.admin) {
    const admin = await ensureAdmin({ db, passwords }, config.admin);
    logger.info({ email: admin.email }, 'admin account ready');
  }
  if (config.seedDemoData) {
    const seeded = await seedDemoShows({ db, events, defaultTimeZone: config.defaultTimeZone });
    if (seeded > 0) logger.info({ shows: seeded }, 'demo shows created');
  }

  const metrics = createMetrics();
  const stack = createServerStack({ db, events, config, reporter, passwords, metrics, logger, reads });
  const sweeper = scheduleExpireHolds({ db, events, logger, reporter, metrics }, config.expirySweepCron);
  const purger = schedulePurgeStaleRows({ db, reporter });
  // Without SMTP_URL emails wait in the outbox; any instance started with one sends them all (ADR 0020).
  const { smtpUrl } = config.mail;
  const mailSender = smtpUrl
    ? startEmailSender({ db, databaseUrl: config.databaseUrl, logger, reporter, metrics }, { ...config.mail, smtpUrl })
    : null;
  if (!mailSender) logger.warn('SMTP_URL is not set: emails are kept in email_outbox and sent once it is');
  await stack.listen(config.port);
  const listening = { port: config.port, docs: `http://localhost:${config.port}/api-docs/` };
  logger.info({ ...listening, clusterAdapter: stack.clusterAdapter }, 'Holdfast API listening');
  const metricsServer =
    config.metricsPort === null
      ? null
      : createServer(createMetricsApp({ metrics, token: config.metricsToken, reporter })).listen(config.metricsPort);
  if (metricsServer) logger.info({ port: config.metricsPort }, 'metrics served on their own port too');

  // SIGTERM drains: stop accepting, let requests in flight finish (bounded), close sockets, end the pool.
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    await Promise.all([sweeper.stop(), purger.stop(), mailSender?.stop()]);
    metricsServer?.close();
    const cutOff = setTimeout(() => {
      logger.warn({ afterMs: DRAIN_TIMEOUT_MS }, 'requests still running at shutdown: closing their connections');
      stack.httpServer.closeAllConnections();
    }, DRAIN_TIMEOUT_MS);
    await stack.close();
    clearTimeout(cutOff);
    await Promise.all([db.close(), reads?.close()]);
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('Holdfast API failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
