import { validate } from '@readme/openapi-parser';
import { endpoints, errorBodySchema, MAX_ERROR_MESSAGE_LENGTH } from '@holdfast/contracts';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createDb } from '../src/platform/db.js';
import { createDomainEvents } from '../src/platform/events.js';
import { createErrorReporter } from '../src/platform/error-reporter.js';
import { createLogger } from '../src/platform/logger.js';
import { bearer, createUser } from './support/factories.js';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from './support/test-app.js';
import supertest from 'supertest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const sourceDir = fileURLToPath(new URL('../src', import.meta.url));

let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await startTestApp();
  token = (await createUser(app)).token;
});
afterAll(() => app.close());

describe('malformed requests get a clear 4xx, never a 5xx or a stack trace', () => {
  it('when the JSON is broken, then 400 INVALID_JSON', async () => {
    const response = await app.http
      .post('/bookings')
      .set(bearer(token))
      .set('content-type', 'application/json')
      .send('{"showId": 1,');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code: 'INVALID_JSON', message: expect.any(String) } });
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/xml'])(
    'when the body is sent as %s, then 415',
    async (type) => {
      const response = await app.http.post('/auth/login').set('content-type', type).send('email=a@b.c&password=x');
      expect(response.status).toBe(415);
      expect(response.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    },
  );

  it('when the body is larger than 16 kB, then 413', async () => {
    const response = await app.http
      .post('/auth/register')
      .send({ name: 'x'.repeat(20_000), email: 'a@b.co', password: 'password123' });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('when the top-level JSON is not an object, then 400', async () => {
    for (const body of ['[]', '"text"', '42', 'null']) {
      const response = await app.http
        .post('/bookings')
        .set(bearer(token))
        .set('content-type', 'application/json')
        .send(body);
      expect(response.status, body).toBe(400);
    }
  });

  it('when a route that reads no body gets broken JSON anyway, then 400 INVALID_JSON, as documented', async () => {
    const response = await app.http.get('/shows').set('content-type', 'application/json').send('{"oops":');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_JSON');
    const document = (await app.http.get('/api-docs.json')).body;
    expect(document.paths['/shows'].get.responses['400'].description).toContain('INVALID_JSON');
  });

  it('when the message would quote a very long request, then it is cut to the length the contract allows', async () => {
    const response = await app.http.get(`/${'x'.repeat(5000)}`);
    expect(response.status).toBe(404);
    expect(errorBodySchema.safeParse(response.body).success).toBe(true);
    expect(response.body.error.message.length).toBe(MAX_ERROR_MESSAGE_LENGTH);
  });

  it('when the route does not exist, then 404 in the same error shape', async () => {
    const response = await app.http.get('/nowhere');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });

  it('when a request is refused, then the error it gets carries no stack trace', async () => {
    const response = await app.http.post('/bookings').set(bearer(token)).send({ showId: 'drop table' });
    expect(response.status).toBe(400);
    expect(response.body.error).not.toHaveProperty('stack');
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.ts:\d+|node_modules/);
  });
});

describe('security headers', () => {
  it.each(['/shows', '/api-docs/', '/no-such-route'])(
    'when %s answers, then it carries helmet headers',
    async (path) => {
      const response = await app.http.get(path);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['x-powered-by']).toBeUndefined();
    },
  );
});

describe('GET /health', () => {
  it('when the database answers, then 200', async () => {
    const response = await app.http.get('/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('when the database does not answer, then 503', async () => {
    const logger = createLogger('silent');
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
      JWT_SECRET: TEST_JWT_SECRET,
    });
    const db = createDb(config.databaseUrl, logger);
    const reporter = createErrorReporter(logger);
    const response = await supertest(createApp({ db, events: createDomainEvents(), config, reporter })).get('/health');
    expect(response.status).toBe(503);
    expect(response.body.error.code).toBe('DATABASE_UNAVAILABLE');
    await db.close();
  });
});

describe('OpenAPI document and Swagger UI', () => {
  it('when fetched, then /api-docs.json is a valid OpenAPI 3 document with the bearer scheme', async () => {
    const document = (await app.http.get('/api-docs.json').expect(200)).body;
    expect(document.openapi).toMatch(/^3\./);
    const result = await validate(structuredClone(document));
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.paths['/bookings'].post.responses['409']).toBeDefined();
  });

  it('when compared with the mounted routes, then every route is documented and nothing else is', async () => {
    const document = (await app.http.get('/api-docs.json')).body as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(document.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`))
      .sort();
    const mounted = mountedRoutes(createApp(app))
      .map(({ method, path }) => `${method} ${path.replace(/:(\w+)/g, '{$1}')}`)
      .sort();
    expect(mounted).toEqual(documented);
    expect(mounted).toHaveLength(Object.keys(endpoints).length);
  });

  it('when the API can send an error code, then some response of the document names it', async () => {
    const documented = JSON.stringify((await app.http.get('/api-docs.json')).body.paths);
    const sent = new Set<string>();
    for (const file of readdirSync(sourceDir, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
      const source = readFileSync(join(sourceDir, file), 'utf8');
      for (const [, code] of source.matchAll(/new AppError\(\s*'([A-Z][A-Z0-9_]*)'/g)) sent.add(code!);
    }
    sent.delete('NOT_FOUND'); // a path that no route has, so no operation of the document can name it
    expect(sent.size).toBeGreaterThan(15);
    expect([...sent].filter((code) => !new RegExp(`\\b${code}\\b`).test(documented))).toEqual([]);
  });

  it('when a person opens /api-docs/, then Swagger UI is served', async () => {
    const response = await app.http.get('/api-docs/');
    expect(response.status).toBe(200);
    expect(response.text).toContain('swagger-ui');
  });
});

/** The routes on the app's router stack, excluding docs and middleware. */
function mountedRoutes(expressApp: express.Express) {
  type Layer = { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };
  const routes: { method: string; path: string }[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) routes.push({ method, path: layer.route.path });
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((expressApp as unknown as { router: { stack: Layer[] } }).router.stack);
  return routes.filter(({ path }) => !path.startsWith('/api-docs'));
}
