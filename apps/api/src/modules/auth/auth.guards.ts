import type { Access } from '@holdfast/contracts';
import type { RequestHandler } from 'express';
import { forbidden, unauthenticated } from './auth.errors.js';
import type { Tokens } from './tokens.js';

/**
 * The middleware each access level of people needs, so routes declare access in the contract and nowhere else;
 * `operator` is monitoring's (platform/metrics.routes.ts).
 */
export function createGuards(tokens: Tokens): Record<Exclude<Access, 'operator'>, RequestHandler[]> {
  const requireUser: RequestHandler = (req, _res, next) => {
    const header = req.headers.authorization ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw unauthenticated();
    req.auth = tokens.verify(token);
    next();
  };
  const requireAdmin: RequestHandler = (req, _res, next) => {
    if (req.auth?.role !== 'admin') throw forbidden();
    next();
  };
  return { public: [], user: [requireUser], admin: [requireUser, requireAdmin] };
}
