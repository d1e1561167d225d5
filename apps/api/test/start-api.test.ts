import { startBuiltApi, type BuiltApi } from '@holdfast/api-process';
import { databaseServer } from '@holdfast/embedded-db';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';

/** `pnpm start:api` as acceptance checks run it: the built bundle on a fresh empty database. */
let api: BuiltApi;
beforeAll(async () => {
  api = await startBuiltApi({
    databases: databaseServer(inject('databaseServerUrl')),
    env: {
      JWT_SECRET: 'start-api-test-secret',
      ADMIN_EMAIL: 'Boss@Example.com',
      ADMIN_PASSWORD: 'admin-password-1',
      BOOKING_HOLD_SECONDS: '1',
      EXPIRY_SWEEP_CRON: '* * * * * *',
    },
  });
});
afterAll(() => api?.stop());

const json = (path: string, init: RequestInit & { token?: string; body?: string } = {}) =>
  fetch(`${api.url}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
  }).then(async (r) => ({ status: r.status, body: r.status === 204 ? null : await r.json() }));
const post = (path: string, body: unknown, token?: string) =>
  json(path, { method: 'POST', body: JSON.stringify(body), token });

/** The status the database has stored, not the one the API derives from expires_at. */
async function storedStatus(bookingId: number): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: api.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ status: string }>('SELECT status FROM bookings WHERE id = $1', [bookingId]);
    return rows[0]?.status;
  } finally {
    await client.end();
  }
}

describe('the built API started the way production starts it', () => {
  it('when started on an empty database, then it migrated, made the admin, and a hold can be confirmed', async () => {
    const admin = await post('/auth/login', { email: 'boss@example.com', password: 'admin-password-1' });
    expect(admin.status).toBe(200);
    expect(admin.body.user.role).toBe('admin');
    const startTime = new Date(Date.now() + 3_600_000).toISOString();
    const show = await post('/shows', { name: 'Launch night', startTime, totalSlots: 2 }, admin.body.token);
    expect(show.status).toBe(201);

    const user = await post('/auth/register', { name: 'Pat', email: 'pat@example.com', password: 'patient-pw-1' });
    const hold = await post('/bookings', { showId: show.body.id, quantity: 2 }, user.body.token);
    expect(hold.status).toBe(201);
    const confirmed = await post('/bookings/confirm', { bookingId: hold.body.id }, user.body.token);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('CONFIRMED');
    expect((await json(`/shows/${show.body.id}`)).body.availableSlots).toBe(0);
    expect((await post('/bookings', { showId: show.body.id, quantity: 1 }, user.body.token)).status).toBe(409);
  });

  it('when a hold lapses, then the scheduled sweeper itself stores EXPIRED in the database', async () => {
    const admin = await post('/auth/login', { email: 'boss@example.com', password: 'admin-password-1' });
    const startTime = new Date(Date.now() + 3_600_000).toISOString();
    const show = await post('/shows', { name: 'Sweep night', startTime, totalSlots: 2 }, admin.body.token);
    const hold = await post('/bookings', { showId: show.body.id, quantity: 2 }, admin.body.token);
    expect(await storedStatus(hold.body.id)).toBe('PENDING');

    // BOOKING_HOLD_SECONDS=1 and a six-field EXPIRY_SWEEP_CRON: only the cron job writes EXPIRED here, as no
    // request touches the show (a read reports EXPIRED from expires_at alone, whether or not anything ran).
    const deadline = Date.now() + 5_000;
    while ((await storedStatus(hold.body.id)) !== 'EXPIRED' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await storedStatus(hold.body.id)).toBe('EXPIRED');
    expect((await json(`/shows/${show.body.id}`)).body.availableSlots).toBe(2);
    expect((await post('/bookings/confirm', { bookingId: hold.body.id }, admin.body.token)).status).toBe(409);
  });

  it('when the JSON is broken, then production answers 400 without a stack trace', async () => {
    const response = await fetch(`${api.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'INVALID_JSON', message: expect.any(String) } });
  });
});
