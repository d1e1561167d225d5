/**
 * What a stuck row lock does to the API: a foreign session holds one show's row lock (an operator's forgotten
 * `SELECT ... FOR UPDATE`) while 30 bookings hit that show and 30 hit another, all at once, against the
 * production bundle with its default limits. Prints outcomes and latencies per show, over RUNS runs.
 *   pnpm bench:stuck-lock            (embedded PostgreSQL)        RUNS=3
 *   DATABASE_URL=postgres://... pnpm bench:stuck-lock   (a fresh database on that server, dropped after)
 */
import { startBuiltApi } from '@holdfast/api-process';
import { startScratchServer } from '@holdfast/embedded-db';
import pg from 'pg';

const RUNS = Number(process.env.RUNS ?? 3);
const PER_SHOW = 30;
const admin = { email: 'bench@example.com', password: 'bench-password-1' };

async function main() {
  const scratch = await startScratchServer('bench');
  const api = await startBuiltApi({
    databases: scratch,
    env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, RATE_LIMITS: 'off', LOG_LEVEL: 'warn' },
  });
  const post = async (path: string, body: unknown, token?: string) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    return fetch(`${api.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  };
  const { token } = (await (await post('/auth/login', admin)).json()) as { token: string };
  const newShow = async (name: string) => {
    const startTime = new Date(Date.now() + 3_600_000).toISOString();
    return ((await (await post('/shows', { name, startTime, totalSlots: 1000 }, token)).json()) as { id: number }).id;
  };
  const timedBooking = async (showId: number) => {
    const started = performance.now();
    const response = await post('/bookings', { showId }, token);
    return { status: response.status, ms: performance.now() - started };
  };
  const describe = (outcomes: { status: number; ms: number }[]) => {
    const statuses = new Map<number, number>();
    for (const { status } of outcomes) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    const ms = outcomes.map((o) => o.ms).sort((a, b) => a - b);
    const counts = [...statuses].map(([status, n]) => `${n}x ${status}`).join(', ');
    const p50 = ms[Math.floor(ms.length / 2)]!.toFixed(0).padStart(5);
    return `${counts.padEnd(18)} p50 ${p50} ms   max ${ms.at(-1)!.toFixed(0)} ms`;
  };

  console.log(`Stuck row lock: ${PER_SHOW} bookings on the locked show and ${PER_SHOW} on another, ${RUNS} runs`);
  for (let run = 1; run <= RUNS; run++) {
    const [stuck, other] = [await newShow('stuck'), await newShow('free')];
    const foreign = new pg.Client({ connectionString: api.databaseUrl });
    await foreign.connect();
    await foreign.query('BEGIN');
    await foreign.query('SELECT 1 FROM shows WHERE id = $1 FOR UPDATE', [stuck]);
    const [onStuck, onOther] = await Promise.all(
      [stuck, other].map((show) => Promise.all(Array.from({ length: PER_SHOW }, () => timedBooking(show)))),
    );
    const healthStarted = performance.now();
    const health = await fetch(`${api.url}/health`);
    const healthMs = performance.now() - healthStarted;
    await foreign.query('ROLLBACK');
    await foreign.end();
    console.log(`run ${run}  locked show: ${describe(onStuck!)}`);
    console.log(`       other show:  ${describe(onOther!)}   /health ${health.status} in ${healthMs.toFixed(0)} ms`);
  }
  await api.stop();
  await scratch.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
