import { Writable } from 'node:stream';
import { pino } from 'pino';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createDb } from '../src/platform/db.js';
import { createErrorReporter } from '../src/platform/error-reporter.js';
import { createDomainEvents } from '../src/platform/events.js';
import { book, createShow, createUser } from './support/factories.js';
import { holdShowLock } from './support/foreign-session.js';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from './support/test-app.js';

let app: TestApp;
let token: string;
beforeAll(async () => {
  // A short lock_timeout keeps the test quick; the default (2 s) is the same code path.
  // Many bookings of one user on one show pile up behind the stuck lock; the hold cap has its own tests.
  app = await startTestApp({ DB_LOCK_TIMEOUT_MS: '500', MAX_ACTIVE_HOLDS_PER_USER_PER_SHOW: '0' });
  token = (await createUser(app)).token;
});
afterAll(() => app.close());

describe('a show whose row lock is stuck', () => {
  it('when more people book it than the pool holds, then they get 503 BUSY and others still book', async () => {
    const [stuck, other] = [await createShow(app, { totalSlots: 50 }), await createShow(app, { totalSlots: 50 })];
    const release = await holdShowLock(app.databaseUrl, stuck.id);
    try {
      // 40 requests on the stuck show: more than the test pool's 30 connections.
      const refusedAll = Promise.all(Array.from({ length: 40 }, () => book(app, token, stuck.id)));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const started = Date.now();
      const accepted = await Promise.all(Array.from({ length: 10 }, () => book(app, token, other.id)));
      const otherShowMs = Date.now() - started;
      const refused = await refusedAll;

      expect(accepted.map((r) => r.status)).toEqual(Array(10).fill(201));
      expect(otherShowMs).toBeLessThan(1_000); // they never waited behind the stuck show
      expect(refused.map((r) => r.status)).toEqual(Array(40).fill(503));
      expect(refused[0]!.body.error.code).toBe('BUSY');
      expect(refused[0]!.headers['retry-after']).toBe('1');
    } finally {
      await release();
    }
    // Nothing was held for the refused requests, and the pool is whole again.
    expect((await book(app, token, stuck.id)).status).toBe(201);
  });
});

function capturingLogger() {
  const lines: { level: number; msg: string }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as { level: number; msg: string });
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

describe('a database that does not answer', () => {
  // Nothing listens on port 1: every connection attempt is refused at once.
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
    JWT_SECRET: TEST_JWT_SECRET,
  });

  it('when requests arrive, then each gets 503 DATABASE_UNAVAILABLE with Retry-After, logged once', async () => {
    const { logger, lines } = capturingLogger();
    const db = createDb(config.databaseUrl, logger, config.db);
    const http = supertest(
      createApp({ db, events: createDomainEvents(), config, reporter: createErrorReporter(logger) }),
    );
    try {
      const responses = await Promise.all(Array.from({ length: 8 }, () => http.get('/shows')));
      for (const response of responses) {
        expect(response.status).toBe(503);
        expect(response.body.error.code).toBe('DATABASE_UNAVAILABLE');
        expect(response.headers['retry-after']).toBe('2');
      }
      expect(lines.filter((line) => line.msg.startsWith('database unavailable'))).toHaveLength(1);
      expect(lines.filter((line) => line.level >= 50 && line.msg !== lines[0]!.msg)).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('when /health is asked, then it answers 503 within 1 s, and /health/live still answers 200', async () => {
    const db = createDb(config.databaseUrl, pino({ level: 'silent' }), config.db);
    const http = supertest(
      createApp({ db, events: createDomainEvents(), config, reporter: createErrorReporter(pino({ level: 'silent' })) }),
    );
    try {
      const started = Date.now();
      const health = await http.get('/health');
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(health.status).toBe(503);
      expect(health.body.error.code).toBe('DATABASE_UNAVAILABLE');
      expect((await http.get('/health/live')).body).toEqual({ status: 'ok' });
    } finally {
      await db.close();
    }
  });
});

describe('/health while the pool is busy', () => {
  it('when every pooled connection waits on a stuck lock, then /health still answers 200 within 1 s', async () => {
    const show = await createShow(app, { totalSlots: 100 });
    const release = await holdShowLock(app.databaseUrl, show.id);
    try {
      const waiting = Promise.all(Array.from({ length: 40 }, () => book(app, token, show.id)));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const started = Date.now();
      const health = await app.http.get('/health');
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(health.status).toBe(200);
      expect((await waiting).every((r) => r.status === 503)).toBe(true);
    } finally {
      await release();
    }
  });
});
