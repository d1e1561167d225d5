import { databaseServer, freePort } from '@holdfast/embedded-db';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';

/**
 * `pnpm start:api` as acceptance checks run it: the built bundle, NODE_ENV=production, a fresh empty database,
 * configuration from the environment only.
 */
const bundle = new URL('../dist/main.js', import.meta.url).pathname;
let child: ChildProcess;
let baseUrl: string;
let output = '';
let databaseName: string;
const server = databaseServer(inject('databaseServerUrl'));

beforeAll(async () => {
  if (!existsSync(bundle)) throw new Error('apps/api/dist/main.js is missing: run `pnpm build` first (npm test does)');
  databaseName = `holdfast_start_${randomBytes(4).toString('hex')}`;
  await server.createDatabase(databaseName);
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, [bundle], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: server.urlFor(databaseName),
      JWT_SECRET: 'start-api-test-secret',
      ADMIN_EMAIL: 'Boss@Example.com',
      ADMIN_PASSWORD: 'admin-password-1',
      BOOKING_HOLD_SECONDS: '1',
      EXPIRY_SWEEP_CRON: '* * * * * *',
    },
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  for (let attempt = 0; ; attempt++) {
    if (await fetch(`${baseUrl}/health`).then((r) => r.ok, () => false)) break;
    if (attempt > 150 || child.exitCode !== null) throw new Error(`API did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});

afterAll(async () => {
  child?.kill('SIGTERM');
  await new Promise((resolve) => child?.once('exit', resolve));
  await server.dropDatabase(databaseName);
});

const json = (path: string, init: RequestInit & { token?: string; body?: string } = {}) =>
  fetch(`${baseUrl}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
  }).then(async (r) => ({ status: r.status, body: r.status === 204 ? null : await r.json() }));

describe('the built API started the way production starts it', () => {
  it('when started on an empty database, then it migrated, made the admin, and a whole booking works end to end', async () => {
    const admin = await json('/auth/login', { method: 'POST', body: JSON.stringify({ email: 'boss@example.com', password: 'admin-password-1' }) });
    expect(admin.status).toBe(200);
    expect(admin.body.user.role).toBe('admin');

    const show = await json('/shows', {
      method: 'POST',
      token: admin.body.token,
      body: JSON.stringify({ name: 'Launch night', startTime: new Date(Date.now() + 3_600_000).toISOString(), totalSlots: 2 }),
    });
    expect(show.status).toBe(201);

    const user = await json('/auth/register', { method: 'POST', body: JSON.stringify({ name: 'Pat', email: 'pat@example.com', password: 'patient-pw-1' }) });
    const hold = await json('/bookings', { method: 'POST', token: user.body.token, body: JSON.stringify({ showId: show.body.id, quantity: 2 }) });
    expect(hold.status).toBe(201);
    expect((await json(`/shows/${show.body.id}`)).body.availableSlots).toBe(0);

    // BOOKING_HOLD_SECONDS=1 and a six-field EXPIRY_SWEEP_CRON: the hold lapses and the sweeper stores EXPIRED.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect((await json(`/bookings/${hold.body.id}`, { token: user.body.token })).body.status).toBe('EXPIRED');
    expect((await json(`/shows/${show.body.id}`)).body.availableSlots).toBe(2);
    expect((await json('/bookings/confirm', { method: 'POST', token: user.body.token, body: JSON.stringify({ bookingId: hold.body.id }) })).status).toBe(409);
  });

  it('when the JSON is broken, then production answers 400 without a stack trace', async () => {
    const response = await fetch(`${baseUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'INVALID_JSON', message: expect.any(String) } });
  });
});
