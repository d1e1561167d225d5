import jwt from 'jsonwebtoken';
import { createSecretKey } from 'node:crypto';
import type { AuthUser } from '../../platform/auth-user.js';
import { unauthenticated } from './auth.errors.js';

export interface Tokens {
  sign(user: AuthUser): string;
  verify(token: string): AuthUser;
}

const ALGORITHM = 'HS256';
const ISSUER = 'holdfast';

/** The algorithm is pinned on both sides, so a token cannot choose `none` or another key type. */
export function createTokens(secret: string, expiresInSeconds: number): Tokens {
  // A KeyObject made once: given a string, jsonwebtoken first tries (and fails) to parse it as a public key on
  // every call, which cost 15% of the API's CPU under booking load.
  const key = createSecretKey(Buffer.from(secret, 'utf8'));
  return {
    sign: ({ userId, role }) =>
      jwt.sign({ role }, key, {
        algorithm: ALGORITHM,
        expiresIn: expiresInSeconds,
        subject: String(userId),
        issuer: ISSUER,
      }),
    verify(token) {
      let payload: jwt.JwtPayload | string;
      try {
        payload = jwt.verify(token, key, { algorithms: [ALGORITHM], issuer: ISSUER });
      } catch (error) {
        const expired = error instanceof jwt.TokenExpiredError;
        throw unauthenticated(expired ? 'Your session has expired: sign in again' : 'The access token is invalid');
      }
      if (typeof payload !== 'object') throw unauthenticated('The access token is invalid');
      // jsonwebtoken accepts a token without `exp`; a token that never expires would be a key for ever.
      const userId = Number(payload.sub);
      const role: unknown = payload.role;
      if (typeof payload.exp !== 'number' || !Number.isInteger(userId) || (role !== 'admin' && role !== 'user')) {
        throw unauthenticated('The access token is invalid');
      }
      return { userId, role };
    },
  };
}
