import { IDEMPOTENT_REPLAYED_HEADER } from '@holdfast/contracts';
import type { RequestHandler } from 'express';
import { UNMATCHED_ROUTE, type Metrics } from './metrics.js';

/**
 * Times every answer by its route's template (`/shows/:id`): raw URLs would make a series per id. An answer no
 * route gave (404, a refusal in front of the routes) counts under UNMATCHED_ROUTE. The error handler leaves the
 * answer's error code in res.locals.errorCode.
 */
export const observeRequests =
  (metrics: Metrics): RequestHandler =>
  (req, res, next) => {
    const started = performance.now();
    res.once('finish', () => {
      const route = (req.route as { path?: unknown } | undefined)?.path;
      metrics.requestServed({
        method: req.method,
        route: typeof route === 'string' ? route : UNMATCHED_ROUTE,
        status: res.statusCode,
        errorCode: res.locals.errorCode as string | undefined,
        replayed: res.getHeader(IDEMPOTENT_REPLAYED_HEADER) === 'true',
        seconds: (performance.now() - started) / 1000,
      });
    });
    next();
  };
