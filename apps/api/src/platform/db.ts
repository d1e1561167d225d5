import pg from 'pg';
import { createAdmissionQueue } from './admission-queue.js';
import { busy, classifyDbFault, databaseUnavailable } from './db-faults.js';
import type { Deadline } from './deadline.js';
import type { Logger } from './logger.js';
import type { PoolStats } from './metrics.js';

// int8 (bigint) arrives as a string by default; our counts and sums fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** What a repository needs: the pool, or the client of a running transaction. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
}

/** What a use case that runs its own transaction needs: the pool, or a transaction it joins. */
export interface Transactional extends Queryable {
  /** BEGIN, fn(client), COMMIT; ROLLBACK when fn throws; the client always goes back to the pool. */
  withTransaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * One statement that waits for a connection no later than `deadline` and is cancelled there (503 BUSY),
   * whatever it waits for inside. It goes as a simple query, which carries no parameters: inline only values
   * you have checked (integers).
   */
  queryWithin<R extends pg.QueryResultRow = pg.QueryResultRow>(
    deadline: Deadline,
    text: string,
  ): Promise<pg.QueryResult<R>>;
}

/** A running transaction seen as a Transactional: nested work joins it and commits or rolls back with it. */
export const joinTransaction = (tx: Queryable): Transactional => ({
  query: (text, params) => tx.query(text, params),
  withTransaction: (fn) => fn(tx),
  // The connection is already ours, so only the statement is bounded; the bound ends with the statement, so
  // what the transaction does next (storing an idempotent answer, COMMIT) has the pool's usual limit again.
  queryWithin: async <R extends pg.QueryResultRow>(deadline: Deadline, text: string) => {
    const results = (await tx.query(
      `SET LOCAL statement_timeout = ${timeoutFor(deadline)}; ${text}; SET LOCAL statement_timeout TO DEFAULT`,
    )) as unknown;
    return (results as pg.QueryResult<R>[])[1]!;
  },
});

/** statement_timeout for what is left of a deadline; never 0, which would mean no limit at all. */
const timeoutFor = (deadline: Deadline) => Math.max(1, Math.floor(deadline.remainingMs()));

export interface Db extends Transactional {
  /** Answers within `HEALTH_TIMEOUT_MS` whatever the pool is doing, or throws DATABASE_UNAVAILABLE. */
  ping(): Promise<void>;
  /** Connections the pool holds open now (in use or idle): what a refusal must not grow. */
  openConnections(): number;
  /** The main pool and the queue in front of it, as they are now (metrics). */
  poolStats(): PoolStats;
  close(): Promise<void>;
}

/** Every wait on the database is bounded; config.ts documents each and reads them from the environment. */
export interface DbLimits {
  poolMax: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  lockTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
  /** Client-side bound for a server that stops answering altogether (SIGSTOP, a dead network). */
  queryTimeoutMs: number;
  /** Requests waiting for a connection at most, in a burst (admission-policy.ts); each waits connectTimeoutMs. */
  poolMaxQueued: number;
}

export const DEFAULT_DB_LIMITS: DbLimits = {
  poolMax: 20,
  connectTimeoutMs: 2_000,
  statementTimeoutMs: 5_000,
  lockTimeoutMs: 2_000,
  idleInTransactionTimeoutMs: 10_000,
  queryTimeoutMs: 6_000,
  poolMaxQueued: 1_000,
};
const HEALTH_TIMEOUT_MS = 800;

