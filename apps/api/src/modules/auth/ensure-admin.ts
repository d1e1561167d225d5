import type { User } from '@holdfast/contracts';
import type { Queryable } from '../../platform/db.js';
import type { Passwords } from './passwords.js';
import { upsertAdmin } from './users.repository.js';

/** Run at start-up when ADMIN_EMAIL and ADMIN_PASSWORD are set: that account exists and is an admin. */
export async function ensureAdmin(
  deps: { db: Queryable; passwords: Passwords },
  admin: { email: string; password: string; name: string },
): Promise<User> {
  const passwordHash = await deps.passwords.hash(admin.password);
  return upsertAdmin(deps.db, { name: admin.name, email: admin.email, passwordHash });
}
