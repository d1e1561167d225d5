import type { Role } from '@holdfast/contracts';
import jwt from 'jsonwebtoken';
import { unauthenticated } from './auth.errors.js';

export interface AuthUser {
  userId: number;
  role: Role;
}

export interface Tokens {
  sign(user: AuthUser): string;
  verify(token: string): AuthUser;
}

const ALGORITHM = 'HS256';
const ISSUER = 'holdfast';

/** The algorithm is pinned on both sides, so a token cannot choose `none` or another key type. */
export function createTokens(secret: string, expiresInSeconds: number): Tokens {
  return {
    sign: ({ userId, role }) =>
      jwt.sign({ role }, secret, { algorithm: ALGORITHM, expiresIn: expiresInSeconds, subject: String(userId), issuer: ISSUER }),
    verify(token) {
      let payload: jwt.JwtPayload | string;
      try {
        payload = jwt.verify(token, secret, { algorithms: [ALGORITHM], issuer: ISSUER });
      } catch (error) {
        const expired = error instanceof jwt.TokenExpiredError;
        throw unauthenticated(expired ? 'Your session has expired: sign in again' : 'The access token is invalid');
      }
      const userId = typeof payload === 'object' ? Number(payload.sub) : Number.NaN;
      const role = typeof payload === 'object' ? payload.role : undefined;
      if (!Number.isInteger(userId) || (role !== 'admin' && role !== 'user')) throw unauthenticated('The access token is invalid');
      return { userId, role };
    },
  };
}
