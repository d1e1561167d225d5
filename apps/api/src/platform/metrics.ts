import { endpoints, type ReplicaHealth } from '@holdfast/contracts';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** What the pool and its admission queue hold at the moment of a scrape (platform/db.ts). */
export interface PoolStats {
  total: number;
  idle: number;
  /** Checked out but waiting inside pg for a connection (the admission queue keeps this near 0). */
  waiting: number;
  /** Waiting in the admission queue, in front of the pool. */
  queued: number;
}

export interface RequestServed {
  method: string;
  /** The route's template (`/shows/:id`), never the raw URL; UNMATCHED when no route answered. */
  route: string;
  status: number;
  /** The error code of the answer, when it was an error. */
  errorCode: string | undefined;
  replayed: boolean;
  seconds: number;
}

/**
 * The API's Prometheus metrics, one registry per app instance (tests start several in one process), so nothing
 * registers with prom-client's global default registry. The rest of the code calls these few methods and never
 * imports prom-client; gauges of the pool and sockets are read when scraped, not kept up to date.
 */
export interface Metrics {
  requestServed(request: RequestServed): void;
  bookingBatch(size: number): void;
  sweepFinished(expiredHolds: number): void;
  sweepFailed(): void;
  /** One send of the email outbox (ADR 0020): sent, retry (refused or timed out, tried again later), failed. */
  emailOutcome(outcome: 'sent' | 'retry' | 'failed'): void;
  broadcastDelivered(lagMs: number): void;
  observePool(read: () => PoolStats): void;
  observeSockets(read: () => number): void;
  /** READ_DATABASE_URL's replica, measured at each scrape (ADR 0016). */
  observeReplica(measure: () => Promise<ReplicaHealth>): void;
  /** The exposition text and its content type, for GET /metrics. */
  render(): Promise<{ contentType: string; text: string }>;
}

export const UNMATCHED_ROUTE = 'UNMATCHED';
const BOOKING_ROUTE = `${endpoints.createBooking.method.toUpperCase()} ${endpoints.createBooking.path}`;

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const httpDuration = new Histogram({
    name: 'holdfast_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route template, method and status',
    labelNames: ['route', 'method', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  });
  const bookingOutcomes = new Counter({
    name: 'holdfast_booking_outcomes_total',
    help: 'POST /bookings answers by outcome: GRANTED, REPLAYED, or the error code (SOLD_OUT, BUSY, ...)',
    labelNames: ['code', 'status'],
    registers,
  });
  const batchSizes = new Histogram({
    name: 'holdfast_booking_batch_size',
    help: 'Bookings sent to the database together in one batch (BOOKING_BATCHING=on)',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024],
    registers,
  });
  const sweeps = new Counter({
    name: 'holdfast_expiry_sweeps_total',
    help: 'Runs of the expiry sweeper, by result',
    labelNames: ['result'],
    registers,
  });
  const holdsExpired = new Counter({
    name: 'holdfast_holds_expired_total',
    help: 'Lapsed holds the sweeper stored as EXPIRED',
    registers,
  });
  const lastSweep = new Gauge({
    name: 'holdfast_expiry_sweep_last_success_timestamp_seconds',
    help: 'Unix time of the last sweep that finished without error',
    registers,
  });
  const emailSends = new Counter({
    name: 'holdfast_email_sends_total',
    help: 'Sends of the email outbox, by outcome: sent, retry (will be tried again), failed (given up)',
    labelNames: ['outcome'],
    registers,
  });
  const broadcastLag = new Histogram({
    name: 'holdfast_broadcast_lag_seconds',
    help: 'From the oldest change a showsUpdated message carries being announced to the message being sent',
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5],
    registers,
  });
  // Zero before a scrape finds a source (an app without a server stack has no sockets).
  const readers = { pool: (): PoolStats | null => null, sockets: (): number | null => null };
  new Gauge({
    name: 'holdfast_db_pool_connections',
    help: 'Connections of the main pool, by state (total = in use + idle)',
    labelNames: ['state'],
    registers,
    collect() {
      const stats = readers.pool();
      this.set({ state: 'total' }, stats?.total ?? 0);
      this.set({ state: 'idle' }, stats?.idle ?? 0);
    },
  });
  new Gauge({
    name: 'holdfast_db_pool_waiting',
    help: 'Requests waiting for a connection: queue = the admission queue in front of the pool, pool = inside pg',
    labelNames: ['where'],
    registers,
    collect() {
      const stats = readers.pool();
      this.set({ where: 'queue' }, stats?.queued ?? 0);
      this.set({ where: 'pool' }, stats?.waiting ?? 0);
    },
  });
  new Gauge({
    name: 'holdfast_socket_connections',
    help: 'Socket.IO (Engine.IO) connections open on this instance',
    registers,
    collect() {
      this.set(readers.sockets() ?? 0);
    },
  });

  return {
    requestServed(r) {
      httpDuration.observe({ route: r.route, method: r.method, status: String(r.status) }, r.seconds);
      if (`${r.method} ${r.route}` !== BOOKING_ROUTE) return;
      const code = r.errorCode ?? (r.replayed ? 'REPLAYED' : 'GRANTED');
      bookingOutcomes.inc({ code, status: String(r.status) });
    },
    bookingBatch: (size) => batchSizes.observe(size),
    sweepFinished(expired) {
      sweeps.inc({ result: 'ok' });
      holdsExpired.inc(expired);
      lastSweep.set(Date.now() / 1000);
    },
    sweepFailed: () => sweeps.inc({ result: 'failed' }),
    emailOutcome: (outcome) => emailSends.inc({ outcome }),
    broadcastDelivered: (lagMs) => broadcastLag.observe(lagMs / 1000),
    observePool(read) {
      readers.pool = read;
    },
    observeSockets(read) {
      readers.sockets = read;
    },
    observeReplica(measure) {
      observeReplica(registers, measure);
    },
    async render() {
      return { contentType: registry.contentType, text: await registry.metrics() };
    },
  };
}

/**
 * Replica gauges exist only where a replica is configured, so a dashboard never mistakes "no replica" for "a
 * replica with no lag". Lag unknown (never replayed a commit, or down) is NaN, not 0.
 */
function observeReplica(registers: Registry[], measure: () => Promise<ReplicaHealth>) {
  let latest: Promise<ReplicaHealth> | null = null;
  // The three gauges are collected one after another in one scrape: measure once for all of them.
  const measured = () => (latest ??= measure().finally(() => setTimeout(() => (latest = null), 0)));
  new Gauge({
    name: 'holdfast_replica_up',
    help: 'Whether the read replica answers (1) or not (0)',
    registers,
    async collect() {
      this.set((await measured()).status === 'up' ? 1 : 0);
    },
  });
  new Gauge({
    name: 'holdfast_replica_serving_reads',
    help: 'Whether the public show reads go to the replica (1) or to the primary (0: the replica is down or lags)',
    registers,
    async collect() {
      this.set((await measured()).reads === 'replica' ? 1 : 0);
    },
  });
  new Gauge({
    name: 'holdfast_replica_lag_seconds',
    help: 'How far the replica is behind the primary: 0 when it has replayed all it received',
    registers,
    async collect() {
      const { lagSeconds } = await measured();
      this.set(lagSeconds ?? Number.NaN);
    },
  });
}
