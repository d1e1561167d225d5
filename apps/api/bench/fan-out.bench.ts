/**
 * Fan-out under a flash sale, roughly: bookings/s on one hot show without watchers, then with WATCHERS
 * socket.io-client sockets (their own process, WebSocket), and what the watchers got: messages per watcher per
 * second, and the lag from each sampled booking's 201 to each watcher hearing a count that includes it.
 *   pnpm --filter @holdfast/api bench:fan-out      WATCHERS=2000 SECONDS=8 CONCURRENCY=32 NARROW=one|all
 * A rough figure for comparing two builds on one machine, not a benchmark: `pnpm bench` is the real one.
 */
import { startBuiltApi } from '@holdfast/api-process';
import { startScratchServer } from '@holdfast/embedded-db';
import { fork } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { createTokens } from '../src/modules/auth/tokens.js';
import { insertUser } from '../src/modules/auth/users.repository.js';
import { insertShow } from '../src/modules/shows/shows.repository.js';
import { createDb } from '../src/platform/db.js';
import { createLogger } from '../src/platform/logger.js';

const WATCHERS = Number(process.env.WATCHERS ?? 2000);
const SECONDS = Number(process.env.SECONDS ?? 8);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 32);
const NARROW = process.env.NARROW === 'one' ? 'one' : 'all';
const SECRET = 'bench-secret-0123456789abcdef';
const PLACES = 100_000;
const LAG_SAMPLES = 300;

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? Number.NaN;

function post(agent: http.Agent, url: string, authorization: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', authorization } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** Books one place at a time on `showId` for SECONDS; answers each 201's time and how many 201s came by then. */
async function sale(agent: http.Agent, url: string, bearer: string[], showId: number) {
  const answered: number[] = [];
  const latencies: number[] = [];
  const body = JSON.stringify({ showId });
  const started = Date.now();
  const until = started + SECONDS * 1000;
  await Promise.all(
    bearer.map(async (authorization) => {
      while (Date.now() < until) {
        const t = performance.now();
        const status = await post(agent, `${url}/bookings`, authorization, body);
        if (status !== 201) throw new Error(`HTTP ${status}`);
        latencies.push(performance.now() - t);
        answered.push(Date.now());
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  return { answered, seconds, perSecond: answered.length / seconds, p99: percentile(latencies, 0.99) };
}

function startWatchers(url: string, showId: number) {
  const child = fork(fileURLToPath(new URL('./fan-out-watchers.ts', import.meta.url)), {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, API_URL: url, WATCHERS: String(WATCHERS), SHOW_ID: String(showId), NARROW },
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`watchers exited with ${code}`)));
  });
  const report = () =>
    new Promise<{ heard: number[][]; messages: number }>((resolve) => {
      child.once('message', (message) => resolve(message as { heard: number[][]; messages: number }));
      child.send('report');
    });
  return { ready, report };
}

/** The first time at or after index 0 that `log` ([t, available, t, available, ...]) shows at most `available`. */
function heardAt(log: number[], available: number): number | undefined {
  let low = 0;
  let high = log.length / 2;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (log[mid * 2 + 1]! <= available) high = mid;
    else low = mid + 1;
  }
  return low < log.length / 2 ? log[low * 2] : undefined;
}

async function main() {
  const scratch = await startScratchServer('fan-out');
  const api = await startBuiltApi({
    databases: scratch,
    env: {
      JWT_SECRET: SECRET,
      LOG_LEVEL: 'warn',
      RATE_LIMITS: 'off',
      MAX_SOCKETS_PER_IP: '0',
      MAX_ACTIVE_HOLDS_PER_USER_PER_SHOW: '0',
    },
    inheritOutput: true,
  });
  try {
    await run(api.url, api.databaseUrl);
  } finally {
    await api.stop();
    await scratch.stop();
  }
}

async function run(url: string, databaseUrl: string) {
  const db = createDb(databaseUrl, createLogger('silent'), { poolMax: 4 });
  const tokens = createTokens(SECRET, 3600);
  const bearer = await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, i) => {
      const user = await insertUser(db, {
        name: `Fan ${i}`,
        email: `fan-${i}@example.test`,
        passwordHash: 'x',
        role: 'user',
      });
      return `Bearer ${tokens.sign({ userId: user.id, role: 'user' })}`;
    }),
  );
  const freshShow = () =>
    insertShow(db, { name: 'Sale', startTime: new Date(Date.now() + 86_400_000).toISOString(), totalSlots: PLACES });
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

  const progress = (step: string) => console.error(`[fan-out] ${step}`);
  progress('sale without watchers');
  const alone = await sale(agent, url, bearer, (await freshShow()).id);

  const show = await freshShow();
  progress(`connecting ${WATCHERS} watchers`);
  const watchers = startWatchers(url, show.id);
  await watchers.ready;
  progress('sale with watchers');
  const watched = await sale(agent, url, bearer, show.id);
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const { heard, messages } = await watchers.report();
  progress('computing lag');

  // A booking is heard once a watcher's count has fallen to (places - 201s answered by then) or below.
  const lags: number[] = [];
  const lastLags: number[] = [];
  const step = Math.max(1, Math.floor(watched.answered.length / LAG_SAMPLES));
  for (let i = 0; i < watched.answered.length; i += step) {
    const answeredAt = watched.answered[i]!;
    let last = 0;
    for (const log of heard) {
      const at = heardAt(log, PLACES - (i + 1));
      const lag = at === undefined ? Number.POSITIVE_INFINITY : Math.max(0, at - answeredAt);
      lags.push(lag);
      last = Math.max(last, lag);
    }
    lastLags.push(last);
  }
  const hotMessages = heard.reduce((sum, log) => sum + log.length / 2, 0);
  // The bound is per second: the most messages any watcher heard within one second.
  let busiestSecond = 0;
  for (const log of heard) {
    for (let first = 0, last = 0; last < log.length / 2; last++) {
      while (log[last * 2]! - log[first * 2]! >= 1_000) first++;
      busiestSecond = Math.max(busiestSecond, last - first + 1);
    }
  }

  console.log(`\nfan-out, rough: ${CONCURRENCY} clients, ${SECONDS} s per phase, ${WATCHERS} watchers (${NARROW})`);
  console.log(`bookings/s without watchers: ${alone.perSecond.toFixed(0)} (p99 ${alone.p99.toFixed(0)} ms)`);
  console.log(
    `bookings/s with watchers:    ${watched.perSecond.toFixed(0)} (p99 ${watched.p99.toFixed(0)} ms), ` +
      `${(watched.perSecond / alone.perSecond).toFixed(2)}x`,
  );
  // Counted from the sale's start to 1.5 s after its end, divided by the sale's length: a slight overestimate.
  console.log(`messages per watcher per second: ${(messages / WATCHERS / watched.seconds).toFixed(1)}`);
  console.log(`  carrying the hot show:         ${(hotMessages / WATCHERS / watched.seconds).toFixed(1)}`);
  console.log(`  most heard by one watcher within one second: ${busiestSecond}`);
  console.log(
    `lag 201 -> watcher hears it, ms: p50 ${percentile(lags, 0.5).toFixed(0)}, ` +
      `p99 ${percentile(lags, 0.99).toFixed(0)}; to the last watcher p99 ${percentile(lastLags, 0.99).toFixed(0)}`,
  );

  agent.destroy();
  await db.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
