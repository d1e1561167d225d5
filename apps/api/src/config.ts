import cron from 'node-cron';
import { canonicalTimeZone, passwordSchema } from '@holdfast/contracts';
import { z } from 'zod';
import { DEFAULT_DB_LIMITS, type DbLimits } from './platform/db.js';
import { findDataDir, persistentDevSecret } from './platform/dev-secret.js';
import { MAX_ORIGIN_LENGTH, ORIGIN_PATTERN } from './platform/cors.js';
import { trustListIsValid } from './platform/client-address.js';
import type { MailSettings } from './platform/mailer.js';
import type { ReplicaSettings } from './platform/replica-reads.js';
import type { RequestLimitSettings } from './platform/request-limits.js';

/** A positive whole number (a count, or milliseconds) from the environment, with its default. */
function positiveInt(fallback: number) {
  return z.coerce.number().int().positive().max(600_000).default(fallback);
}

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  DATABASE_URL: z.string().min(1, 'DATABASE_URL is required'),
  JWT_SECRET: z.string().min(1).optional(),
  JWT_EXPIRES_IN_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(12 * 60 * 60),
  ADMIN_EMAIL: z.string().trim().optional(),
  ADMIN_PASSWORD: passwordSchema.optional(),
  ADMIN_NAME: z.string().trim().min(1).default('Administrator'),
  BOOKING_HOLD_SECONDS: z.coerce.number().int().positive().max(86_400).default(120),
  /** How long places offered to the next on a waitlist are held for them (a PENDING booking). */
  WAITLIST_OFFER_SECONDS: z.coerce.number().int().positive().max(86_400).default(900),
  EXPIRY_SWEEP_CRON: z
    .string()
    .default('* * * * *')
    .refine((expression) => cron.validate(expression), { message: 'EXPIRY_SWEEP_CRON is not a valid cron schedule' }),
  /** Comma-separated origins allowed by CORS; `*` allows any (tokens travel in headers, not cookies). */
  CORS_ORIGIN: z
    .string()
    .default('*')
    .refine(
      (origins) =>
        origins === '*' ||
        origins.split(',').every((o) => o.trim().length <= MAX_ORIGIN_LENGTH && ORIGIN_PATTERN.test(o.trim())),
      { message: `list origins as scheme://host[:port], no path, each at most ${MAX_ORIGIN_LENGTH} characters` },
    ),
  /**
   * Which proxies in front of the API may say who the client is (X-Forwarded-For), in Express's `trust proxy`
   * syntax: names (loopback, linklocal, uniquelocal) or addresses/CIDRs, comma-separated. Behind nginx on another
   * host or container, add its network, or every client looks like nginx to the per-address limits.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .default('loopback')
    .refine(trustListIsValid, { message: 'give names (loopback, linklocal, uniquelocal) or IP addresses/CIDRs' }),
  /** Socket.IO connections one address may hold at once; 0 = unlimited. */
  MAX_SOCKETS_PER_IP: z.coerce.number().int().min(0).default(100),
  /** `off` lifts the request-rate limits (benchmarks, acceptance harnesses); the per-address quota counts in memory. */
  RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  LOGIN_FAILURES_MAX: positiveInt(10),
  LOGIN_FAILURES_WINDOW_SECONDS: positiveInt(15 * 60),
  AUTH_REQUESTS_PER_IP_PER_MINUTE: positiveInt(300),
  REQUESTS_PER_IP_PER_MINUTE: positiveInt(6000),
  BOOKING_ATTEMPTS_PER_USER_PER_MINUTE: positiveInt(120),
  /** Live (PENDING) holds one user may have on one show; 0 = unlimited (OWASP API6: no hoarding). */
  MAX_ACTIVE_HOLDS_PER_USER_PER_SHOW: z.coerce.number().int().min(0).max(1_000).default(1),
  /** Bookings of one show that may hold a database connection at once; the rest wait in memory. */
  MAX_BOOKINGS_IN_FLIGHT_PER_SHOW: positiveInt(4),
  /** Bookings of one show that may wait for those at once; a standing queue is held to a quarter of it. */
  MAX_BOOKINGS_QUEUED_PER_SHOW: positiveInt(256),
  /** How long a public GET /shows answer may be served again (ADR 0010); 0 = no cache. */
  SHOWS_CACHE_MS: z.coerce.number().int().min(0).max(10_000).default(250),
  /** `on`: concurrent bookings share one transaction and commit per batch (ADR 0012); `off`: one each. */
  BOOKING_BATCHING: z.enum(['on', 'off']).default('on'),
  /** Bookings one batch carries at most; the rest wait for the next. */
  BOOKING_BATCH_MAX_SIZE: z.coerce.number().int().positive().max(10_000).default(256),
  /** Batches at the database at once per API process; a show's bookings always go through lane id mod this. */
  BOOKING_BATCH_LANES: z.coerce.number().int().positive().max(64).default(4),
  /** Bookings that may wait per lane, in a burst; a standing queue is held to a quarter of it. */
  BOOKING_BATCH_MAX_QUEUED: positiveInt(1024),
  /** The zone of a show created without one (an IANA name, checked at start-up); old shows have 'UTC'. */
  DEFAULT_TIME_ZONE: z
    .string()
    .trim()
    .default('UTC')
    .transform((name, ctx) => {
      const zone = canonicalTimeZone(name);
      if (zone === null) {
        ctx.addIssue({ code: 'custom', message: `"${name}" is not an IANA time zone name like Europe/London` });
        return z.NEVER;
      }
      return zone;
    }),
  BCRYPT_COST: z.coerce.number().int().min(10).max(15).default(10),
  SEED_DEMO_DATA: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  /** Where development keeps its generated JWT secret; defaults to the repository's .data/. */
  DATA_DIR: z.string().optional(),
  /** When set, GET /metrics needs `Authorization: Bearer <METRICS_TOKEN>`; unset (or empty), it is open to anyone. */
  METRICS_TOKEN: z.string().max(1024).optional(),
  /** A second port serving only GET /metrics (same token rule), e.g. one kept off the public network. */
  METRICS_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Bounds on every wait on the database (platform/db.ts); the defaults and why: README's configuration table.
  DB_POOL_MAX: positiveInt(DEFAULT_DB_LIMITS.poolMax),
  DB_CONNECT_TIMEOUT_MS: positiveInt(DEFAULT_DB_LIMITS.connectTimeoutMs),
  DB_STATEMENT_TIMEOUT_MS: positiveInt(DEFAULT_DB_LIMITS.statementTimeoutMs),
  DB_LOCK_TIMEOUT_MS: positiveInt(DEFAULT_DB_LIMITS.lockTimeoutMs),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: positiveInt(DEFAULT_DB_LIMITS.idleInTransactionTimeoutMs),
  DB_QUERY_TIMEOUT_MS: positiveInt(DEFAULT_DB_LIMITS.queryTimeoutMs),
  DB_POOL_MAX_QUEUED: positiveInt(DEFAULT_DB_LIMITS.poolMaxQueued),
  // ── cluster (ADR 0015) ──
  /** Redis for the Socket.IO adapter and the per-address quota, shared by all instances; unset: PostgreSQL. */
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: 'REDIS_URL must be a redis:// or rediss:// URL' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  // Reads from a streaming replica (ADR 0016): the public show reads only; unset, everything uses DATABASE_URL.
  READ_DATABASE_URL: z.string().min(1).optional(),
  READ_DB_POOL_MAX: positiveInt(10),
  /** Replica lag above which the public reads go to the primary; 0 = whatever the lag. */
  READ_MAX_LAG_SECONDS: z.coerce.number().min(0).max(86_400).default(10),
  // ── emails (ADR 0020) ──
  /** Where the outbox sends; unset (or empty), emails stay queued in email_outbox until it is set. */
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'SMTP_URL must be an smtp:// or smtps:// URL' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().trim().min(3).max(254).default('Holdfast <no-reply@holdfast.local>'),
  /** The web app's address as its users reach it: the links in emails start with it. */
  PUBLIC_WEB_URL: z
    .url({ protocol: /^https?$/, error: 'PUBLIC_WEB_URL must be an http:// or https:// URL' })
    .default('http://localhost:5173')
    .transform((url) => url.replace(/\/+$/, '')),
  /** Bound on each wait of one send (connecting, the greeting, each reply). */
  MAIL_SEND_TIMEOUT_MS: positiveInt(10_000),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** The first retry's delay; each next one doubles, up to an hour. */
  MAIL_RETRY_BASE_MS: positiveInt(30_000),
  /** How often the sender looks for due emails besides the nudge it gets when one is queued. */
  MAIL_POLL_MS: positiveInt(15_000),
});