export function createDb(connectionString: string, logger: Logger, limits: Partial<DbLimits> = {}): Db {
  const l = { ...DEFAULT_DB_LIMITS, ...limits };
  const pool = new pg.Pool({
    connectionString,
    max: l.poolMax,
    connectionTimeoutMillis: l.connectTimeoutMs,
    statement_timeout: l.statementTimeoutMs,
    lock_timeout: l.lockTimeoutMs,
    idle_in_transaction_session_timeout: l.idleInTransactionTimeoutMs,
    query_timeout: l.queryTimeoutMs,
  });
  // /health has its own connection, so a pool full of requests waiting on a lock cannot make it wait.
  const healthPool = new pg.Pool({
    connectionString,
    max: 1,
    connectionTimeoutMillis: HEALTH_TIMEOUT_MS,
    query_timeout: HEALTH_TIMEOUT_MS,
  });
  const outage = trackOutage(logger);
  // An idle client can be terminated by the server (restart, shutdown): note it instead of crashing.
  for (const p of [pool, healthPool]) p.on('error', (error) => outage.failed(error));

  /** Database faults become 503s (BUSY or DATABASE_UNAVAILABLE); anything else passes through unchanged. */
  const translate = (error: unknown): unknown => {
    let fault = classifyDbFault(error);
    // Waiting for a connection while every one is in use means busy (say, all waiting on one show's lock),
    // not down: the server itself may be fine.
    if (fault === 'unavailable' && pool.totalCount >= l.poolMax && pool.waitingCount > 0) fault = 'busy';
    if (fault === 'unavailable') outage.failed(error);
    if (fault === 'busy') return busy(error);
    return fault === 'unavailable' ? databaseUnavailable(error) : error;
  };

  const timed = async <R extends pg.QueryResultRow>(runner: Queryable, text: string, params?: unknown[]) => {
    const started = performance.now();
    let result: pg.QueryResult<R>;
    try {
      result = await runner.query<R>(text, params);
    } catch (error) {
      throw translate(error);
    }
    outage.answered();
    if (logger.isLevelEnabled('debug')) {
      // Parameters are never logged: they carry password hashes and personal data.
      const sql = text.replace(/\s+/g, ' ').slice(0, 200);
      logger.debug({ sql, ms: Math.round(performance.now() - started), rows: result.rowCount }, 'query');
    }
    return result;
  };

  /**
   * A client lent by the pool, listened to from the moment it is lent. The pool stops listening to a client it
   * lends out, and a session the server ends between two statements (a restart) has no query to fail, so the
   * client emits 'error', which, unheard, crashes the process. So the listener goes on inside pool.connect's own
   * callback, not in a promise continuation a turn later. `broken` set: the client is destroyed, not reused.
   */
  const lend = () =>
    new Promise<Lease>((resolve, reject) => {
      pool.connect((error, client) => {
        if (error || !client) return reject(translate(error));
        const lease: Lease = {
          client,
          broken: undefined,
          giveBack() {
            client.off('error', onError);
            client.release(lease.broken);
          },
        };
        const onError = (failure: Error) => {
          lease.broken = failure;
          outage.failed(failure);
        };
        client.on('error', onError);
        resolve(lease);
      });
    });

  const direct: Omit<Db, 'queryWithin' | 'poolStats'> = {
    // Not pool.query: that destroys the client whenever its statement fails, so every refusal (a unique
    // violation, a RAISE) would cost a new backend. A statement the server refused leaves a healthy session.
    async query(text, params) {
      const lease = await lend();
      try {
        return await timed(lease.client, text, params);
      } catch (error) {
        if (!sessionSurvives(error)) lease.broken = error as Error;
        throw error;
      } finally {
        lease.giveBack();
      }
    },
    async withTransaction(fn) {
      const lease = await lend();
      const { client } = lease;
      const tx: Queryable = { query: (text, params) => timed(client, text, params) };
      try {
        await tx.query('BEGIN');
        const result = await fn(tx);
        await tx.query('COMMIT');
        return result;
      } catch (error) {
        // A connection that timed out or died may still be busy: drop it rather than queue a ROLLBACK on it.
        if (classifyDbFault((error as { cause?: unknown }).cause ?? error) === 'unavailable')
          lease.broken = error as Error;
        else await client.query('ROLLBACK').catch((rollbackFailed: Error) => (lease.broken = rollbackFailed));
        throw error;
      } finally {
        lease.giveBack();
      }
    },
    async ping() {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`health check took over ${HEALTH_TIMEOUT_MS} ms`)),
          HEALTH_TIMEOUT_MS + 100,
        );
      });
      try {
        await Promise.race([healthPool.query('SELECT 1'), deadline]);
        outage.answered();
      } catch (error) {
        outage.failed(error);
        throw databaseUnavailable(error);
      } finally {
        clearTimeout(timer);
      }
    },
    openConnections: () => pool.totalCount,
    async close() {
      await Promise.all([pool.end(), healthPool.end()]);
    },
  };
  // Requests wait for a connection here rather than in pg's own queue, which can only time out: a queue that
  // keeps growing is refused at once. At most poolMax tasks pass, so pg always has a connection for them.
  const gate = createAdmissionQueue({
    concurrency: l.poolMax,
    maxWaitMs: l.connectTimeoutMs,
    maxQueued: l.poolMaxQueued,
  });
  return {
    ...direct,
    poolStats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      queued: gate.waiting(),
    }),
    query: (text, params) => gate.run(() => direct.query(text, params)),
    withTransaction: (fn) => gate.run(() => direct.withTransaction(fn)),
    queryWithin: <R extends pg.QueryResultRow>(deadline: Deadline, text: string) =>
      gate.run(async () => {
        // statement_timeout is armed as a statement starts, so a statement of its own sets it, in the same simple
        // query: PostgreSQL times each statement of such a string on its own, and SET LOCAL ends with the
        // transaction around them. lock_timeout would not do: it bounds each lock wait, and a row lock can take
        // two (the tuple, then its holder), so the second booking in line waited twice as long. 0 = no limit.
        const results = (await direct.query(
          `SET LOCAL statement_timeout = ${timeoutFor(deadline)}; ${text}`,
        )) as unknown;
        return (results as pg.QueryResult<R>[])[1]!;
      }, deadline),
  };
}

