import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { book, createShow, createUser, uniqueEmail } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({
    RATE_LIMITS: 'on',
    LOGIN_FAILURES_MAX: '10',
    AUTH_REQUESTS_PER_IP_PER_MINUTE: '40',
    BOOKING_ATTEMPTS_PER_USER_PER_MINUTE: '5',
    // Attempts are counted whatever their answer; without the cap each of them holds a place, which shows.
    MAX_ACTIVE_HOLDS_PER_USER_PER_SHOW: '0',
  });
});
afterAll(() => app.close());

const logIn = (email: string, password: string) => app.http.post('/auth/login').send({ email, password });

describe('login failures per account', () => {
  it('when 10 wrong passwords were tried, then even the right one gets 429 with Retry-After', async () => {
    const email = uniqueEmail();
    await app.http.post('/auth/register').send({ name: 'Mo', email, password: 'right-password' }).expect(201);
    for (let i = 0; i < 10; i++) expect((await logIn(email, `wrong-${i}-password`)).status).toBe(401);

    const locked = await logIn(email, 'right-password');
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('RATE_LIMITED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800); // most of the 15-minute window
    const { rows } = await app.db.query<{ points: number }>('SELECT points FROM rate_limits WHERE key LIKE $1', [
      `login-failures:${email}`,
    ]);
    expect(rows[0]?.points).toBe(10);
  });

  it('when a login succeeds, then earlier failures are forgotten', async () => {
    const email = uniqueEmail();
    await app.http.post('/auth/register').send({ name: 'Jo', email, password: 'right-password' }).expect(201);
    for (let i = 0; i < 9; i++) await logIn(email, 'wrong-password');
    expect((await logIn(email, 'right-password')).status).toBe(200);
    for (let i = 0; i < 9; i++) expect((await logIn(email, 'wrong-password')).status).toBe(401);
    expect((await logIn(email, 'right-password')).status).toBe(200);
  });
});

describe('requests per address and per user', () => {
  it('when one user keeps pressing Book, then attempts past the limit get 429 and hold nothing', async () => {
    const { token } = await createUser(app);
    const show = await createShow(app, { totalSlots: 50 });
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await book(app, token, show.id)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
    expect((await book(app, token, show.id)).headers['retry-after']).toMatch(/^\d+$/);
    const { rows } = await app.db.query<{ held: number }>(
      'SELECT count(*)::int AS held FROM bookings WHERE show_id = $1',
      [show.id],
    );
    expect(rows[0]!.held).toBe(5);
  });

  it('when one address sends more sign-ins than allowed in a minute, then exactly the rest get 429', async () => {
    // The API trusts X-Forwarded-For from loopback (a local proxy), so this is one distinct client address.
    const client = { 'x-forwarded-for': '203.0.113.7' };
    const attempts = Array.from({ length: 45 }, () =>
      app.http.post('/auth/login').set(client).send({ email: uniqueEmail(), password: 'any-password' }),
    );
    const statuses = (await Promise.all(attempts)).map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(40);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    const otherClient = { 'x-forwarded-for': '203.0.113.8' };
    expect((await app.http.post('/auth/login').set(otherClient).send({ email: 'a@b.co', password: 'x' })).status).toBe(
      401,
    );
  });
});
