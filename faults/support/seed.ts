import jwt from 'jsonwebtoken';
import { randomBytes } from 'node:crypto';
import type pg from 'pg';

export interface LoadUser {
  id: number;
  token: string;
}

/**
 * `count` users straight in the database, each with a token signed as the API signs them
 * (apps/api/src/modules/auth/tokens.ts): a thousand sign-ins through bcrypt would take a minute. A token the API
 * rejected would show up as 401s, which every test refuses.
 */
export async function seedUsers(db: pg.Pool, jwtSecret: string, count: number): Promise<LoadUser[]> {
  const batch = randomBytes(4).toString('hex');
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO users (name, email, password_hash, role)
     SELECT 'Load ' || i, 'load-' || $2 || '-' || i || '@example.test', 'no password: token only', 'user'
     FROM generate_series(1, $1) AS i
     RETURNING id`,
    [count, batch],
  );
  return rows.map(({ id }) => ({
    id,
    token: jwt.sign({ role: 'user' }, jwtSecret, {
      algorithm: 'HS256',
      expiresIn: 3600,
      subject: String(id),
      issuer: 'holdfast',
    }),
  }));
}

/** Shows starting tomorrow, with `slots` places each; answers their ids. */
export async function seedShows(db: pg.Pool, slots: number[]): Promise<number[]> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO shows (name, start_time, total_slots, available_slots)
     SELECT 'Fault show ' || n, now() + interval '1 day', n, n FROM unnest($1::int[]) AS n
     RETURNING id`,
    [slots],
  );
  return rows.map(({ id }) => id);
}
