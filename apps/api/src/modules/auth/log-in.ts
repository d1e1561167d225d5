import type { AuthResponse, LoginRequest } from '@holdfast/contracts';
import type { Queryable } from '../../platform/db.js';
import { invalidCredentials } from './auth.errors.js';
import type { Passwords } from './passwords.js';
import type { Tokens } from './tokens.js';
import { findUserByEmail } from './users.repository.js';

export async function logIn(
  deps: { db: Queryable; passwords: Passwords; tokens: Tokens },
  input: LoginRequest,
): Promise<AuthResponse> {
  const found = await findUserByEmail(deps.db, input.email);
  const matches = await deps.passwords.matches(input.password, found?.passwordHash ?? null);
  if (!found || !matches) throw invalidCredentials();
  return { token: deps.tokens.sign({ userId: found.user.id, role: found.user.role }), user: found.user };
}
