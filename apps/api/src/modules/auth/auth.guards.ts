import type { Access } from '@holdfast/contracts';
import type { RequestHandler } from 'express';
import { forbidden, unauthenticated } from './auth.errors.js';
import type { Tokens } from './tokens.js';

/** The middleware each access level needs, so routes declare access in the contract and nowhere else. */
export function createGuards(tokens: Tokens): Record<Access, RequestHandler[]> {
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
