import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { signToken } from './tokens.js';

export interface BenchUsers {
  ids: number[];
  /** `Authorization` header values, one per user: one user per virtual client. */
  bearers: string[];
}

/** A pool on the API's scratch database for seeding and checks (not on the measured path). */
export function openDb(databaseUrl: string): pg.Pool {
  const db = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  db.on('error', () => {}); // an idle client dropped by the server at the end of a run
  return db;
}

/** Users straight in SQL (no bcrypt: a sign-in is not what is measured), each with its signed token. */
export async function seedUsers(db: pg.Pool, secret: string, count: number): Promise<BenchUsers> {
  const batch = randomBytes(4).toString('hex');
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO users (name, email, password_hash, role)
     SELECT 'Bench ' || i, 'bench-' || $2 || '-' || i || '@example.test', 'no password: token only', 'user'
     FROM generate_series(1, $1) AS i ORDER BY i
     RETURNING id`,
    [count, batch],
  );
  const ids = rows.map((row) => row.id).sort((a, b) => a - b);
  return { ids, bearers: ids.map((id) => `Bearer ${signToken(secret, id)}`) };
}

/** `count` shows starting in a week, `places` each; answers their ids in order. */
export async function seedShows(db: pg.Pool, count: number, places: number, label = 'Bench'): Promise<number[]> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO shows (name, start_time, total_slots, available_slots)
     SELECT $3 || ' ' || i, now() + interval '7 days' + i * interval '1 minute', $2, $2
     FROM generate_series(1, $1) AS i ORDER BY i
     RETURNING id`,
    [count, places, label],
  );
  return rows.map((row) => row.id).sort((a, b) => a - b);
}
