import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/platform/logger.js';
import { bearer, createShow, createUser } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Every line the process logger writes, parsed: a pino destination stream, as stdout would get them. */
const lines: Record<string, unknown>[] = [];
const destination = { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) };

let app: TestApp;
beforeAll(async () => {
  // debug: platform/db.ts logs each query, through the process logger, not through the request's.
  app = await startTestApp({}, { logger: createLogger('debug', destination) });
});
afterAll(() => app.close());

describe('X-Request-Id', () => {
  it('when a sane id is sent, then the answer carries the same id', async () => {
    for (const id of ['abc-123', '5f0c6a1e9b7d4c2a8e3f1b0d9c8a7e6f', 'Root=1-5759e988-bd862e3f:x.y/z+']) {
      const response = await app.http.get('/health/live').set('X-Request-Id', id);
      expect(response.headers['x-request-id']).toBe(id);
    }
  });

  it('when none is sent, then a new UUID is made, different each time', async () => {
    const [first, second] = await Promise.all([app.http.get('/health/live'), app.http.get('/health/live')]);
    expect(first.headers['x-request-id']).toMatch(UUID);
    expect(second.headers['x-request-id']).toMatch(UUID);
    expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id']);
  });

  it('when the id sent is too long or has unsafe characters, then it is replaced by a UUID', async () => {
    for (const id of ['x'.repeat(129), 'has space', '<script>', 'quote"d', '', 'semi;colon']) {
      const response = await app.http.get('/health/live').set('X-Request-Id', id);
      expect(response.headers['x-request-id'], id).toMatch(UUID);
    }
  });

  it('when the answer is an error or a 404, then it carries the id too, and CORS lets a browser read it', async () => {
    const unauthenticated = await app.http.get('/bookings/my-bookings').set('X-Request-Id', 'err-1');
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers['x-request-id']).toBe('err-1');
    const missing = await app.http.get('/nowhere').set('X-Request-Id', 'err-2').set('origin', 'https://web.example');
    expect(missing.status).toBe(404);
    expect(missing.headers['x-request-id']).toBe('err-2');
    expect(missing.headers['access-control-expose-headers']).toMatch(/\bX-Request-Id\b/);
  });
});

describe('log lines', () => {
  it('when a request is served, then each line written for it (queries, the request log) carries its id', async () => {
    const { token } = await createUser(app);
    lines.length = 0;
    await app.http.get('/bookings/my-bookings').set(bearer(token)).set('X-Request-Id', 'trace-42').expect(200);

    const ofRequest = lines.filter((line) => line.reqId === 'trace-42');
    const queries = ofRequest.filter((line) => line.msg === 'query');
    expect(queries.length).toBeGreaterThanOrEqual(1);
    const requestLine = ofRequest.find((line) => line.msg === 'request completed');
    expect(requestLine).toMatchObject({
      req: { id: 'trace-42', method: 'GET', url: '/bookings/my-bookings' },
      res: { statusCode: 200 },
    });
    // Nothing else was running: every line of this moment is the request's own.
    expect(lines.filter((line) => line.reqId !== 'trace-42')).toEqual([]);
    // Never the token (nor any header) in the logs.
    expect(JSON.stringify(lines)).not.toContain(token);
  });

  it('when bookings share a batch, then no line names a request after it was answered', async () => {
    const show = await createShow(app, { totalSlots: 100 });
    const users = await Promise.all(Array.from({ length: 8 }, () => createUser(app)));
    lines.length = 0;
    const ids = users.map((_, i) => `batch-${i}`);
    const answers = await Promise.all(
      users.map(({ token }, i) =>
        app.http.post('/bookings').set(bearer(token)).set('X-Request-Id', ids[i]!).send({ showId: show.id }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(users.map(() => 201));

    const answeredAt = new Map<unknown, number>();
    lines.forEach((line, at) => {
      if (line.msg === 'request completed') answeredAt.set(line.reqId, at);
    });
    expect([...answeredAt.keys()].sort()).toEqual([...ids].sort());
    lines.forEach((line, at) => {
      if (line.reqId !== undefined) expect(at, JSON.stringify(line)).toBeLessThanOrEqual(answeredAt.get(line.reqId)!);
    });
  });

  it('when a line is written outside any request, then it has no request id', async () => {
    lines.length = 0;
    await app.db.query('SELECT 1');
    // Only this query's line: an earlier test's change may be broadcast (its read logged) meanwhile.
    const mine = lines.filter((line) => line.sql === 'SELECT 1');
    expect(mine).toEqual([expect.objectContaining({ msg: 'query' })]);
    expect(mine[0]).not.toHaveProperty('reqId');
  });

  it('when a request fails unexpectedly, then the error report and the 500 body name the same id', async () => {
    lines.length = 0;
    // A reporter line is written by the process logger too; a 500 is forced through an unknown error.
    const failing = app.db.query;
    app.db.query = () => Promise.reject(new Error('boom'));
    try {
      const response = await app.http.get('/shows/1').set('X-Request-Id', 'fail-7');
      expect(response.status).toBe(500);
      expect(response.body.error.message).toContain('fail-7');
    } finally {
      app.db.query = failing;
    }
    expect(lines.find((line) => line.msg === 'http failed')).toMatchObject({ reqId: 'fail-7', source: 'http' });
  });
});
