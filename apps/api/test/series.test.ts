import type { Series, SeriesDeletion } from '@holdfast/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, book, createUser, holdSlots, storedCounts, storedStatus } from './support/factories.js';
import { connectSocket, waitForShowUpdate } from './support/sockets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;
let adminToken: string;
let userToken: string;
beforeAll(async () => {
  app = await startTestApp({ DEFAULT_TIME_ZONE: 'Europe/Paris' });
  adminToken = (await createUser(app, { role: 'admin' })).token;
  userToken = (await createUser(app)).token;
});
afterAll(() => app.close());

/** A calendar date `days` from today (UTC), as YYYY-MM-DD. */
const dateIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const rule = (overrides: Record<string, unknown> = {}) => ({
  name: 'Weekly clinic',
  timeZone: 'Europe/London',
  startDate: dateIn(2),
  endDate: dateIn(15),
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  times: ['09:00'],
  totalSlots: 4,
  ...overrides,
});
const postSeries = (body: object, token = adminToken) => app.http.post('/series').set(bearer(token)).send(body);
async function createSeries(overrides: Record<string, unknown> = {}): Promise<Series> {
  const response = await postSeries(rule(overrides));
  if (response.status !== 201) throw new Error(`series: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as Series;
}
/** The wall-clock time of an instant in a zone, as YYYY-MM-DD HH:MM. */
const wallClock = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
const starts = (series: Series) => series.shows.map((show) => show.startTime);

describe('shows carry a time zone', () => {
  it('when POST /shows gives no zone, then DEFAULT_TIME_ZONE is used; a given zone is kept', async () => {
    const startTime = new Date(Date.now() + 86_400_000).toISOString();
    const plain = await app.http.post('/shows').set(bearer(adminToken)).send({ name: 'A', startTime, totalSlots: 2 });
    expect(plain.status).toBe(201);
    expect(plain.body).toMatchObject({ timeZone: 'Europe/Paris', seriesId: null });
    const zoned = await app.http
      .post('/shows')
      .set(bearer(adminToken))
      .send({ name: 'B', startTime, totalSlots: 2, timeZone: 'america/new_york' });
    expect(zoned.body.timeZone).toBe('America/New_York');
    const patched = await app.http
      .patch(`/shows/${zoned.body.id}`)
      .set(bearer(adminToken))
      .send({ timeZone: 'Asia/Tokyo' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ timeZone: 'Asia/Tokyo', startTime });
    expect((await app.http.get(`/shows/${zoned.body.id}`)).body.timeZone).toBe('Asia/Tokyo');
  });

  it('when a zone is unknown or not an IANA name, then 400 naming it, and nothing is created', async () => {
    const startTime = new Date(Date.now() + 86_400_000).toISOString();
    for (const timeZone of ['Mars/Olympus', '+05:00', 'UTC+5', '', 'Europe/London; DROP TABLE shows']) {
      const response = await app.http
        .post('/shows')
        .set(bearer(adminToken))
        .send({ name: 'Z', startTime, totalSlots: 2, timeZone });
      expect(response.status, timeZone).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_ERROR');
      expect(response.body.error.message).toMatch(/time zone/i);
    }
  });

  it('when the code is bypassed, then the database itself refuses a zone it does not know', async () => {
    await expect(
      app.db.query(`INSERT INTO shows (name, start_time, total_slots, available_slots, time_zone)
                    VALUES ('x', now() + interval '1 day', 1, 1, 'Mars/Olympus')`),
    ).rejects.toMatchObject({ constraint: 'shows_time_zone_known' });
    await expect(
      app.db.query(`UPDATE shows SET time_zone = 'UTC+5' WHERE id = (SELECT min(id) FROM shows)`),
    ).rejects.toMatchObject({ constraint: 'shows_time_zone_known' });
  });
});

describe('POST /series', () => {
  it('when an admin creates a series, then 201 with one show per date and time, linked to the series', async () => {
    const series = await createSeries({ weekdays: [1, 3], times: ['18:30', '09:00'], totalSlots: 7 });
    expect(series).toMatchObject({ id: expect.any(Number), timeZone: 'Europe/London', times: ['09:00', '18:30'] });
    expect(series.weekdays).toEqual([1, 3]);
    expect(series.shows.length).toBeGreaterThanOrEqual(6);
    for (const show of series.shows) {
      expect(show).toMatchObject({ name: 'Weekly clinic', totalSlots: 7, availableSlots: 7, seriesId: series.id });
      const local = new Date(show.startTime).toLocaleString('en-GB', { timeZone: 'Europe/London', weekday: 'short' });
      expect(['Mon', 'Wed']).toContain(local);
      expect(['09:00', '18:30']).toContain(wallClock(show.startTime, 'Europe/London').slice(11));
    }
    expect(starts(series)).toEqual([...starts(series)].sort());
    const again = await app.http.get(`/series/${series.id}`).set(bearer(adminToken));
    expect(again.status).toBe(200);
    expect(again.body).toEqual(series);
    const listed = await app.http.get('/series').set(bearer(adminToken));
    expect(listed.body[0]).toMatchObject({ id: series.id, showCount: series.shows.length });
  });

  it('when the series crosses a clock change either way, then each show keeps its wall-clock time', async () => {
    // 2030: Europe/London changes on 31 March and 27 October; New York on 10 March and 3 November.
    const london = await createSeries({ startDate: '2030-03-29', endDate: '2030-04-02', times: ['09:00'] });
    expect(starts(london)).toEqual([
      '2030-03-29T09:00:00.000Z',
      '2030-03-30T09:00:00.000Z',
      '2030-03-31T08:00:00.000Z',
      '2030-04-01T08:00:00.000Z',
      '2030-04-02T08:00:00.000Z',
    ]);
    const newYork = await createSeries({
      timeZone: 'America/New_York',
      startDate: '2030-11-02',
      endDate: '2030-11-04',
      times: ['09:00'],
    });
    expect(starts(newYork)).toEqual([
      '2030-11-02T13:00:00.000Z',
      '2030-11-03T14:00:00.000Z',
      '2030-11-04T14:00:00.000Z',
    ]);
    for (const show of newYork.shows) expect(wallClock(show.startTime, 'America/New_York').slice(11)).toBe('09:00');
  });

  it('when the clocks skip a time, then it moves on by the jump; when they repeat one, the first', async () => {
    // London 2030-03-31: 01:00 GMT jumps to 02:00 BST, so 01:30 never happens; it becomes 02:30 BST (01:30 UTC).
    const spring = await createSeries({ startDate: '2030-03-31', endDate: '2030-03-31', times: ['01:30'] });
    expect(starts(spring)).toEqual(['2030-03-31T01:30:00.000Z']);
    expect(wallClock(spring.shows[0]!.startTime, 'Europe/London')).toBe('2030-03-31 02:30');
    // London 2030-10-27: 01:30 happens at 00:30 UTC (BST) and again at 01:30 UTC (GMT): the first.
    const autumn = await createSeries({ startDate: '2030-10-27', endDate: '2030-10-27', times: ['01:30'] });
    expect(starts(autumn)).toEqual(['2030-10-27T00:30:00.000Z']);
    // New York: 02:30 on 10 March is skipped (03:30 EDT); 01:30 on 3 November is repeated (the EDT one).
    const ny = { timeZone: 'America/New_York', times: ['01:30', '02:30'] };
    const nySpring = await createSeries({ ...ny, startDate: '2030-03-10', endDate: '2030-03-10' });
    expect(starts(nySpring)).toEqual(['2030-03-10T06:30:00.000Z', '2030-03-10T07:30:00.000Z']);
    expect(wallClock(nySpring.shows[1]!.startTime, 'America/New_York')).toBe('2030-03-10 03:30');
    const nyAutumn = await createSeries({ ...ny, startDate: '2030-11-03', endDate: '2030-11-03' });
    expect(starts(nyAutumn)).toEqual(['2030-11-03T05:30:00.000Z', '2030-11-03T07:30:00.000Z']);
  });

  it('when dryRun is true, then 200 with the same preview and nothing is stored', async () => {
    const body = rule({ startDate: '2031-01-06', endDate: '2031-01-19', weekdays: [5, 1], times: ['10:00'] });
    const before = await app.db.query(
      'SELECT (SELECT count(*) FROM shows) AS shows, (SELECT count(*) FROM series) AS s',
    );
    const preview = await postSeries({ ...body, dryRun: true });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ id: null, createdAt: null, weekdays: [1, 5] });
    const after = await app.db.query(
      'SELECT (SELECT count(*) FROM shows) AS shows, (SELECT count(*) FROM series) AS s',
    );
    expect(after.rows).toEqual(before.rows);
    const created = await postSeries(body);
    expect(created.status).toBe(201);
    expect(starts(preview.body as Series)).toEqual(starts(created.body as Series));
    expect(created.body.shows).toHaveLength(4);
  });

  it('when the rule breaks a limit or is malformed, then 400 with a clear message and nothing is created', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ startDate: '2031-01-01', endDate: '2032-01-02' }, 'endDate', /at most 366 days/],
      [{ startDate: '2031-01-01', endDate: '2031-12-31', times: ['09:00', '12:00', '15:00'] }, 'times', /at most 1000/],
      [{ startDate: '2031-01-10', endDate: '2031-01-09' }, 'endDate', /on or after/],
      [{ weekdays: [1, 1] }, 'weekdays', /once/],
      [{ weekdays: [0] }, 'weekdays.0', /1 \(Monday\)/],
      [{ weekdays: [8] }, 'weekdays.0', /7 \(Sunday\)/],
      [{ weekdays: [] }, 'weekdays', /at least one/],
      [{ times: ['09:00', '09:00'] }, 'times', /once/],
      [{ times: ['9:00'] }, 'times.0', /HH:MM/],
      [{ times: ['24:00'] }, 'times.0', /HH:MM/],
      [{ startDate: '2031-02-30' }, 'startDate', /YYYY-MM-DD/],
      [{ startDate: '2031-01-05', endDate: '2031-01-05', weekdays: [1] }, 'weekdays', /None of these weekdays/],
      [{ timeZone: 'Nowhere/Land' }, 'timeZone', /Unknown time zone/],
      [{ totalSlots: 0 }, 'totalSlots', /at least 1 place/],
      [{ name: ' ' }, 'name', /required/],
    ];
    const { rows: before } = await app.db.query('SELECT count(*) FROM series');
    for (const [overrides, path, message] of cases) {
      const response = await postSeries(rule(overrides));
      expect(response.status, JSON.stringify(overrides)).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_ERROR');
      const field = response.body.error.details.fields.find((f: { path: string }) => f.path === path);
      expect(field?.message, JSON.stringify(response.body.error)).toMatch(message);
    }
    expect((await app.db.query('SELECT count(*) FROM series')).rows).toEqual(before);
  });

  it('when exactly 1,000 shows and 366 days, then it is accepted', async () => {
    const preview = await postSeries(
      rule({ startDate: '2032-01-01', endDate: '2032-12-31', times: ['08:00', '17:00'], weekdays: [1, 2, 3, 4, 5] }),
    );
    expect(preview.status).toBe(201);
    // 2032 is a leap year starting on a Thursday: 366 days, 262 weekdays.
    expect(preview.body.shows).toHaveLength(524);
    const full = await postSeries(
      rule({
        startDate: '2033-01-01',
        endDate: '2033-12-31',
        times: ['08:00', '10:00', '12:00'],
        dryRun: true,
        weekdays: [1, 2, 3, 4, 5, 6, 7],
      }),
    );
    expect(full.status).toBe(400);
    const thousand = await postSeries(
      rule({
        startDate: '2034-01-01',
        endDate: '2034-05-05',
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        dryRun: true,
        times: ['06:00', '07:00', '08:00', '09:00', '10:00', '11:00', '12:00', '13:00'],
      }),
    );
    expect(thousand.status).toBe(200);
    expect(thousand.body.shows).toHaveLength(1000);
  });

  it('when a show of the series would start in the past, then 400 SERIES_IN_PAST and nothing is created', async () => {
    const today = dateIn(0);
    const response = await postSeries(
      rule({ startDate: today, endDate: dateIn(3), times: ['00:00'], timeZone: 'UTC' }),
    );
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      code: 'SERIES_IN_PAST',
      details: { startTime: `${today}T00:00:00.000Z` },
    });
    expect(
      (await app.db.query(`SELECT 1 FROM series WHERE start_date = $1 AND time_zone = 'UTC'`, [today])).rowCount,
    ).toBe(0);
  });

  it('when a user or nobody asks, then 403 or 401 on every series route', async () => {
    const series = await createSeries({ startDate: dateIn(20), endDate: dateIn(21) });
    const calls = [
      (t?: string) => (t ? postSeries(rule(), t) : app.http.post('/series').send(rule())),
      (t?: string) => (t ? app.http.get('/series').set(bearer(t)) : app.http.get('/series')),
      (t?: string) => (t ? app.http.get(`/series/${series.id}`).set(bearer(t)) : app.http.get(`/series/${series.id}`)),
      (t?: string) =>
        t ? app.http.delete(`/series/${series.id}`).set(bearer(t)) : app.http.delete(`/series/${series.id}`),
    ];
    for (const call of calls) {
      expect((await call(userToken)).status).toBe(403);
      expect((await call()).status).toBe(401);
    }
    expect((await app.http.get(`/series/${series.id}`).set(bearer(adminToken))).body.shows).toHaveLength(2);
  });

  it('when a series is unknown, then 404 SERIES_NOT_FOUND', async () => {
    for (const id of ['999999', 'abc', '0']) {
      const response = await app.http.get(`/series/${id}`).set(bearer(adminToken));
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('SERIES_NOT_FOUND');
      expect((await app.http.delete(`/series/${id}`).set(bearer(adminToken))).status).toBe(404);
    }
  });

  it('when a series is created, then live watchers hear of its new shows', async () => {
    const socket = await connectSocket(app.baseUrl);
    try {
      const series = await createSeries({ startDate: dateIn(30), endDate: dateIn(31) });
      const heard = await waitForShowUpdate(socket, series.shows[1]!.id);
      expect(heard).toMatchObject({ timeZone: 'Europe/London', seriesId: series.id, availableSlots: 4 });
    } finally {
      socket.disconnect();
    }
  });
});

describe('DELETE /series/:id', () => {
  const remove = async (id: number, query = '') => {
    const response = await app.http.delete(`/series/${id}${query}`).set(bearer(adminToken));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as SeriesDeletion;
  };
  const startedShow = async (seriesId: number) => {
    const { rows } = await app.db.query<{ id: number }>(
      `INSERT INTO shows (name, start_time, total_slots, available_slots, time_zone, series_id)
       VALUES ('Earlier', now() - interval '1 hour', 3, 3, 'Europe/London', $1) RETURNING id`,
      [seriesId],
    );
    return rows[0]!.id;
  };

  it('when shows have active bookings, then those are kept and reported; the rest and nothing started go', async () => {
    const series = await createSeries({ startDate: dateIn(40), endDate: dateIn(42) });
    const [first, second, third] = series.shows.map((show) => show.id) as [number, number, number];
    const hold = await holdSlots(app, userToken, second, 2);
    const started = await startedShow(series.id!);
    const outcome = await remove(series.id!);
    expect(outcome).toEqual({
      deleted: [first, third],
      kept: [{ showId: second, activeBookings: 1 }],
      started: [started],
      cancelledBookings: [],
      seriesDeleted: false,
    });
    expect(await storedStatus(app, hold.id)).toBe('PENDING');
    const left = await app.http.get(`/series/${series.id}`).set(bearer(adminToken));
    expect(left.body.shows.map((s: { id: number }) => s.id)).toEqual([started, second]);
  });

  it('when cancelBookings=true, then bookings are cancelled and released, shows deleted, people named', async () => {
    const series = await createSeries({ startDate: dateIn(50), endDate: dateIn(51) });
    const [first, second] = series.shows.map((show) => show.id) as [number, number];
    const other = await createUser(app);
    const hold = await holdSlots(app, userToken, first, 2);
    const confirmed = await holdSlots(app, other.token, second, 1);
    await app.http.post('/bookings/confirm').set(bearer(other.token)).send({ bookingId: confirmed.id });
    const outcome = await remove(series.id!, '?cancelBookings=true');
    expect(outcome).toEqual({
      deleted: [first, second],
      kept: [],
      started: [],
      cancelledBookings: [
        { id: hold.id, showId: first, userId: expect.any(Number) },
        { id: confirmed.id, showId: second, userId: other.user.id },
      ],
      seriesDeleted: true,
    });
    expect(await storedCounts(app, first)).toBeUndefined();
    expect((await app.http.get(`/series/${series.id}`).set(bearer(adminToken))).status).toBe(404);
    expect((await app.http.get(`/shows/${first}`)).status).toBe(404);
  });

  it('when cancelBookings is not true or false, then 400 and nothing is deleted', async () => {
    const series = await createSeries({ startDate: dateIn(60), endDate: dateIn(60) });
    for (const query of ['?cancelBookings=yes', '?cancel=true']) {
      const response = await app.http.delete(`/series/${series.id}${query}`).set(bearer(adminToken));
      expect(response.status, query).toBe(400);
    }
    expect((await app.http.get(`/shows/${series.shows[0]!.id}`)).status).toBe(200);
  });

  it('when bookings race the deletion, then each is kept, cancelled or refused, never orphaned', async () => {
    for (const cancelBookings of [false, true]) {
      const series = await createSeries({ startDate: dateIn(70), endDate: dateIn(76), totalSlots: 50 });
      const ids = series.shows.map((show) => show.id);
      const users = await Promise.all(Array.from({ length: 6 }, () => createUser(app)));
      const [outcome, ...attempts] = await Promise.all([
        app.http.delete(`/series/${series.id}?cancelBookings=${cancelBookings}`).set(bearer(adminToken)),
        ...users.flatMap((u) => ids.slice(0, 4).map((showId) => book(app, u.token, showId, 1))),
      ]);
      expect(outcome!.status).toBe(200);
      const body = outcome!.body as SeriesDeletion;
      for (const attempt of attempts) expect([201, 404], JSON.stringify(attempt.body)).toContain(attempt.status);
      const made = attempts.filter((a) => a.status === 201).map((a) => a.body as { id: number; showId: number });
      const { rows } = await app.db.query<{ id: number; status: string; show_id: number; exists: boolean }>(
        `SELECT b.id, b.status, b.show_id, EXISTS (SELECT 1 FROM shows s WHERE s.id = b.show_id) AS exists
         FROM bookings b WHERE b.id = ANY($1::int[])`,
        [made.map((m) => m.id)],
      );
      // A booking that was made lives on a show that still exists (kept), or was cancelled and went with it.
      expect(rows.every((row) => row.exists && row.status === 'PENDING')).toBe(true);
      expect(rows.length + body.cancelledBookings.length).toBe(made.length);
      if (cancelBookings) expect(body.kept).toEqual([]);
      const keptIds = body.kept.map((k) => k.showId);
      for (const row of rows) expect(keptIds).toContain(row.show_id);
      expect([...body.deleted, ...keptIds].sort((a, b) => a - b)).toEqual(ids);
      for (const id of keptIds) {
        const counts = await storedCounts(app, id);
        expect(counts!.available).toBe(50 - counts!.held);
      }
    }
  });
});
