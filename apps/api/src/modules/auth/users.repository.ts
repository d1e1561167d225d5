import type { Role, User } from '@holdfast/contracts';
import { pgErrorCode, UNIQUE_VIOLATION, type Queryable } from '../../platform/db.js';
import { emailTaken } from './auth.errors.js';

interface UserRow {
  id: number;
  name: string;
  email: string;
  role: Role;
  password_hash: string;
}

export interface UserWithHash {
  user: User;
  passwordHash: string;
}

const toUser = (row: UserRow): User => ({ id: row.id, name: row.name, email: row.email, role: row.role });

export async function insertUser(
  db: Queryable,
  input: { name: string; email: string; passwordHash: string; role: Role },
): Promise<User> {
  try {
    const { rows } = await db.query<UserRow>(
      `INSERT INTO users (name, email, password_hash, role) VALUES ($1, lower($2), $3, $4)
       RETURNING id, name, email, role, password_hash`,
      [input.name, input.email, input.passwordHash, input.role],
    );
    return toUser(rows[0]!);
  } catch (error) {
    if (pgErrorCode(error) === UNIQUE_VIOLATION) throw emailTaken();
    throw error;
  }
}

export async function findUserByEmail(db: Queryable, email: string): Promise<UserWithHash | null> {
  const { rows } = await db.query<UserRow>(
    'SELECT id, name, email, role, password_hash FROM users WHERE lower(email) = lower($1)',
    [email],
  );
  return rows[0] ? { user: toUser(rows[0]), passwordHash: rows[0].password_hash } : null;
}

export async function findUserById(db: Queryable, id: number): Promise<User | null> {
  const { rows } = await db.query<UserRow>('SELECT id, name, email, role FROM users WHERE id = $1', [id]);
  return rows[0] ? toUser(rows[0]) : null;
}

/** Creates the configured admin, or promotes and re-keys an existing account with that email. */
export async function upsertAdmin(
  db: Queryable,
  input: { name: string; email: string; passwordHash: string },
): Promise<User> {
  const { rows } = await db.query<UserRow>(
    `INSERT INTO users (name, email, password_hash, role) VALUES ($1, lower($2), $3, 'admin')
     ON CONFLICT (lower(email)) DO UPDATE SET role = 'admin', password_hash = EXCLUDED.password_hash
     RETURNING id, name, email, role, password_hash`,
    [input.name, input.email, input.passwordHash],
  );
  return toUser(rows[0]!);
}

/** Public profiles of these users (no password hashes), for other modules' reports. */
export async function findUsers(db: Queryable, ids: number[]): Promise<User[]> {
  const { rows } = await db.query<UserRow>('SELECT id, name, email, role FROM users WHERE id = ANY($1::int[])', [ids]);
  return rows.map(toUser);
}
