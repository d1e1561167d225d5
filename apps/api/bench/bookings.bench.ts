/**
 * Booking throughput: the full HTTP path (the production bundle in its own process, driven over keep-alive
 * connections), the same transaction without HTTP, and a one-statement raw PostgreSQL baseline, each at the
 * same concurrency on one hot show. Prints medians over several runs.
 *   pnpm bench:bookings            (embedded PostgreSQL, fsync off)   RUNS=5 CONCURRENCY=32 PER_RUN=2000
 *   DATABASE_URL=postgres://... pnpm bench:bookings   (a fresh database on that server, dropped after)
 *   BOOKING_BATCHING=off pnpm bench:bookings   (the API books one transaction per request instead of shared commits)
 *   TOTAL_SLOTS=500 PER_RUN=2000 pnpm bench:bookings   (a flash sale: the show sells out, and 409 SOLD_OUT counts
 *                                                    as an answer; ops/s is then requests answered per second)
 *   ONLY=HTTP pnpm bench:bookings   (only the scenarios whose name contains this)
 *   IDEMPOTENCY_KEYS=on pnpm bench:bookings   (every HTTP booking carries a fresh Idempotency-Key, as the web app's do)
 *   RATE_LIMITS=on pnpm bench:bookings   (the default production path: the per-user booking counter and the
 *                                         per-address quota are kept, with limits too high to refuse, so their
 *                                         cost shows)
 */
import { startBuiltApi } from '@holdfast/api-process';
import { startScratchServer } from '@holdfast/embedded-db';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { bookSlots } from '../src/modules/bookings/index.js';
import { createTokens } from '../src/modules/auth/tokens.js';
import { insertUser } from '../src/modules/auth/users.repository.js';
import { insertShow } from '../src/modules/shows/shows.repository.js';
import { createDb } from '../src/platform/db.js';
import { deadlineIn } from '../src/platform/deadline.js';
import { createDomainEvents } from '../src/platform/events.js';
import { createLogger } from '../src/platform/logger.js';

const RUNS = Number(process.env.RUNS ?? 5);
const RATE_LIMITS = process.env.RATE_LIMITS === 'on' ? 'on' : 'off';
const IDEMPOTENCY_KEYS = process.env.IDEMPOTENCY_KEYS === 'on';
const BOOKING_BATCHING = process.env.BOOKING_BATCHING === 'off' ? 'off' : 'on';
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 32);
const PER_RUN = Number(process.env.PER_RUN ?? 2000);
const TOTAL_SLOTS = Number(process.env.TOTAL_SLOTS ?? 100_000);
const SECRET = 'bench-secret-0123456789abcdef';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

