import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createDb } from '../src/platform/db.js';
import { createErrorReporter } from '../src/platform/error-reporter.js';
import { createDomainEvents } from '../src/platform/events.js';
import { createLogger } from '../src/platform/logger.js';
import { bearer, createShow, createUser } from './support/factories.js';
import { redisServerAvailable, startThrowawayRedis, type ThrowawayRedis } from './support/redis-server.js';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from './support/test-app.js';

const QUOTA = 20;
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ RATE_LIMITS: 'on', REQUESTS_PER_IP_PER_MINUTE: String(QUOTA) });
});
afterAll(() => app.close());

// The API trusts X-Forwarded-For from loopback (a local proxy), so each test speaks as its own client address.
const from = (address: string) => ({ 'x-forwarded-for': address });
const remaining = (header: string | undefined) => Number(/;r=(\d+);/.exec(header ?? '')?.[1]);

describe('the per-address request quota', () => {
  it('when a client calls any route, then each answer announces the policy and what is left, 4xx too', async () => {
    const client = from('198.51.100.1');
    const { token } = await createUser(app);
    const answers = [
      await app.http.get('/shows').set(client).set('origin', 'https://elsewhere.example'),
      await app.http.get('/auth/me').set(client),
      await app.http.get('/auth/me').set(client).set(bearer(token)),
      await app.http.post('/bookings').set(client).set(bearer(token)).send({ showId: 'x' }),
      await app.http.get('/no-such-route').set(client),
    ];

    expect(answers.map((a) => a.status)).toEqual([200, 401, 200, 400, 404]);
    for (const answer of answers) expect(answer.headers['ratelimit-policy']).toBe(`"per-address";q=${QUOTA};w=60`);
    expect(answers.map((a) => remaining(a.headers.ratelimit))).toEqual([19, 18, 17, 16, 15]);
    expect(answers[0]!.headers.ratelimit).toMatch(/^"per-address";r=19;t=([1-9]|[1-5]\d|60)$/);
    expect(answers[0]!.headers['access-control-allow-origin']).toBe('*'); // CORS_ORIGIN=*: never an echo
  });

  it('when one address goes over the quota, then every route answers 429 with Retry-After; others go on', async () => {
    const client = from('198.51.100.2');
    for (let i = 0; i < QUOTA; i++) expect((await app.http.get('/health/live').set(client)).status).toBe(200);

    for (const path of ['/health/live', '/shows', '/api-docs.json']) {
      const refused = await app.http.get(path).set(client);
      expect(refused.status, path).toBe(429);
      expect(refused.body.error.code).toBe('RATE_LIMITED');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect(remaining(refused.headers.ratelimit)).toBe(0);
    }
    expect((await app.http.get('/shows').set(from('198.51.100.3'))).status).toBe(200);
  });

  it('when the database does not answer, then the quota still counts: it never asks PostgreSQL', async () => {
    const logger = createLogger('silent');
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
      JWT_SECRET: TEST_JWT_SECRET,
      REQUESTS_PER_IP_PER_MINUTE: '1',
    });
    const db = createDb(config.databaseUrl, logger);
    const offline = supertest(
      createApp({ db, events: createDomainEvents(), config, reporter: createErrorReporter(logger) }),
    );

    const first = await offline.get('/health/live');
    expect(first.status).toBe(200);
    expect(first.headers.ratelimit).toMatch(/^"per-address";r=0;t=\d+$/);
    expect((await offline.get('/health/live')).status).toBe(429);
    await db.close();
  });

  it('when RATE_LIMITS=off, then no quota is counted or announced', async () => {
    const unlimited = await startTestApp({ RATE_LIMITS: 'off', REQUESTS_PER_IP_PER_MINUTE: '1' });
    try {
      const answers = [await unlimited.http.get('/health/live'), await unlimited.http.get('/health/live')];
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      expect(answers[1]!.headers).not.toHaveProperty('ratelimit');
      expect(answers[1]!.headers).not.toHaveProperty('ratelimit-policy');
    } finally {
      await unlimited.close();
    }
  });
});

describe('the headers the OpenAPI document declares on every response', () => {
  it('when a browser calls from another origin, then the answer carries each one, in its documented form', async () => {
    const document = (await app.http.get('/api-docs.json').set(from('198.51.100.4'))).body;
    const declared: Record<string, { schema: { pattern: string; maxLength: number } }> =
      document.paths['/shows'].get.responses['200'].headers;
    // Two shows and a page of one, so that the Link to the next page is there too.
    await createShow(app);
    await createShow(app);
    const answer = await app.http
      .get('/shows?limit=1')
      .set(from('198.51.100.4'))
      .set('origin', 'https://elsewhere.example');

    expect(Object.keys(declared).sort()).toEqual([
      'Access-Control-Allow-Origin',
      'ETag',
      'Link',
      'RateLimit',
      'RateLimit-Policy',
      'X-Request-Id',
    ]);
    for (const [name, { schema }] of Object.entries(declared)) {
      const value = answer.headers[name.toLowerCase()] as string | undefined;
      expect(value, name).toMatch(new RegExp(schema.pattern));
      expect(value!.length, name).toBeLessThanOrEqual(schema.maxLength);
    }
    expect(answer.headers['access-control-allow-origin']).toBe('*');
  });
});

describe.runIf(redisServerAvailable())('the per-address quota with REDIS_URL', () => {
  let redis: ThrowawayRedis;
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    redis = await startThrowawayRedis();
    const env = { RATE_LIMITS: 'on', REQUESTS_PER_IP_PER_MINUTE: '6', REDIS_URL: redis.url };
    first = await startTestApp(env);
    second = await startTestApp(env, { sameDatabaseAs: first });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await redis?.stop();
  });

  it('when one address calls two instances, then they count it together; Redis gone, each alone', async () => {
    const client = from('203.0.113.7');
    const statuses = [];
    for (let i = 0; i < 8; i++)
      statuses.push((await (i % 2 ? second : first).http.get('/health/live').set(client)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429]);

    await redis.stop();
    // Redis gone: each instance counts in its own memory (the insurance limiter) rather than refuse or wait.
    const alone = from('203.0.113.8');
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push(await first.http.get('/health/live').set(alone));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200, 429]);
  });
});
