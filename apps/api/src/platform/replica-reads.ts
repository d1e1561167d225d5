import type { ReplicaHealth } from '@holdfast/contracts';
import { createDb, type Db, type DbLimits, type Queryable } from './db.js';
import { AppError } from './errors.js';
import type { Logger } from './logger.js';

/**
 * Where the public show reads go (ADR 0017): a streaming replica while it answers and lags at most
 * `maxLagSeconds`, the primary otherwise. Everything that must see its own writes uses the primary directly
 * and never comes here.
 */
export interface ReplicaReads {
  /** The public reads' database: the replica, or the primary when the replica cannot serve them. */
  db: Queryable;
  /** A fresh measure of the replica (at most PROBE_TIMEOUT_MS), for /health. */
  health(): Promise<ReplicaHealth>;
  close(): Promise<void>;
}

/** Reads re-measure the replica at most this often, in the background: a read never waits for a probe. */
const PROBE_INTERVAL_MS = 1_000;
const PROBE_TIMEOUT_MS = 500;

/**
 * Measured on the standby itself. now() - pg_last_xact_replay_timestamp() alone grows while the primary is
 * idle, so when everything received has been replayed the lag is 0; otherwise it is the age of the last
 * replayed commit, an upper bound of how old what it serves is. Not a standby at all (READ_DATABASE_URL naming
 * a primary): lag 0. Never replayed anything since it started: null, unknown.
 */
const LAG_SQL = `
  SELECT CASE
           WHEN NOT pg_is_in_recovery() OR pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
           ELSE round(extract(epoch FROM now() - pg_last_xact_replay_timestamp())::numeric, 3)::float8
         END AS lag_seconds,
         CASE WHEN pg_is_in_recovery()
           THEN pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())::float8 ELSE 0
         END AS lag_bytes`;

/** READ_DATABASE_URL and its limits (config.ts); null: unset. */
export interface ReplicaSettings {
  url: string;
  poolMax: number;
  /** Lag above which the public reads go to the primary; 0 = whatever the lag. */
  maxLagSeconds: number;
}

/** READ_DATABASE_URL set: a second, smaller pool on the replica, and the routing between it and the primary. */
export function openReplicaReads(
  primary: Db,
  settings: ReplicaSettings | null,
  limits: DbLimits,
  logger: Logger,
): ReplicaReads | null {
  if (!settings) return null;
  const replica = createDb(settings.url, logger.child({ database: 'replica' }), {
    ...limits,
    poolMax: settings.poolMax,
    // A replica that does not take connections sends its reads to the primary; it should not hold them long.
    connectTimeoutMs: Math.min(limits.connectTimeoutMs, 1_000),
  });
  return routeReads(primary, replica, settings.maxLagSeconds, logger);
}

export function routeReads(primary: Db, replica: Db, maxLagSeconds: number, logger: Logger): ReplicaReads {
  let known: Omit<ReplicaHealth, 'reads'> = { status: 'up', lagSeconds: 0, lagBytes: 0 };
  let measuredAt = 0;
  let probing: Promise<void> | null = null;

  const usable = () =>
    known.status === 'up' && known.lagSeconds !== null && (maxLagSeconds === 0 || known.lagSeconds <= maxLagSeconds);

  const note = (next: typeof known) => {
    const wasUsable = usable();
    known = next;
    measuredAt = Date.now();
    if (usable() === wasUsable) return;
    if (usable()) logger.info({ replica: known }, 'the replica serves the public reads again');
    else logger.warn({ replica: known }, 'the primary serves the public reads: the replica is down or lags');
  };

  const probe = () => {
    probing ??= measure(replica)
      .then(note, () => note({ status: 'down', lagSeconds: null, lagBytes: null }))
      .finally(() => (probing = null));
    return probing;
  };

  const readFromPrimary = (error: unknown) => {
    // Unreachable: down until a probe says otherwise. Busy (a full pool, a query cancelled by a recovery
    // conflict): this read only. Either way the primary answers it, so a replica problem never fails a read.
    if (error instanceof AppError && error.code === 'DATABASE_UNAVAILABLE')
      note({ status: 'down', lagSeconds: null, lagBytes: null });
    return error instanceof AppError && (error.code === 'DATABASE_UNAVAILABLE' || error.code === 'BUSY');
  };

  return {
    db: {
      async query(text, params) {
        if (Date.now() - measuredAt >= PROBE_INTERVAL_MS) void probe();
        if (!usable()) return primary.query(text, params);
        try {
          return await replica.query(text, params);
        } catch (error) {
          if (!readFromPrimary(error)) throw error;
          return primary.query(text, params);
        }
      },
    },
    async health() {
      await probe();
      return { ...known, reads: usable() ? 'replica' : 'primary' };
    },
    close: () => replica.close(),
  };
}

async function measure(replica: Db): Promise<{ status: 'up'; lagSeconds: number | null; lagBytes: number | null }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`replica took over ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
  });
  try {
    const { rows } = await Promise.race([
      replica.query<{ lag_seconds: number | null; lag_bytes: number | null }>(LAG_SQL),
      late,
    ]);
    return { status: 'up', lagSeconds: rows[0]!.lag_seconds, lagBytes: rows[0]!.lag_bytes };
  } finally {
    clearTimeout(timer);
  }
}
