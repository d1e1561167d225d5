import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createShow,
  createUser,
  holdSlots,
  lapseHold,
  storedCounts,
  storedStatus,
} from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;
let adminToken: string;
let userToken: string;
beforeAll(async () => {
  app = await startTestApp();
  adminToken = (await createUser(app, { role: 'admin' })).token;
  userToken = (await createUser(app)).token;
});
afterAll(() => app.close());

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('GET /shows and GET /shows/:id', () => {
  it('when shows exist, then anyone gets them ordered by start time', async () => {
    const later = await createShow(app, { startsInMinutes: 3000 });
    const sooner = await createShow(app, { startsInMinutes: 2000 });
    const response = await app.http.get('/shows');
    expect(response.status).toBe(200);
    const ids = (response.body as { id: number }[]).map((show) => show.id);
    expect(ids.indexOf(sooner.id)).toBeLessThan(ids.indexOf(later.id));
    const starts = (response.body as { startTime: string }[]).map((show) => Date.parse(show.startTime));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('when the show exists, then it answers it; otherwise 404', async () => {
    const show = await createShow(app, { totalSlots: 7 });
    const found = await app.http.get(`/shows/${show.id}`);
    expect(found.status).toBe(200);
    expect(found.body).toEqual({
      id: show.id,
      name: show.name,
      startTime: show.startTime,
      totalSlots: 7,
      availableSlots: 7,
      version: 1,
      timeZone: 'UTC',
      seriesId: null,
      location: null,
    });
    for (const id of ['999999', 'abc', '-1', '1.5', '99999999999']) {
      const missing = await app.http.get(`/shows/${id}`);
      expect(missing.status, id).toBe(404);
      expect(missing.body.error.code).toBe('SHOW_NOT_FOUND');
    }
  });

  it('when a hold has lapsed but is not swept yet, then its places already count as free', async () => {
    const show = await createShow(app, { totalSlots: 2 });
    const hold = await holdSlots(app, userToken, show.id, 2);
    await lapseHold(app, hold.id);
    expect((await app.http.get(`/shows/${show.id}`)).body.availableSlots).toBe(2);
    const listed = (await app.http.get('/shows')).body.find((s: { id: number }) => s.id === show.id);
    expect(listed.availableSlots).toBe(2);
    expect(await storedStatus(app, hold.id)).toBe('PENDING');
    expect(await storedCounts(app, show.id)).toMatchObject({ available: 0 });
  });
});

describe('POST /shows', () => {
  it('when an admin sends a valid show, then it is created with all places free', async () => {
    const startTime = inDays(3);
    const response = await app.http
      .post('/shows')
      .set(bearer(adminToken))
      .send({ name: ' Matinee ', startTime, totalSlots: 50 });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(Number),
      name: 'Matinee',
      startTime,
      totalSlots: 50,
      availableSlots: 50,
      version: 1,
      timeZone: 'UTC',
      seriesId: null,
      location: null,
    });
    expect(await storedCounts(app, response.body.id)).toMatchObject({ total: 50, available: 50, bookings: 0 });
  });

  it('when a non-admin or nobody tries, then 403 or 401', async () => {
    const body = { name: 'X', startTime: inDays(1), totalSlots: 5 };
    expect((await app.http.post('/shows').set(bearer(userToken)).send(body)).status).toBe(403);
    expect((await app.http.post('/shows').send(body)).status).toBe(401);
  });

  it.each([
    ['a start in the past', { name: 'X', startTime: inDays(-1), totalSlots: 5 }, 'startTime'],
    ['a start without a time zone', { name: 'X', startTime: '2030-01-01T10:00:00', totalSlots: 5 }, 'startTime'],
    ['a start that is not a date', { name: 'X', startTime: 'tomorrow', totalSlots: 5 }, 'startTime'],
    ['a 201-character name', { name: 'x'.repeat(201), startTime: inDays(1), totalSlots: 5 }, 'name'],
    ['zero places', { name: 'X', startTime: inDays(1), totalSlots: 0 }, 'totalSlots'],
    ['100001 places', { name: 'X', startTime: inDays(1), totalSlots: 100_001 }, 'totalSlots'],
    ['fractional places', { name: 'X', startTime: inDays(1), totalSlots: 2.5 }, 'totalSlots'],
    ['places as a string', { name: 'X', startTime: inDays(1), totalSlots: '5' }, 'totalSlots'],
    ['a missing name', { startTime: inDays(1), totalSlots: 5 }, 'name'],
  ])('when given %s, then 400 VALIDATION_ERROR naming the field', async (_label, body, field) => {
    const response = await app.http.post('/shows').set(bearer(adminToken)).send(body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_ERROR');
    expect(new Set(response.body.error.details.fields.map((f: { path: string }) => f.path))).toEqual(new Set([field]));
  });
});

describe('PATCH /shows/:id', () => {
  it('when resized, then the places taken stay taken', async () => {
    const show = await createShow(app, { totalSlots: 10 });
    await holdSlots(app, userToken, show.id, 4);
    const response = await app.http
      .patch(`/shows/${show.id}`)
      .set(bearer(adminToken))
      .send({ totalSlots: 6, name: 'Renamed' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ name: 'Renamed', totalSlots: 6, availableSlots: 2 });
    expect(await storedCounts(app, show.id)).toMatchObject({ total: 6, available: 2, held: 4 });
  });

  it('when shrunk below the places taken, then 409 and nothing changes', async () => {
    const show = await createShow(app, { totalSlots: 10 });
    await holdSlots(app, userToken, show.id, 5);
    const response = await app.http.patch(`/shows/${show.id}`).set(bearer(adminToken)).send({ totalSlots: 4 });
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: 'SLOTS_BELOW_TAKEN', details: { taken: 5 } });
    expect(await storedCounts(app, show.id)).toMatchObject({ total: 10, available: 5 });
  });

  it('when lapsed holds are all that is in the way, then they are reclaimed and the shrink succeeds', async () => {
    const show = await createShow(app, { totalSlots: 5 });
    const hold = await holdSlots(app, userToken, show.id, 5);
    await lapseHold(app, hold.id);
    const response = await app.http.patch(`/shows/${show.id}`).set(bearer(adminToken)).send({ totalSlots: 1 });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ totalSlots: 1, availableSlots: 1 });
    expect(await storedStatus(app, hold.id)).toBe('EXPIRED');
    expect(await storedCounts(app, show.id)).toMatchObject({ total: 1, available: 1, held: 0 });
  });

  it('when the body is empty, the show unknown or the caller not admin, then 400, 404, 403', async () => {
    const show = await createShow(app);
    expect((await app.http.patch(`/shows/${show.id}`).set(bearer(adminToken)).send({})).status).toBe(400);
    expect((await app.http.patch('/shows/999999').set(bearer(adminToken)).send({ name: 'X' })).status).toBe(404);
    expect((await app.http.patch(`/shows/${show.id}`).set(bearer(userToken)).send({ name: 'X' })).status).toBe(403);
  });
});

