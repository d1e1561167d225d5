import pg from 'pg';
import type { Logger } from './logger.js';

// int8 (bigint) arrives as a string by default; our counts and sums fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** What a repository needs: the pool, or the client of a running transaction. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
}

export interface Db extends Queryable {
  /** BEGIN, fn(client), COMMIT; ROLLBACK when fn throws; the client always goes back to the pool. */
  withTransaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export function createDb(connectionString: string, logger: Logger, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 20, connectionTimeoutMillis: 5_000 });
  // An idle client can be terminated by the server (restart, shutdown): log it instead of crashing.
  pool.on('error', (error) => logger.warn({ err: error }, 'idle database client failed'));

  const timed = async <R extends pg.QueryResultRow>(runner: Queryable, text: string, params?: unknown[]) => {
    const started = performance.now();
    const result = await runner.query<R>(text, params);
    if (logger.isLevelEnabled('debug')) {
      // Parameters are never logged: they carry password hashes and personal data.
      logger.debug(
        {
          sql: text.replace(/\s+/g, ' ').slice(0, 200),
          ms: Math.round(performance.now() - started),
          rows: result.rowCount,
        },
        'query',
      );
    }
    return result;
  };

  return {
    query: (text, params) => timed(pool, text, params),
    async withTransaction(fn) {
      const client = await pool.connect();
      const tx: Queryable = { query: (text, params) => timed(client, text, params) };
      try {
        await client.query('BEGIN');
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    close: () => pool.end(),
  };
}

/** PostgreSQL error codes the repositories translate into domain errors. */
export const pgErrorCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
export const UNIQUE_VIOLATION = '23505';
