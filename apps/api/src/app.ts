import cors from 'cors';
import express from 'express';
import swaggerUi from 'swagger-ui-express';
import type { Config } from './config.js';
import { mountAuthRoutes } from './modules/auth/auth.routes.js';
import { createGuards } from './modules/auth/auth.guards.js';
import { createPasswords, type Passwords } from './modules/auth/passwords.js';
import { createTokens } from './modules/auth/tokens.js';
import { mountBookingRoutes } from './modules/bookings/bookings.routes.js';
import { mountShowRoutes } from './modules/shows/shows.routes.js';
import { mountHealthRoute } from './platform/health.routes.js';
import type { Db } from './platform/db.js';
import type { DomainEvents } from './platform/events.js';
import { errorHandler, jsonBody, jsonOnly, routeNotFound } from './platform/http.js';
import type { Logger } from './platform/logger.js';
import { buildOpenApiDocument } from './platform/openapi.js';
import { createMount } from './platform/routing.js';

export interface AppDeps {
  db: Db;
  events: DomainEvents;
  config: Config;
  logger: Logger;
  passwords?: Passwords;
}

/** The express app without listen(): main.ts serves it, tests mount it on an ephemeral port. */
export function createApp({ db, events, config, logger, passwords = createPasswords(config.bcryptCost) }: AppDeps) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(cors({ origin: config.corsOrigins === '*' ? true : config.corsOrigins, maxAge: 600 }));

  const openApiDocument = buildOpenApiDocument();
  app.get('/api-docs.json', (_req, res) => {
    res.json(openApiDocument);
  });
  app.use('/api-docs', swaggerUi.serve, swaggerUi.setup(openApiDocument, { customSiteTitle: 'Holdfast API' }));

  app.use(jsonOnly, jsonBody);
  const tokens = createTokens(config.jwt.secret, config.jwt.expiresInSeconds);
  const router = express.Router();
  const mount = createMount(router, createGuards(tokens), { checkResponses: config.env !== 'production' });
  mountHealthRoute(mount, { db });
  mountAuthRoutes(mount, { db, passwords, tokens });
  mountShowRoutes(mount, { db, events });
  mountBookingRoutes(mount, { db, events, holdSeconds: config.bookingHoldSeconds });
  app.use(router);

  app.use(routeNotFound);
  app.use(errorHandler(logger));
  return app;
}