describe('DELETE /shows/:id', () => {
  it('when the show has an active booking, then 409 and it stays', async () => {
    const show = await createShow(app);
    await holdSlots(app, userToken, show.id);
    const response = await app.http.delete(`/shows/${show.id}`).set(bearer(adminToken));
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: 'SHOW_HAS_BOOKINGS', details: { active: 1 } });
    expect((await app.http.get(`/shows/${show.id}`)).status).toBe(200);
  });

  it('when only finished bookings remain, then 204 and the show is gone', async () => {
    const show = await createShow(app);
    const hold = await holdSlots(app, userToken, show.id);
    await lapseHold(app, hold.id);
    expect((await app.http.delete(`/shows/${show.id}`).set(bearer(adminToken))).status).toBe(204);
    expect((await app.http.get(`/shows/${show.id}`)).status).toBe(404);
    expect((await app.http.delete(`/shows/${show.id}`).set(bearer(adminToken))).status).toBe(404);
  });

  it('when a non-admin tries, then 403', async () => {
    const show = await createShow(app);
    expect((await app.http.delete(`/shows/${show.id}`).set(bearer(userToken))).status).toBe(403);
  });
});

describe('GET /shows/:id/bookings', () => {
  it('when an admin asks, then it lists the bookings with who made them, newest first', async () => {
    const show = await createShow(app);
    const { user, token } = await createUser(app, { name: 'Booker' });
    const first = await holdSlots(app, (await createUser(app)).token, show.id, 1);
    const second = await holdSlots(app, token, show.id, 2);
    const response = await app.http.get(`/shows/${show.id}/bookings`).set(bearer(adminToken));
    expect(response.status).toBe(200);
    expect(response.body.map((b: { id: number }) => b.id)).toEqual([second.id, first.id]);
    expect(response.body[0]).toMatchObject({
      userId: user.id,
      userName: 'Booker',
      userEmail: user.email,
      quantity: 2,
      status: 'PENDING',
    });
  });

  it('when a user asks, or the show is unknown, then 403 or 404', async () => {
    const show = await createShow(app);
    expect((await app.http.get(`/shows/${show.id}/bookings`).set(bearer(userToken))).status).toBe(403);
    expect((await app.http.get('/shows/999999/bookings').set(bearer(adminToken))).status).toBe(404);
  });
});

describe('show locations', () => {
  const create = (body: object) => app.http.post('/shows').set(bearer(adminToken)).send(body);
  const base = () => ({ name: 'Clinic', startTime: inDays(3), totalSlots: 5 });

  it('when a show is created with a location, then every read answers it', async () => {
    const created = await create({ ...base(), location: '  Room 4, 1 High Street  ' });
    expect(created.status).toBe(201);
    expect(created.body.location).toBe('Room 4, 1 High Street');
    expect((await app.http.get(`/shows/${created.body.id}`)).body.location).toBe('Room 4, 1 High Street');
    const listed = (await app.http.get('/shows?limit=200')).body as { id: number; location: string }[];
    expect(listed.find((s) => s.id === created.body.id)?.location).toBe('Room 4, 1 High Street');
  });

  it('when no location or a blank one is given, then it is null', async () => {
    expect((await create(base())).body.location).toBeNull();
    expect((await create({ ...base(), location: '   ' })).body.location).toBeNull();
  });

  it('when an edit gives a location, then it changes; null clears it; leaving it out keeps it', async () => {
    const { id } = (await create({ ...base(), location: 'Hall A' })).body as { id: number };
    const patch = (body: object) => app.http.patch(`/shows/${id}`).set(bearer(adminToken)).send(body);
    expect((await patch({ name: 'Renamed' })).body.location).toBe('Hall A');
    expect((await patch({ location: 'Hall B' })).body.location).toBe('Hall B');
    expect((await patch({ location: null })).body.location).toBeNull();
  });

  it('when the location is too long or not a string, then 400 and nothing changes', async () => {
    for (const location of ['x'.repeat(301), 42]) {
      const response = await create({ ...base(), location });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_ERROR');
    }
    const show = await createShow(app);
    const refused = await app.db.query('UPDATE shows SET location = $2 WHERE id = $1', [show.id, '']).catch((e) => e);
    expect(refused.code).toBe('23514');
  });
});
