import type { MeResponse } from '@holdfast/contracts';
import type { AuthUser } from '../../platform/auth-user.js';
import type { Queryable } from '../../platform/db.js';
import { unauthenticated } from './auth.errors.js';
import { findUserById } from './users.repository.js';

export async function getCurrentUser(deps: { db: Queryable }, auth: AuthUser): Promise<MeResponse> {
  const user = await findUserById(deps.db, auth.userId);
  if (!user) throw unauthenticated('This account no longer exists');
  return { user };
}
