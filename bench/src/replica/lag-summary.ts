/** One poll during a load: what the API's /health and the primary's pg_stat_replication said of the replica. */
export interface LagSample {
  /** /health replica.lagSeconds, in ms: the age of the newest replayed commit while more WAL waits (0: none). */
  healthMs: number | null;
  /** /health replica.lagBytes: WAL the standby received but has not replayed. */
  healthBytes: number | null;
  /** pg_stat_replication.replay_lag, in ms (null once the standby has been idle, caught up). */
  replayMs: number | null;
  /** pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn): WAL written on the primary, not yet replayed there. */
  walBehindBytes: number | null;
  /** /health said the public reads were on the primary (the replica down, or lagging over READ_MAX_LAG_SECONDS). */
  readsOnPrimary: boolean;
}

export interface Spread {
  max: number | null;
  p99: number | null;
}

/** Max and p99 (nearest rank) of the known values; nulls (not measured at that moment) are left out. */
export function spread(values: (number | null)[]): Spread {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (known.length === 0) return { max: null, p99: null };
  return { max: known.at(-1)!, p99: known[Math.max(0, Math.ceil(known.length * 0.99) - 1)]! };
}

/** The table cells of one load: samples, then max and p99 of each measure, then the polls with reads on the primary. */
export function lagCells(samples: LagSample[]): (number | null)[] {
  const of = (pick: (sample: LagSample) => number | null) => {
    const { max, p99 } = spread(samples.map(pick));
    return [max, p99];
  };
  return [
    samples.length,
    ...of((s) => s.healthMs),
    ...of((s) => s.healthBytes),
    ...of((s) => s.replayMs),
    ...of((s) => s.walBehindBytes),
    samples.filter((s) => s.readsOnPrimary).length,
  ];
}

export const LAG_HEADER = [
  'polls',
  '/health lag max ms',
  'p99 ms',
  '/health max bytes',
  'p99 bytes',
  'replay_lag max ms',
  'p99 ms',
  'WAL behind max bytes',
  'p99 bytes',
  'polls with reads on primary',
];

/** The same database (path) on another server: the API's fresh database as the replica serves it. */
export function sameDatabaseOn(serverUrl: string, databaseUrl: string): string {
  const url = new URL(serverUrl);
  url.pathname = new URL(databaseUrl).pathname;
  return url.toString();
}
