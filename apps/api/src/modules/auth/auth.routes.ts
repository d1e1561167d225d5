import { endpoints } from '@holdfast/contracts';
import type { Queryable } from '../../platform/db.js';
import type { RateLimit } from '../../platform/rate-limits.js';
import type { Mount } from '../../platform/routing.js';
import { getCurrentUser } from './get-current-user.js';
import { logIn } from './log-in.js';
import type { Passwords } from './passwords.js';
import { registerUser } from './register-user.js';
import type { Tokens } from './tokens.js';

export function mountAuthRoutes(
  mount: Mount,
  deps: { db: Queryable; passwords: Passwords; tokens: Tokens; loginFailures: RateLimit },
) {
  mount(endpoints.register, ({ body }) => registerUser(deps, body));
  mount(endpoints.login, ({ body }) => logIn(deps, body));
  mount(endpoints.me, ({ auth }) => getCurrentUser(deps, auth));
}
