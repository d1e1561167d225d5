// The auth module's public face: what the composition root and other modules may use.
export { createGuards } from './auth.guards.js';
export { mountAuthRoutes } from './auth.routes.js';
export { ensureAdmin } from './ensure-admin.js';
export { getUsersById } from './get-users.js';
export { createPasswords, type Passwords } from './passwords.js';
export { createTokens, type Tokens } from './tokens.js';
