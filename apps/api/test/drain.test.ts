import { startBuiltApi, type BuiltApi } from '@holdfast/api-process';
import { databaseServer } from '@holdfast/embedded-db';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';

let api: BuiltApi;
beforeAll(async () => {
  api = await startBuiltApi({
    databases: databaseServer(inject('databaseServerUrl')),
    env: { ADMIN_EMAIL: 'drain@example.com', ADMIN_PASSWORD: 'drain-password-1' },
  });
});
afterAll(() => api?.stop());

const post = (path: string, body: unknown, token?: string) =>
  fetch(`${api.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

describe('SIGTERM', () => {
  it('when a booking is in flight, then it still gets its answer, new connections are refused, exit 0', async () => {
    const login = await post('/auth/login', { email: 'drain@example.com', password: 'drain-password-1' });
    const { token } = (await login.json()) as { token: string };
    const startTime = new Date(Date.now() + 3_600_000).toISOString();
    const show = (await (await post('/shows', { name: 'Last bus', startTime, totalSlots: 5 }, token)).json()) as {
      id: number;
    };

    // Keep the booking waiting on the show's row lock while the API is told to stop.
    const foreign = new pg.Client({ connectionString: api.databaseUrl });
    await foreign.connect();
    await foreign.query('BEGIN');
    await foreign.query('SELECT 1 FROM shows WHERE id = $1 FOR UPDATE', [show.id]);
    const inFlight = post('/bookings', { showId: show.id, quantity: 2 }, token);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exited = new Promise<number | null>((resolve) => api.process.child.once('exit', resolve));
    api.process.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const refused = await fetch(`${api.url}/health/live`).then(
      (response) => response.status,
      () => 'refused',
    );
    await foreign.query('ROLLBACK');
    await foreign.end();

    expect((await inFlight).status).toBe(201);
    expect(refused).toBe('refused');
    expect(await exited).toBe(0);
    expect(api.output()).toContain('shutting down');
  });
});