/** Runs `total` operations with `CONCURRENCY` workers; answers ops/s and per-op latencies. */
async function measure(total: number, operation: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await operation(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return {
    opsPerSecond: total / ((performance.now() - started) / 1000),
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
  };
}

function post(agent: http.Agent, url: string, authorization: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          authorization,
          ...(IDEMPOTENCY_KEYS ? { 'idempotency-key': randomUUID() } : {}),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

async function main() {
  // A fresh database on a scratch server, so a DATABASE_URL's own data is never touched.
  const scratch = await startScratchServer('bench');
  // The production bundle in its own process migrates its own fresh database; every scenario books there.
  const api = await startBuiltApi({
    databases: scratch,
    env: {
      JWT_SECRET: SECRET,
      LOG_LEVEL: 'warn',
      RATE_LIMITS,
      BOOKING_BATCHING,
      BOOKING_ATTEMPTS_PER_USER_PER_MINUTE: String(600_000),
      REQUESTS_PER_IP_PER_MINUTE: String(600_000),
      // Each bench user books the hot show over and over: measured here is throughput, not the hoarding cap.
      MAX_ACTIVE_HOLDS_PER_USER_PER_SHOW: '0',
    },
    inheritOutput: true,
  });
  const logger = createLogger('silent');
  const db = createDb(api.databaseUrl, logger, { poolMax: CONCURRENCY });
  const raw = new pg.Pool({ connectionString: api.databaseUrl, max: CONCURRENCY });
  raw.on('error', () => {});
  const events = createDomainEvents();
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

  const tokens = createTokens(SECRET, 3600);
  // One at a time: CONCURRENCY connections just to create users could exceed the server's max_connections.
  const users: Awaited<ReturnType<typeof insertUser>>[] = [];
  for (let i = 0; i < CONCURRENCY; i++) {
    users.push(
      await insertUser(db, {
        name: `Bench ${i}`,
        email: `bench-${i}-${Date.now()}@example.test`,
        passwordHash: 'x',
        role: 'user',
      }),
    );
  }
  const bearer = users.map((user) => `Bearer ${tokens.sign({ userId: user.id, role: 'user' })}`);
  const freshShow = () =>
    insertShow(db, {
      name: 'Bench',
      startTime: new Date(Date.now() + 86_400_000).toISOString(),
      totalSlots: TOTAL_SLOTS,
    });

  const scenarios: Record<string, (showId: number) => (i: number) => Promise<void>> = {
    'HTTP POST /bookings': (showId) => async (i) => {
      const status = await post(agent, `${api.url}/bookings`, bearer[i % bearer.length]!, JSON.stringify({ showId }));
      if (status !== 201 && !(status === 409 && TOTAL_SLOTS < PER_RUN)) throw new Error(`HTTP ${status}`);
    },
    'bookSlots use case (no HTTP)': (showId) => async (i) => {
      const input = { userId: users[i % users.length]!.id, showId, quantity: 1 };
      await bookSlots({ db, events, holdSeconds: 120, maxHoldsPerShow: 0 }, input, deadlineIn(2_000));
    },
    'raw PostgreSQL, one statement': (showId) => async (i) => {
      // The least any booking can cost: decrement-if-enough and insert in one autocommit statement.
      const { rowCount } = await raw.query(
        `WITH taken AS (
           UPDATE shows SET available_slots = available_slots - 1 WHERE id = $1 AND available_slots >= 1 RETURNING id
         )
         INSERT INTO bookings (user_id, show_id, quantity, expires_at)
         SELECT $2, id, 1, now() + interval '120 seconds' FROM taken`,
        [showId, users[i % users.length]!.id],
      );
      if (rowCount !== 1) throw new Error('raw booking failed');
    },
  };

  console.log(
    `Holdfast booking benchmark: ${RUNS} runs x ${PER_RUN} bookings, concurrency ${CONCURRENCY}, one hot show, ` +
      `RATE_LIMITS=${RATE_LIMITS}, IDEMPOTENCY_KEYS=${IDEMPOTENCY_KEYS ? 'on' : 'off'}, ` +
      `BOOKING_BATCHING=${BOOKING_BATCHING}`,
  );
  const database = scratch.embedded
    ? 'embedded PostgreSQL 18 (fsync=off)'
    : "a fresh database on DATABASE_URL's server";
  console.log(`database: ${database}; node ${process.version}\n`);
  const results: Record<string, { ops: number[]; p50: number[]; p95: number[] }> = {};
  for (let run = 0; run < RUNS; run++) {
    // Interleave scenarios run by run, so machine noise spreads over all of them alike.
    for (const [name, scenario] of Object.entries(scenarios)) {
      if (process.env.ONLY && !name.includes(process.env.ONLY)) continue;
      const show = await freshShow();
      const result = await measure(PER_RUN, scenario(show.id));
      const entry = (results[name] ??= { ops: [], p50: [], p95: [] });
      entry.ops.push(result.opsPerSecond);
      entry.p50.push(result.p50);
      entry.p95.push(result.p95);
    }
  }
  const raws = results['raw PostgreSQL, one statement']?.ops;
  const baseline = raws ? median(raws) : NaN;
  console.log('scenario                          median ops/s   p50 ms   p95 ms   vs raw');
  for (const [name, entry] of Object.entries(results)) {
    const ops = median(entry.ops);
    console.log(
      name.padEnd(32),
      ops.toFixed(0).padStart(13),
      median(entry.p50).toFixed(2).padStart(8),
      median(entry.p95).toFixed(2).padStart(8),
      `  ${(ops / baseline).toFixed(2)}x`,
    );
  }

  agent.destroy();
  await db.close();
  await raw.end();
  await api.stop();
  await scratch.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
