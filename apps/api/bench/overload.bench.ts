/**
 * Overload: ONE show driven by 64, 256 and 1,024 closed-loop clients (each books again as soon as it has an
 * answer), against the production bundle with its default limits. Each client is its own user, and takes a
 * fresh user after every hold (so a cap of one hold per user and show never refuses), on a fresh show per
 * level and run with 100,000 slots (it never sells out). Prints, per level, medians over the runs: accepted
 * (201) and refused (503) counts and latencies, and any other status (there should be none).
 *   pnpm bench:overload            (embedded PostgreSQL)   RUNS=3 SECONDS=5 LEVELS=64,256,1024 RETRY=after
 *   DATABASE_URL=postgres://... pnpm bench:overload   (a fresh database on that server, dropped after)
 * RETRY=after: a refused client waits for Retry-After (jittered), as a polite client does;
 * RETRY=now: it asks again at once, the worst case (a storm of refusals the API must answer fast).
 */
import { startBuiltApi } from '@holdfast/api-process';
import { startScratchServer } from '@holdfast/embedded-db';
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import { createTokens } from '../src/modules/auth/tokens.js';

const RUNS = Number(process.env.RUNS ?? 3);
const SECONDS = Number(process.env.SECONDS ?? 5);
const LEVELS = (process.env.LEVELS ?? '64,256,1024').split(',').map(Number);
const RETRY = process.env.RETRY === 'now' ? 'now' : 'after';
const SECRET = 'overload-bench-secret-0123456789abcdef';
/** Enough users that no client books the same show twice within one run. */
const USERS = Number(process.env.USERS ?? 60_000);

/** Of the runs that had any (a run without refusals has no refusal latency). */
const median = (values: number[]) => {
  const known = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  return known[Math.floor(known.length / 2)] ?? NaN;
};
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Answer {
  status: number;
  /** When it was sent, and how long the whole exchange took. */
  at: number;
  ms: number;
  retryAfter: number;
}

function post(agent: http.Agent, url: string, authorization: string, body: string): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', authorization } },
      (response) => {
        response.resume();
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            at: started,
            ms: performance.now() - started,
            retryAfter: Number(response.headers['retry-after'] ?? 1),
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

function get(agent: http.Agent, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    http.get(url, { agent }, (response) => response.resume().on('end', resolve)).on('error', reject);
  });
}

/** `clients` closed-loop clients on one show for SECONDS; answers every response's status and latency. */
async function drive(
  url: string,
  showId: number,
  clients: number,
  bearerOf: (user: number) => string,
  seconds = SECONDS,
) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients, maxFreeSockets: clients });
  // Connect every client first (unmeasured): a thousand connects at once overflow the kernel's accept queue,
  // and a SYN retried a second later is not what the API does with a booking.
  await Promise.all(Array.from({ length: clients }, () => get(agent, `${url}/health/live`)));
  // This process's own delays are in every latency it measures: they are reported beside them.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const answers: Answer[] = [];
  const body = JSON.stringify({ showId });
  const startedAt = performance.now();
  const endAt = startedAt + seconds * 1000;
  let nextUser = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      let user = nextUser++;
      while (performance.now() < endAt) {
        const answer = await post(agent, `${url}/bookings`, bearerOf(user), body);
        answers.push(answer);
        if (answer.status === 201) user = nextUser++;
        if (user >= USERS) throw new Error(`more than USERS=${USERS} holds in one run: raise USERS`);
        if (answer.status === 503 && RETRY === 'after') await sleep(answer.retryAfter * 1000 * (0.5 + Math.random()));
      }
    }),
  );
  agent.destroy();
  loopDelay.disable();
  return {
    answers: answers.map((answer) => ({ ...answer, at: answer.at - startedAt })),
    clientLagP99: loopDelay.percentile(99) / 1e6,
  };
}

function summarise({ answers, clientLagP99 }: { answers: Answer[]; clientLagP99: number }) {
  const ms = (status: number, since = 0) =>
    answers
      .filter((a) => a.status === status && a.at >= since)
      .map((a) => a.ms)
      .sort((a, b) => a - b);
  const [accepted, refused] = [ms(201), ms(503)];
  const others = new Map<number, number>();
  for (const { status } of answers)
    if (status !== 201 && status !== 503) others.set(status, (others.get(status) ?? 0) + 1);
  return {
    accepted: accepted.length,
    acceptedP50: percentile(accepted, 0.5) ?? NaN,
    acceptedP99: percentile(accepted, 0.99) ?? NaN,
    /** Without the first second, when a burst may fill the queue before it counts as standing. */
    acceptedP99After1s: percentile(ms(201, 1_000), 0.99) ?? NaN,
    refused: refused.length,
    refusedP50: percentile(refused, 0.5) ?? NaN,
    refusedP99: percentile(refused, 0.99) ?? NaN,
    refusedMax: refused.at(-1) ?? NaN,
    refusedP99After1s: percentile(ms(503, 1_000), 0.99) ?? NaN,
    clientLagP99,
    others: [...others].map(([status, n]) => `${n}x ${status}`).join(', '),
  };
}

