import compression from 'compression';
import { endpoints } from '@holdfast/contracts';
import express from 'express';
import helmet from 'helmet';
import type { Redis } from 'ioredis';
import swaggerUi from 'swagger-ui-express';
import type { Config } from './config.js';
import { createGuards, createPasswords, createTokens, mountAuthRoutes, type Passwords } from './modules/auth/index.js';
import { createBookingDesk, mountBookingRoutes } from './modules/bookings/index.js';
import { mountSeriesRoutes } from './modules/series/index.js';
import { mountAuditRoutes } from './modules/audit/index.js';
import { mountReportRoutes } from './modules/reports/index.js';
import { mountShowRoutes } from './modules/shows/index.js';
import { mountWaitlistRoutes } from './modules/waitlist/index.js';
import { corsPolicy } from './platform/cors.js';
import type { Db } from './platform/db.js';
import type { ErrorReporter } from './platform/error-reporter.js';
import type { DomainEvents } from './platform/events.js';
import { mountHealthRoutes } from './platform/health.routes.js';
import { errorHandler, jsonBody, jsonOnly, routeNotFound } from './platform/http.js';
import { buildOpenApiDocument } from './platform/openapi.js';
import { createRequestLimits, limitByAddress } from './platform/request-limits.js';
import { limitRequestsPerAddress } from './platform/request-quota.js';
import { createKeyedQueue } from './platform/keyed-queue.js';
import { createLogger, type Logger } from './platform/logger.js';
import { createMetrics, type Metrics } from './platform/metrics.js';
import { mountMetricsRoutes, operatorGuard } from './platform/metrics.routes.js';
import { assignRequestId } from './platform/request-id.js';
import { logRequests } from './platform/request-log.js';
import { observeRequests } from './platform/request-metrics.js';
import type { ReplicaReads } from './platform/replica-reads.js';
import { createMount } from './platform/routing.js';

/**
 * helmet's defaults (CSP, nosniff, frame and referrer policies, HSTS), with two changes for an API that is
 * called from another origin and may run on plain HTTP behind a proxy or locally: any origin may read its
 * responses (CORS decides who may call), and requests are not upgraded to https. Swagger UI works under this
 * CSP: swagger-ui-express loads its script from a file, and helmet's style-src allows the inline styles.
 */
const securityHeaders = helmet({
  crossOriginResourcePolicy: { policy: 'cross-origin' },
  contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
});

export interface AppDeps {
  db: Db;
  events: DomainEvents;
  config: Config;
  reporter: ErrorReporter;
  passwords?: Passwords;
  /** This instance's metrics (the server stack's and the sweeper's too); a fresh set when omitted. */
  metrics?: Metrics;
  /** Where the request log goes; silent when omitted. */
  logger?: Logger;
  /** READ_DATABASE_URL's replica for the public show reads (ADR 0016); absent, they use `db`. */
  reads?: ReplicaReads | null;
  /** REDIS_URL's client, when set: the per-address quota is shared by all instances there (ADR 0015). */
  redis?: Redis;
}

/** The express app without listen(): the server stack serves it, on an ephemeral port in tests. */
export function createApp({
  db,
  events,
  config,
  reporter,
  passwords = createPasswords(config.bcryptCost),
  metrics = createMetrics(),
  logger = createLogger('silent'),
  reads = null,
  redis,
}: AppDeps) {
  const app = express();
  app.disable('x-powered-by');
  // req.ip is the client's address as the trusted proxies (TRUST_PROXY) report it; the socket server agrees.
  app.set('trust proxy', config.trustProxy);
  // First, so that every answer (a refusal, an error) has an id, a log line and a timing.
  app.use(assignRequestId);
  app.use(logRequests(logger));
  app.use(observeRequests(metrics));
  metrics.observePool(() => db.poolStats());
  if (reads) metrics.observeReplica(() => reads.health());
  // gzip or br for any JSON answer of 1 kB or more; the cached show list arrives compressed already.
  app.use(compression());
  app.use(securityHeaders);
  app.use(corsPolicy(config.corsOrigins));
  // Before everything that can answer, so that every response carries the quota headers, 4xx included.
  app.use(limitRequestsPerAddress(config.rateLimits, redis));

  const openApiDocument = buildOpenApiDocument();
  app.get('/api-docs.json', (_req, res) => {
    res.json(openApiDocument);
  });
  app.use('/api-docs', swaggerUi.serve, swaggerUi.setup(openApiDocument, { customSiteTitle: 'Holdfast API' }));

  const limits = createRequestLimits(db, config.rateLimits);
  app.use(['/auth/login', '/auth/register'], limitByAddress(limits.authRequests));
  app.use(jsonOnly, jsonBody);
  const tokens = createTokens(config.jwt.secret, config.jwt.expiresInSeconds);
  const router = express.Router();
  const guards = { ...createGuards(tokens), operator: operatorGuard(config.metricsToken) };
  const mount = createMount(router, guards, { checkResponses: config.env !== 'production', db, events });
  mountHealthRoutes(mount, { db, reads });
  mountMetricsRoutes(mount, { metrics });
  mountAuthRoutes(mount, { db, passwords, tokens, loginFailures: limits.loginFailures });
  mountShowRoutes(mount, {
    db,
    readDb: reads?.db ?? db,
    events,
    listCacheMs: config.showsCacheMs,
    defaultTimeZone: config.defaultTimeZone,
  });
  mountSeriesRoutes(mount, { db, events });
  mountWaitlistRoutes(mount, { db, events });
  mountBookingRoutes(mount, {
    db,
    events,
    holdSeconds: config.bookingHoldSeconds,
    maxHoldsPerShow: config.maxActiveHoldsPerUserPerShow,
    bookingAttempts: limits.bookingAttempts,
    // A show's bookings wait here, not in the pool; one deadline, as long as a lock wait, covers all their waits.
    showQueue: createKeyedQueue({
      concurrency: config.maxBookingsInFlightPerShow,
      maxWaitMs: config.db.lockTimeoutMs,
      maxQueued: config.maxBookingsQueuedPerShow,
    }),
    bookingDeadlineMs: config.db.lockTimeoutMs,
    webUrl: config.mail.webUrl,
    bookingDesk:
      config.bookingBatches &&
      createBookingDesk(
        { db, events, metrics },
        {
          holdSeconds: config.bookingHoldSeconds,
          maxHoldsPerShow: config.maxActiveHoldsPerUserPerShow,
          lanes: config.bookingBatches.lanes,
          maxBatchSize: config.bookingBatches.maxSize,
          maxQueuedPerLane: config.bookingBatches.maxQueuedPerLane,
          grantedStatus: endpoints.createBooking.status,
        },
      ),
  });
  mountAuditRoutes(mount, { db });
  mountReportRoutes(mount, { db });
  app.use(router);

  app.use(routeNotFound);
  app.use(errorHandler(reporter));
  return app;
}
