import { endpoints } from '@holdfast/contracts';
import express, { type RequestHandler } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from './errors.js';
import type { ErrorReporter } from './error-reporter.js';
import { errorHandler, routeNotFound } from './http.js';
import type { Metrics } from './metrics.js';
import type { Mount } from './routing.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * The `operator` access level: `Authorization: Bearer <METRICS_TOKEN>` when a token is configured, nothing
 * otherwise. Compared in constant time over digests, so neither the token's content nor its length leaks.
 */
export function operatorGuard(token: string | null): RequestHandler[] {
  if (token === null) return [];
  const expected = digest(token);
  const requireToken: RequestHandler = (req, _res, next) => {
    const [scheme, given] = (req.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !given || !timingSafeEqual(digest(given), expected)) {
      throw new AppError('UNAUTHENTICATED', 'Send Authorization: Bearer <METRICS_TOKEN> to read the metrics', 401);
    }
    next();
  };
  return [requireToken];
}

export function mountMetricsRoutes(mount: Mount, deps: { metrics: Metrics }) {
  mount(endpoints.metrics, async ({ header }) => {
    const { contentType, text } = await deps.metrics.render();
    header('Content-Type', contentType);
    return text;
  });
}

/**
 * METRICS_PORT's server: GET /metrics alone, under the same token rule, for a port kept off the public network.
 * It counts against no request quota: only the scraper reaches it.
 */
export function createMetricsApp(deps: { metrics: Metrics; token: string | null; reporter: ErrorReporter }) {
  const app = express();
  app.disable('x-powered-by');
  app.get(endpoints.metrics.path, ...operatorGuard(deps.token), async (_req, res) => {
    const { contentType, text } = await deps.metrics.render();
    res.type(contentType).send(text);
  });
  app.use(routeNotFound);
  app.use(errorHandler(deps.reporter));
  return app;
}