function describeRun(o: ReturnType<typeof summarise>) {
  const f = (n: number) => (Number.isNaN(n) ? '-' : n.toFixed(0));
  const accepted =
    `${o.accepted} x 201 p50 ${f(o.acceptedP50)} p99 ${f(o.acceptedP99)} ` + `(after 1 s ${f(o.acceptedP99After1s)})`;
  const refused =
    `${o.refused} x 503 p50 ${f(o.refusedP50)} p99 ${f(o.refusedP99)} max ${f(o.refusedMax)} ` +
    `(after 1 s p99 ${f(o.refusedP99After1s)})`;
  const other = o.others ? `; OTHER ${o.others}` : '';
  return `${accepted} ms; ${refused} ms${other}; bench's own loop delay p99 ${f(o.clientLagP99)} ms`;
}

/** The API's limits can be set for a run, e.g. MAX_BOOKINGS_QUEUED_PER_SHOW=64 pnpm bench:overload. */
const passedThrough = () =>
  Object.fromEntries(
    ['MAX_BOOKINGS_IN_FLIGHT_PER_SHOW', 'MAX_BOOKINGS_QUEUED_PER_SHOW', 'DB_POOL_MAX', 'DB_POOL_MAX_QUEUED']
      .filter((name) => process.env[name] !== undefined)
      .map((name) => [name, process.env[name]!]),
  );

async function main() {
  const scratch = await startScratchServer('bench');
  const api = await startBuiltApi({
    databases: scratch,
    env: { JWT_SECRET: SECRET, LOG_LEVEL: 'warn', RATE_LIMITS: 'off', ...passedThrough() },
    inheritOutput: true,
  });
  const db = new pg.Client({ connectionString: api.databaseUrl });
  await db.connect();
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO users (name, email, password_hash, role)
     SELECT 'Bench ' || i, 'bench-' || i || '@example.test', 'x', 'user' FROM generate_series(1, $1) i
     RETURNING id`,
    [USERS],
  );
  const tokens = createTokens(SECRET, 3600);
  const bearers = new Map<number, string>();
  const bearerOf = (user: number) => {
    let bearer = bearers.get(user);
    if (!bearer) bearers.set(user, (bearer = `Bearer ${tokens.sign({ userId: rows[user]!.id, role: 'user' })}`));
    return bearer;
  };
  const freshShow = async () => {
    const startTime = new Date(Date.now() + 86_400_000);
    const show = await db.query<{ id: number }>(
      `INSERT INTO shows (name, start_time, total_slots, available_slots) VALUES ('Overload', $1, 100000, 100000)
       RETURNING id`,
      [startTime],
    );
    return show.rows[0]!.id;
  };

  console.log(
    `Overload on one show: ${RUNS} runs x ${SECONDS} s per level, levels ${LEVELS.join(', ')}, RETRY=${RETRY}`,
  );
  const database = scratch.embedded ? 'embedded PostgreSQL (fsync=off)' : "a fresh database on DATABASE_URL's server";
  console.log(`database: ${database}; node ${process.version}\n`);
  // Unmeasured: JIT and connection warm-up, so the first level measured is not also the first level run.
  await drive(api.url, await freshShow(), 256, bearerOf, 2);
  const results = new Map<number, ReturnType<typeof summarise>[]>(LEVELS.map((level) => [level, []]));
  for (let run = 1; run <= RUNS; run++) {
    // Levels interleave run by run, so machine noise spreads over all of them alike.
    for (const level of LEVELS) {
      const outcome = summarise(await drive(api.url, await freshShow(), level, bearerOf));
      results.get(level)!.push(outcome);
      console.log(`run ${run} ${String(level).padStart(5)} clients: ${describeRun(outcome)}`);
      await sleep(500); // let the previous level's connections close
    }
  }

  console.log('\nmedians over runs (ms)');
  console.log('        accepted (201)            refused (503)                    bench');
  console.log('clients  count  p50   p99 p99>1s    count  p50   p99   max p99>1s  loop p99  other statuses');
  const pad = (value: number, width: number) => (Number.isNaN(value) ? '-' : value.toFixed(0)).padStart(width);
  for (const [level, outcomes] of results) {
    const m = (key: Exclude<keyof ReturnType<typeof summarise>, 'others'>) => median(outcomes.map((o) => o[key]));
    const others = outcomes.map((o) => o.others).filter(Boolean);
    console.log(
      `${pad(level, 7)} ${pad(m('accepted'), 6)} ${pad(m('acceptedP50'), 4)} ${pad(m('acceptedP99'), 5)} ` +
        `${pad(m('acceptedP99After1s'), 6)} ${pad(m('refused'), 8)} ${pad(m('refusedP50'), 4)} ` +
        `${pad(m('refusedP99'), 5)} ${pad(m('refusedMax'), 5)} ${pad(m('refusedP99After1s'), 6)} ` +
        `${pad(m('clientLagP99'), 9)}  ` +
        (others.length > 0 ? others.join(' | ') : 'none'),
    );
  }
  const p99 = (level: number) => median(results.get(level)?.map((o) => o.acceptedP99) ?? []);
  const [lowest, highest] = [Math.min(...LEVELS), Math.max(...LEVELS)];
  const p99After1s = (level: number) => median(results.get(level)?.map((o) => o.acceptedP99After1s) ?? []);
  console.log(
    `\naccepted p99 at ${highest} / at ${lowest}: ${(p99(highest) / p99(lowest)).toFixed(2)}x ` +
      `(after the first second: ${(p99After1s(highest) / p99After1s(lowest)).toFixed(2)}x)`,
  );

  await db.end();
  await api.stop();
  await scratch.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
