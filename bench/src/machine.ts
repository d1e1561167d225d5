import { cpus, freemem, loadavg, totalmem } from 'node:os';
import type pg from 'pg';

/** What the figures were measured on, printed above them. */
export async function describeMachine(db: pg.Pool, database: string, api: string): Promise<string[]> {
  const { rows } = await db.query<{ version: string }>('SELECT version()');
  const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GB`;
  return [
    `- CPU: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores`,
    `- RAM: ${gb(totalmem())} (${gb(freemem())} free at start)`,
    `- load average at start: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' / ')} (1 / 5 / 15 min)`,
    `- PostgreSQL: ${rows[0]?.version.split(' on ')[0] ?? 'unknown'} (${database})`,
    `- Node.js ${process.version}; API: ${api}`,
    `- date: ${new Date().toISOString()}`,
  ];
}
