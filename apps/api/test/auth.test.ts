import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createUser, uniqueEmail } from './support/factories.js';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from './support/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const register = (body: unknown) => app.http.post('/auth/register').send(body as object);
/** Claims our own tokens carry; the tokens below differ from a valid one in one respect each. */
const claims = { subject: '1', issuer: 'holdfast' };

describe('POST /auth/register', () => {
  it('when the input is valid, then it creates a user with role "user" and signs them in', async () => {
    const email = uniqueEmail();
    const response = await register({ name: 'Ada', email, password: 'long enough pw', role: 'admin' });

    expect(response.status).toBe(201);
    expect(response.body.user).toEqual({ id: expect.any(Number), name: 'Ada', email, role: 'user' });
    expect(JSON.stringify(response.body)).not.toMatch(/password/i);
    const me = await app.http.get('/auth/me').set(bearer(response.body.token));
    expect(me.body.user.email).toBe(email);
  });

  it('when the email is taken in another letter case, then it answers 409 EMAIL_TAKEN', async () => {
    const email = uniqueEmail();
    await register({ name: 'First', email, password: 'password-one' }).expect(201);
    const response = await register({ name: 'Second', email: email.toUpperCase(), password: 'password-two' });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('EMAIL_TAKEN');
  });

  it.each([
    ['a password under 8 characters', { name: 'A', email: uniqueEmail(), password: 'short' }],
    ['a password of 8 bytes but 4 characters', { name: 'A', email: uniqueEmail(), password: 'éééé' }],
    ['a password over 72 bytes', { name: 'A', email: uniqueEmail(), password: 'é'.repeat(37) }],
    ['a malformed email', { name: 'A', email: 'not-an-email', password: 'password123' }],
    ['an empty name', { name: '  ', email: uniqueEmail(), password: 'password123' }],
    ['a number for a name', { name: 42, email: uniqueEmail(), password: 'password123' }],
    ['no body at all', undefined],
  ])('when given %s, then it answers 400 VALIDATION_ERROR', async (_label, body) => {
    const response = await register(body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_ERROR');
  });
});

describe('POST /auth/login', () => {
  it('when the password is right, then it answers a token whatever the email case', async () => {
    const email = uniqueEmail();
    await register({ name: 'Lin', email, password: 'password123' }).expect(201);
    const response = await app.http.post('/auth/login').send({ email: email.toUpperCase(), password: 'password123' });
    expect(response.status).toBe(200);
    expect(response.body.user.email).toBe(email);
    const me = await app.http.get('/auth/me').set(bearer(response.body.token));
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(email);
  });

  it('when a 72-byte password gets a tail, then login refuses it with 400 instead of truncating', async () => {
    const email = uniqueEmail();
    const password = `${'é'.repeat(35)}ab`; // 72 bytes in UTF-8
    await register({ name: 'Ada', email, password }).expect(201);
    const withTail = await app.http.post('/auth/login').send({ email, password: `${password}tail` });
    expect(withTail.status).toBe(400);
    expect(withTail.body.error).toMatchObject({
      code: 'VALIDATION_ERROR',
      details: { fields: [{ path: 'password' }] },
    });
    expect((await app.http.post('/auth/login').send({ email, password })).status).toBe(200);
  });

  it('when the password is wrong or the email unknown, then both get the same 401', async () => {
    const email = uniqueEmail();
    await register({ name: 'Kim', email, password: 'password123' }).expect(201);
    const wrongPassword = await app.http.post('/auth/login').send({ email, password: 'password124' });
    const unknownEmail = await app.http.post('/auth/login').send({ email: uniqueEmail(), password: 'password123' });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknownEmail.body);
  });
});

describe('GET /auth/me', () => {
  it('when signed in, then it answers the user without any password field', async () => {
    const { user, token } = await createUser(app);
    const response = await app.http.get('/auth/me').set(bearer(token));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ user });
  });

  it.each([
    ['no token', undefined],
    ['a garbage token', 'Bearer not.a.jwt'],
    [
      'a token signed with another secret',
      `Bearer ${jwt.sign({ role: 'user' }, 'another-secret-0123456789', { subject: '1', issuer: 'holdfast' })}`,
    ],
    [
      'an expired token',
      `Bearer ${jwt.sign({ role: 'user', exp: Math.floor(Date.now() / 1000) - 60 }, TEST_JWT_SECRET, claims)}`,
    ],
    [
      'an unsigned (alg none) token',
      `Bearer ${jwt.sign({ role: 'admin' }, '', { algorithm: 'none', subject: '1', issuer: 'holdfast' })}`,
    ],
    [
      'a token of a deleted account',
      `Bearer ${jwt.sign({ role: 'user' }, TEST_JWT_SECRET, { ...claims, subject: '2147483647', expiresIn: 60 })}`,
    ],
    ['a rightly signed token with no exp', `Bearer ${jwt.sign({ role: 'user' }, TEST_JWT_SECRET, claims)}`],
  ])('when sent %s, then it answers 401 UNAUTHENTICATED', async (_label, header) => {
    const request = app.http.get('/auth/me');
    const response = await (header ? request.set('Authorization', header) : request);
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
  });
});
