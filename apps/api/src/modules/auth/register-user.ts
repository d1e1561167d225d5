import type { AuthResponse, RegisterRequest } from '@holdfast/contracts';
import type { Queryable } from '../../platform/db.js';
import type { Passwords } from './passwords.js';
import type { Tokens } from './tokens.js';
import { insertUser } from './users.repository.js';

/** Self-service sign-up: the role is always 'user'; admins come from configuration. */
export async function registerUser(
  deps: { db: Queryable; passwords: Passwords; tokens: Tokens },
  input: RegisterRequest,
): Promise<AuthResponse> {
  const passwordHash = await deps.passwords.hash(input.password);
  const user = await insertUser(deps.db, { name: input.name, email: input.email, passwordHash, role: 'user' });
  return { token: deps.tokens.sign({ userId: user.id, role: user.role }), user };
}
