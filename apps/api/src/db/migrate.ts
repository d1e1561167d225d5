import { runner } from 'node-pg-migrate';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../platform/logger.js';

/**
 * The SQL files sit beside this module in the source tree and are copied next to the bundle by the build,
 * so one lookup works for both `tsx src/main.ts` and `node dist/main.js`.
 */
const here = dirname(fileURLToPath(import.meta.url));
export const migrationsDir = join(here, 'migrations');

/** node-pg-migrate takes its advisory lock with a try: a second instance starting at once is refused, not queued. */
const LOCK_TAKEN = 'Another migration is already running';
const LOCK_WAIT_MS = 60_000;

/**
 * Applies pending migrations under node-pg-migrate's advisory lock. Instances that start together take turns:
 * one that finds the lock taken waits and tries again (by then usually finding nothing left to apply), up to a
 * minute, rather than exiting.
 */
export async function migrate(databaseUrl: string, logger: Logger): Promise<void> {
  const giveUpAt = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const applied = await runner({
        databaseUrl,
        dir: migrationsDir,
        direction: 'up',
        migrationsTable: 'pgmigrations',
        count: Infinity,
        singleTransaction: true,
        log: () => {},
      });
      if (applied.length > 0) logger.info({ migrations: applied.map((m) => m.name) }, 'database migrated');
      return;
    } catch (error) {
      if (!(error instanceof Error && error.message.includes(LOCK_TAKEN)) || Date.now() > giveUpAt) throw error;
      logger.info('another instance is migrating the database: waiting for it');
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
}
