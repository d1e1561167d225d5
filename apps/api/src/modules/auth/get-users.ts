import type { User } from '@holdfast/contracts';
import type { Queryable } from '../../platform/db.js';
import { findUsers } from './users.repository.js';

/** Users by id, keyed by id; ids that name nobody are simply absent. */
export async function getUsersById(deps: { db: Queryable }, ids: number[]): Promise<Map<number, User>> {
  const users = await findUsers(deps.db, [...new Set(ids)]);
  return new Map(users.map((user) => [user.id, user]));
}
