import pg from 'pg';

/**
 * A foreign session (think: an operator's forgotten psql, or another request mid-transaction) that runs
 * `statements` in an open transaction and keeps their locks until released.
 */
export async function holdInForeignSession(databaseUrl: string, statements: [string, unknown[]?][]) {
  const foreign = new pg.Client({ connectionString: databaseUrl });
  await foreign.connect();
  try {
    await foreign.query('BEGIN');
    for (const [text, params] of statements) await foreign.query(text, params);
  } catch (error) {
    await foreign.end();
    throw error;
  }
  return async () => {
    await foreign.query('ROLLBACK');
    await foreign.end();
  };
}

export const holdShowLock = (databaseUrl: string, showId: number) =>
  holdInForeignSession(databaseUrl, [['SELECT 1 FROM shows WHERE id = $1 FOR UPDATE', [showId]]]);

/** Resolves once `count` sessions of this database wait on a lock: the race is then forced, not hoped for. */
export async function waitForLockWaiters(databaseUrl: string, count: number, timeoutMs = 5_000) {
  const observer = new pg.Client({ connectionString: databaseUrl });
  await observer.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await observer.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (rows[0]!.waiting >= count) return;
      if (Date.now() > deadline) throw new Error(`only ${rows[0]!.waiting} of ${count} sessions waited on a lock`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    await observer.end();
  }
}
