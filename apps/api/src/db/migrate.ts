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

/** Applies pending migrations under node-pg-migrate's advisory lock, so parallel starts are safe. */
export async function migrate(databaseUrl: string, logger: Logger): Promise<void> {
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
}
