import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('a transaction whose session the server ends between two statements', () => {
  // A PostgreSQL restart (pg_ctl -m fast) ends every session; one caught between two statements of a transaction
  // has no query to fail, so node-postgres emits 'error' on the client. Unheard, that is an uncaughtException,
  // and the API exits: found by the fault suite (faults/tests/database-restart.test.ts).
  it('when it happens, then the transaction fails with 503 and no error escapes to the process', async () => {
    const escaped: unknown[] = [];
    const listener = (error: unknown) => escaped.push(error);
    process.on('uncaughtException', listener);
    const operator = new pg.Client({ connectionString: app.databaseUrl });
    await operator.connect();
    try {
      const transaction = app.db.withTransaction(async (tx) => {
        const { rows } = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        await operator.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
        await new Promise((resolve) => setTimeout(resolve, 100)); // the FATAL arrives while no query runs
        await tx.query('SELECT 1');
      });
      await expect(transaction).rejects.toMatchObject({ code: 'DATABASE_UNAVAILABLE', status: 503 });
      expect(escaped).toEqual([]);
      const { rows } = await app.db.query<{ ok: number }>('SELECT 1 AS ok');
      expect(rows).toEqual([{ ok: 1 }]);
    } finally {
      process.off('uncaughtException', listener);
      await operator.end();
    }
  });
});