export type Config = Readonly<{
  env: 'development' | 'production' | 'test';
  port: number;
  databaseUrl: string;
  jwt: { secret: string; expiresInSeconds: number };
  admin: { email: string; password: string; name: string } | null;
  bookingHoldSeconds: number;
  expirySweepCron: string;
  corsOrigins: string[] | '*';
  maxSocketsPerIp: number;
  trustProxy: string[];
  maxBookingsInFlightPerShow: number;
  maxActiveHoldsPerUserPerShow: number;
  maxBookingsQueuedPerShow: number;
  showsCacheMs: number;
  /** null: BOOKING_BATCHING=off. */
  bookingBatches: { maxSize: number; lanes: number; maxQueuedPerLane: number } | null;
  rateLimits: RequestLimitSettings;
  bcryptCost: number;
  defaultTimeZone: string;
  seedDemoData: boolean;
  logLevel: string;
  /** null: /metrics is open. */
  metricsToken: string | null;
  /** null: /metrics is served on `port` only. */
  metricsPort: number | null;
  db: DbLimits;
  /** null: the instances meet in PostgreSQL (LISTEN/NOTIFY) and each counts its own per-address quota. */
  redisUrl: string | null;
  /** null: READ_DATABASE_URL unset, every read on the primary. */
  replica: ReplicaSettings | null;
  mail: MailSettings;
}>;

