import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The two things pgbench runs, each one booking of one place for a random bench user, as autocommit
 * transactions. `own`: the project's booking function, as the API calls it with the cap off (the bench sets
 * MAX_ACTIVE_HOLDS_PER_USER_PER_SHOW=0). `minimal`: the least a booking can cost with the same locking, a
 * decrement-if-enough of the show's row and the insert in one statement.
 */
export const PGBENCH_SCRIPTS = {
  own: `\\set user random(:minuser, :maxuser)
\\set show random(:minshow, :maxshow)
SELECT id FROM book_slots(:show, :user, 1, 120, 0);
`,
  minimal: `\\set user random(:minuser, :maxuser)
\\set show random(:minshow, :maxshow)
WITH taken AS (
  UPDATE shows SET available_slots = available_slots - 1 WHERE id = :show AND available_slots >= 1 RETURNING id
)
INSERT INTO bookings (user_id, show_id, quantity, expires_at)
SELECT :user, id, 1, now() + interval '120 seconds' FROM taken;
`,
} as const;
export type PgbenchScript = keyof typeof PGBENCH_SCRIPTS;

/** pgbench on PATH, else Debian's PostgreSQL 15 folder; null (and the bench says how to get it) if neither. */
export function findPgbench(env: NodeJS.ProcessEnv): string | null {
  const folders = [...(env.PATH ?? '').split(delimiter), '/usr/lib/postgresql/15/bin'];
  return folders.map((folder) => join(folder, 'pgbench')).find((path) => existsSync(path)) ?? null;
}

export const PGBENCH_MISSING =
  'pgbench not found (PATH, /usr/lib/postgresql/15/bin): on Debian/Ubuntu `apt-get install postgresql-client-15` ' +
  '(or `postgresql-15`); the Holdfast/pgbench ratios are left out.';

export interface PgbenchResult {
  tps: number;
  latencyMs: number;
  /** Failed transactions (pgbench 15 ends a client on its first error: see `clients` vs the count asked). */
  failed: number;
}

/** The script's \set lines with `statement` in place of its SQL (which may use :show and :user). */
export function withStatement(script: string, statement: string): string {
  const sets = script.split('\n').filter((line) => line.startsWith('\\set'));
  return `${[...sets, statement.trim().replace(/;?$/, ';')].join('\n')}\n`;
}

/** Parses pgbench's summary ("tps = 2769.1 (without initial connection time)", "latency average = 2.9 ms"). */
export function parsePgbench(output: string): PgbenchResult {
  const number = (pattern: RegExp) => Number(pattern.exec(output)?.[1] ?? NaN);
  return {
    tps: number(/tps = ([\d.]+)/),
    latencyMs: number(/latency average = ([\d.]+) ms/),
    failed: number(/number of failed transactions: (\d+)/) || 0,
  };
}

/** One pgbench run of `script` at `clients` for `seconds` against `databaseUrl`, on shows minShow..maxShow. */
export async function pgbench(
  binary: string,
  databaseUrl: string,
  options: {
    script: PgbenchScript;
    clients: number;
    seconds: number;
    users: number[];
    shows: number[];
    /** Replaces the `own` script's statement (BENCH_PGBENCH_OWN_SQL), should the booking function change. */
    ownSql?: string;
  },
): Promise<PgbenchResult> {
  const folder = mkdtempSync(join(tmpdir(), 'holdfast-pgbench-'));
  try {
    const file = join(folder, `${options.script}.sql`);
    const text = PGBENCH_SCRIPTS[options.script];
    writeFileSync(file, options.script === 'own' && options.ownSql ? withStatement(text, options.ownSql) : text);
    const vars = {
      minuser: Math.min(...options.users),
      maxuser: Math.max(...options.users),
      minshow: Math.min(...options.shows),
      maxshow: Math.max(...options.shows),
    };
    const args = [
      '--no-vacuum',
      `--client=${options.clients}`,
      `--jobs=${Math.min(options.clients, cpus().length)}`,
      `--time=${options.seconds}`,
      `--file=${file}`,
      ...Object.entries(vars).map(([name, value]) => `--define=${name}=${value}`),
      databaseUrl,
    ];
    try {
      return parsePgbench((await run(binary, args, { maxBuffer: 1 << 22 })).stdout);
    } catch (error) {
      // pgbench exits non-zero when a client aborted; its summary (if any) still tells what the others did.
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      console.error(`[bench] pgbench ${options.script} failed: ${stderr.trim().split('\n').slice(-3).join(' / ')}`);
      return parsePgbench(stdout);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
