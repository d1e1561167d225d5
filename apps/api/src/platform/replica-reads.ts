import type { ReplicaHealth } from '@holdfast/contracts';
import { createDb, pgErrorCode, type Db, type DbLimits, type Queryable } from './db.js';
import { AppError } from './errors.js';
import type { Logger } from './logger.js';

/**
 * Where the public show reads go (ADR 0016): a streaming replica while it answers and lags at most
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
 * replayed commit, an upper bound of how old what it serves is. Just started, a standby may report received
 * less than replayed (it replayed its own pg_wal first): nothing is waiting, so 0. Never connected to the
 * primary (receive LSN null) and never replayed a commit: null, unknown. Not a standby at all (READ_DATABASE_URL
 * naming a primary): 0. Clamped at 0 against clock skew between the two machines.
 */
const LAG_SQL = `
  SELECT CASE
           WHEN NOT pg_is_in_recovery() OR pg_last_wal_receive_lsn() <= pg_last_wal_replay_lsn() THEN 0
           ELSE greatest(0, round(extract(epoch FROM now() - pg_last_xact_replay_timestamp())::numeric, 3))::float8
         END AS lag_seconds,
         CASE WHEN pg_is_in_recovery()
           THEN greatest(0, pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()))::float8 ELSE 0
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

  /**
   * Unreachable: down until a probe says otherwise, and the primary answers this read, so a replica outage never
   * fails a read. A query that replay cancelled (a recovery conflict, SQLSTATE 40001) is asked of the primary
   * too. A replica that is merely busy (its pool full) answers 503 BUSY: spilling a crowd's reads onto the
   * primary would take it from the bookings, which only the primary can serve.
   */
  const readFromPrimary = (error: unknown) => {
    if (!(error instanceof AppError)) return false;
    if (error.code === 'DATABASE_UNAVAILABLE') note({ status: 'down', lagSeconds: null, lagBytes: null });
    return error.code === 'DATABASE_UNAVAILABLE' || (error.code === 'BUSY' && pgErrorCode(error.cause) === '40001');
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
