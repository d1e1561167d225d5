import type { AuthResponse, LoginRequest } from '@holdfast/contracts';
import type { Queryable } from '../../platform/db.js';
import type { RateLimit } from '../../platform/rate-limits.js';
import { invalidCredentials } from './auth.errors.js';
import type { Passwords } from './passwords.js';
import type { Tokens } from './tokens.js';
import { findUserByEmail } from './users.repository.js';

/**
 * Signs in. Failures are counted per account (known or not, so the answer reveals nothing), and past the
 * limit even the right password is refused with 429 until the window passes: guessing cannot go on.
 */
export async function logIn(
  deps: { db: Queryable; passwords: Passwords; tokens: Tokens; loginFailures: RateLimit },
  input: LoginRequest,
): Promise<AuthResponse> {
  const account = input.email.toLowerCase(); // the contract has trimmed it
  await deps.loginFailures.check(account);
  const found = await findUserByEmail(deps.db, input.email);
  const matches = await deps.passwords.matches(input.password, found?.passwordHash ?? null);
  if (!found || !matches) {
    await deps.loginFailures.consume(account);
    throw invalidCredentials();
  }
  await deps.loginFailures.reset(account);
  return { token: deps.tokens.sign({ userId: found.user.id, role: found.user.role }), user: found.user };
}
