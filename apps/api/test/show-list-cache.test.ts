import type { Show } from '@holdfast/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShow, createUser, holdSlots } from './support/factories.js';
import { holdInForeignSession } from './support/foreign-session.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// A cache that outlives each test (10 s): whatever changes in an answer here was made by an invalidation.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ SHOWS_CACHE_MS: '10000', DB_LOCK_TIMEOUT_MS: '300' });
});
afterAll(() => app.close());

const listed = async (showId: number, query = '') => {
  const shows = (await app.http.get(`/shows${query}`).expect(200)).body as Show[];
  return shows.find((show) => show.id === showId);
};

describe('the shared cache of GET /shows', () => {
  it('when a show is booked in this process, then the very next list has the new count', async () => {
    const show = await createShow(app, { totalSlots: 5 });
    const { token } = await createUser(app);
    expect((await listed(show.id))?.availableSlots).toBe(5);
    // A change that announces nothing (straight SQL) stays unseen: the list really is served from the cache.
    await app.db.query('UPDATE shows SET name = $2 WHERE id = $1', [show.id, 'Renamed quietly']);
    expect((await listed(show.id))?.name).toBe(show.name);

    await holdSlots(app, token, show.id, 2);

    expect(await listed(show.id)).toMatchObject({ availableSlots: 3, name: 'Renamed quietly' });
  });

  it('when an answer is cached, then serving it again asks nothing of the database', async () => {
    const show = await createShow(app);
    const first = await app.http.get('/shows?limit=3').expect(200);
    // Nothing can read the shows table while this lock is held: a query would wait, then fail with 503.
    const release = await holdInForeignSession(app.databaseUrl, [['LOCK TABLE shows IN ACCESS EXCLUSIVE MODE']]);
    try {
      const again = await app.http.get('/shows?limit=3').expect(200);
      expect(again.body).toEqual(first.body);
      expect(again.headers.etag).toBe(first.headers.etag);
      const conditional = await app.http.get('/shows?limit=3').set('if-none-match', first.headers.etag as string);
      expect(conditional.status).toBe(304);
      expect(conditional.text ?? '').toBe('');

      const uncached = await app.http.get('/shows?limit=4');
      expect(uncached.status).toBe(503);
      expect(uncached.body.error.code).toBe('BUSY');
    } finally {
      await release();
    }
    expect((await listed(show.id, '?limit=4'))?.id).toBe(show.id);
  });
});
