import jwt from 'jsonwebtoken';

/**
 * A token as the API signs one (apps/api/src/modules/auth/tokens.ts: HS256, issuer holdfast, subject = user id,
 * role claim), with the secret the bench gives the API. main.ts checks one against /auth/me before measuring,
 * so a drift shows as a clear failure rather than a table of 401s.
 */
export function signToken(secret: string, userId: number): string {
  return jwt.sign({ role: 'user' }, secret, {
    algorithm: 'HS256',
    expiresIn: 4 * 3600,
    subject: String(userId),
    issuer: 'holdfast',
  });
}
