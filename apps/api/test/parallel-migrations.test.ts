import { databaseServer } from '@holdfast/embedded-db';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { migrate } from '../src/db/migrate.js';
import { createLogger } from '../src/platform/logger.js';

describe('migrations at start-up', () => {
  it('when several instances start at once on an empty database, then all start and it is migrated once', async () => {
    const databases = databaseServer(inject('databaseServerUrl'));
    const name = `holdfast_migrate_${randomBytes(5).toString('hex')}`;
    await databases.createDatabase(name);
    try {
      const url = databases.urlFor(name);
      const outcomes = await Promise.allSettled(Array.from({ length: 4 }, () => migrate(url, createLogger('silent'))));
      expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(4).fill('fulfilled'));
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ runs: number; distinct: number }>(
          'SELECT count(*)::int AS runs, count(DISTINCT name)::int AS distinct FROM pgmigrations',
        );
        expect(rows[0]!.runs).toBe(rows[0]!.distinct);
        expect(rows[0]!.runs).toBeGreaterThan(5);
      } finally {
        await client.end();
      }
    } finally {
      await databases.dropDatabase(name);
    }
  });
});
