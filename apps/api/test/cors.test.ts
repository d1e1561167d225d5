import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createShow, createUser } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await startTestApp();
  token = (await createUser(app)).token;
});
afterAll(() => app.close());

const webOrigin = 'http://web.example.test';

describe('CORS, for the web app on another origin', () => {
  it('when a preflight asks to send Idempotency-Key, then the header is allowed', async () => {
    const response = await app.http
      .options('/bookings')
      .set('Origin', webOrigin)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type,idempotency-key');

    expect(response.status).toBe(204);
    expect(response.headers['access-control-allow-headers']?.toLowerCase()).toContain('idempotency-key');
  });

  it('when an answer goes to another origin, then it may read Retry-After and Idempotent-Replayed', async () => {
    const show = await createShow(app, { totalSlots: 3 });
    const book = () =>
      app.http
        .post('/bookings')
        .set('Origin', webOrigin)
        .set(bearer(token))
        .set('Idempotency-Key', `cors-${show.id}`)
        .send({ showId: show.id, quantity: 1 });

    await book().expect(201);
    const replay = await book().expect(201);

    expect(replay.headers['idempotent-replayed']).toBe('true');
    const exposed = (replay.headers['access-control-expose-headers'] ?? '').toLowerCase().split(/\s*,\s*/);
    expect(exposed).toEqual(expect.arrayContaining(['retry-after', 'idempotent-replayed', 'content-disposition']));
  });
});
