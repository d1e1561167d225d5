import type pg from 'pg';
import type { LagSample } from './lag-summary.js';

/**
 * On the primary, as superuser: the one standby's replay lag as the primary sees it (its own clock, from WAL
 * flush to the standby's replay report) and the WAL bytes it has not replayed yet.
 */
const REPLICATION_SQL = `
  SELECT (extract(epoch FROM replay_lag) * 1000)::float8 AS replay_ms,
         pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::float8 AS wal_behind_bytes
  FROM pg_stat_replication ORDER BY pid LIMIT 1`;

interface ReplicaHealth {
  reads?: string;
  lagSeconds?: number | null;
  lagBytes?: number | null;
}

async function pollOnce(apiUrl: string, primary: pg.Pool): Promise<LagSample> {
  const [health, replication] = await Promise.all([
    fetch(`${apiUrl}/health`).then(
      async (response) => ((await response.json()) as { replica?: ReplicaHealth }).replica ?? {},
      (): ReplicaHealth => ({}),
    ),
    primary.query<{ replay_ms: number | null; wal_behind_bytes: number | null }>(REPLICATION_SQL),
  ]);
  const row = replication.rows[0];
  return {
    healthMs: typeof health.lagSeconds === 'number' ? health.lagSeconds * 1000 : null,
    healthBytes: health.lagBytes ?? null,
    replayMs: row?.replay_ms ?? null,
    walBehindBytes: row?.wal_behind_bytes ?? null,
    readsOnPrimary: health.reads === 'primary',
  };
}

/**
 * Polls /health and pg_stat_replication every `everyMs` (one poll at a time: a slow answer delays the next) until
 * stop(), which answers every sample taken.
 */
export function sampleLag(apiUrl: string, primary: pg.Pool, everyMs = 50) {
  const samples: LagSample[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = Date.now();
      samples.push(await pollOnce(apiUrl, primary));
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, everyMs - (Date.now() - started))));
    }
  })();
  return {
    async stop(): Promise<LagSample[]> {
      running = false;
      await loop;
      return samples;
    },
  };
}