/**
 * Whether a connection whose statement failed can serve the next one: yes when the server answered with an
 * error (the failed statement's implicit transaction is over), no for a connection fault, a client-side
 * timeout (the statement may still be running) or anything else that did not come from the server.
 */
function sessionSurvives(error: unknown): boolean {
  const raw = (error as { cause?: unknown }).cause ?? error;
  return raw instanceof pg.DatabaseError && classifyDbFault(raw) !== 'unavailable';
}

interface Lease {
  client: pg.PoolClient;
  broken: Error | undefined;
  giveBack(): void;
}

/** Logs an outage once when it starts and once when it ends, however many requests run into it. */
function trackOutage(logger: Logger) {
  let downSince: number | null = null;
  return {
    failed(error: unknown) {
      if (downSince !== null) return;
      downSince = Date.now();
      const reason = error instanceof Error ? error.message : String(error);
      logger.error({ reason }, 'database unavailable: answering 503 until it is back');
    },
    answered() {
      if (downSince === null) return;
      logger.info({ outageMs: Date.now() - downSince }, 'database available again');
      downSince = null;
    },
  };
}

/** A pg.Pool as @socket.io/postgres-adapter wants it (connect() for its LISTEN session, query() for NOTIFY). */
export type PubSubPool = pg.Pool;

/**
 * The Socket.IO adapter's own small pool on the primary (ADR 0015), apart from the requests' pool so that a
 * burst of bookings never makes a cluster message wait: one session LISTENs for good, one NOTIFYs and reads
 * the attachments of large messages. Its clients are listened to from creation: the adapter keeps its LISTEN
 * session checked out, and an error there (a server restart) must be noted, not crash the process. When that
 * session ends, the adapter (0.5) forgets it and connects anew, but never releases it: the pool would count it
 * for ever, two lost sessions would leave no room for a new one, and end() would wait for it at shutdown. So a
 * checked-out client that ends is released here, as broken.
 */
export function createPubSubPool(connectionString: string, noted: (error: Error) => void): PubSubPool {
  const pool = new pg.Pool({ connectionString, max: 2, connectionTimeoutMillis: 5_000, query_timeout: 10_000 });
  pool.on('error', noted);
  pool.on('connect', (client) => {
    client.on('error', noted);
    client.on('end', () => releaseBroken(client));
  });
  return pool;
}

/** pg-pool gives a checked-out client a release() that throws once called; an idle one it removes itself. */
function releaseBroken(client: pg.PoolClient) {
  try {
    client.release(new Error('connection ended'));
  } catch {
    // Idle, or released already: nothing of ours to give back.
  }
}

/** A LISTEN session of its own; close() ends it. */
export interface Listening {
  close(): Promise<void>;
}

const RELISTEN_AFTER_MS = 5_000;

/**
 * Calls `onNotify` for each NOTIFY on `channel` (delivered at the notifier's COMMIT), on one connection kept
 * apart from the pool. A lost connection is noted and opened again after a pause: a listener is a nudge, and
 * whoever relies on one polls too, so notifications missed meanwhile cost only a delay.
 */
export function listenTo(
  connectionString: string,
  channel: string,
  onNotify: () => void,
  noted: (error: Error) => void,
): Listening {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const open = async () => {
    const session = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 });
    client = session;
    let reopening = false;
    const reopen = () => {
      if (closed || reopening) return;
      reopening = true;
      retry = setTimeout(() => void open(), RELISTEN_AFTER_MS);
    };
    session.on('notification', () => onNotify());
    session.on('error', (error) => {
      noted(error);
      void session.end().catch(() => {});
    });
    session.on('end', reopen);
    try {
      await session.connect();
      await session.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      if (!closed) noted(error as Error);
      await session.end().catch(() => {});
      reopen();
    }
  };
  void open();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}

/**
 * A string as a quoted SQL literal, for values that must travel inside a simple query (queryWithin), which
 * carries no parameters. pg's own escaping: never build literals by concatenating raw input.
 */
export const escapeLiteral = (value: string): string => pg.escapeLiteral(value);

/** PostgreSQL error codes the repositories translate into domain errors. */
export const pgErrorCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
export const UNIQUE_VIOLATION = '23505';