/**
 * The only reader of process.env. A missing JWT_SECRET is allowed outside production: one is generated
 * once and kept under .data/.
 */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  if (!e.JWT_SECRET && e.NODE_ENV === 'production')
    throw new Error('Invalid configuration: JWT_SECRET is required in production');
  if (Boolean(e.ADMIN_EMAIL) !== Boolean(e.ADMIN_PASSWORD)) {
    throw new Error('Invalid configuration: set both ADMIN_EMAIL and ADMIN_PASSWORD, or neither');
  }
  if (e.METRICS_PORT !== undefined && e.METRICS_PORT === e.PORT) {
    throw new Error('Invalid configuration: METRICS_PORT must differ from PORT, which serves /metrics already');
  }
  const secret = e.JWT_SECRET ?? persistentDevSecret(e.DATA_DIR ?? findDataDir());
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    jwt: { secret, expiresInSeconds: e.JWT_EXPIRES_IN_SECONDS },
    admin:
      e.ADMIN_EMAIL && e.ADMIN_PASSWORD
        ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD, name: e.ADMIN_NAME }
        : null,
    bookingHoldSeconds: e.BOOKING_HOLD_SECONDS,
    expirySweepCron: e.EXPIRY_SWEEP_CRON,
    corsOrigins: e.CORS_ORIGIN === '*' ? '*' : e.CORS_ORIGIN.split(',').map((origin) => origin.trim()),
    maxSocketsPerIp: e.MAX_SOCKETS_PER_IP,
    trustProxy: e.TRUST_PROXY.split(',').map((entry) => entry.trim()),
    maxBookingsInFlightPerShow: e.MAX_BOOKINGS_IN_FLIGHT_PER_SHOW,
    maxActiveHoldsPerUserPerShow: e.MAX_ACTIVE_HOLDS_PER_USER_PER_SHOW,
    maxBookingsQueuedPerShow: e.MAX_BOOKINGS_QUEUED_PER_SHOW,
    showsCacheMs: e.SHOWS_CACHE_MS,
    bookingBatches:
      e.BOOKING_BATCHING === 'on'
        ? {
            maxSize: e.BOOKING_BATCH_MAX_SIZE,
            lanes: e.BOOKING_BATCH_LANES,
            maxQueuedPerLane: e.BOOKING_BATCH_MAX_QUEUED,
          }
        : null,
    rateLimits: {
      enabled: e.RATE_LIMITS === 'on',
      loginFailures: { points: e.LOGIN_FAILURES_MAX, windowSeconds: e.LOGIN_FAILURES_WINDOW_SECONDS },
      authRequestsPerIpPerMinute: e.AUTH_REQUESTS_PER_IP_PER_MINUTE,
      requestsPerIpPerMinute: e.REQUESTS_PER_IP_PER_MINUTE,
      bookingAttemptsPerUserPerMinute: e.BOOKING_ATTEMPTS_PER_USER_PER_MINUTE,
    },
    bcryptCost: e.BCRYPT_COST,
    defaultTimeZone: e.DEFAULT_TIME_ZONE,
    seedDemoData: e.SEED_DEMO_DATA,
    logLevel: e.LOG_LEVEL,
    metricsToken: e.METRICS_TOKEN || null,
    metricsPort: e.METRICS_PORT ?? null,
    db: {
      poolMax: e.DB_POOL_MAX,
      connectTimeoutMs: e.DB_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
      lockTimeoutMs: e.DB_LOCK_TIMEOUT_MS,
      idleInTransactionTimeoutMs: e.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      queryTimeoutMs: e.DB_QUERY_TIMEOUT_MS,
      poolMaxQueued: e.DB_POOL_MAX_QUEUED,
      waitlistOfferSeconds: e.WAITLIST_OFFER_SECONDS,
    },
    redisUrl: e.REDIS_URL ?? null,
    mail: {
      smtpUrl: e.SMTP_URL ?? null,
      from: e.MAIL_FROM,
      webUrl: e.PUBLIC_WEB_URL,
      sendTimeoutMs: e.MAIL_SEND_TIMEOUT_MS,
      maxAttempts: e.MAIL_MAX_ATTEMPTS,
      retryBaseMs: e.MAIL_RETRY_BASE_MS,
      pollMs: e.MAIL_POLL_MS,
    },
    replica: e.READ_DATABASE_URL
      ? { url: e.READ_DATABASE_URL, poolMax: e.READ_DB_POOL_MAX, maxLagSeconds: e.READ_MAX_LAG_SECONDS }
      : null,
  });
}
