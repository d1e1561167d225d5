import type { OccupancyReport } from '@holdfast/contracts';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createShow, createUser, holdSlots, lapseHold } from './support/factories.js';
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

const BOM = '\uFEFF';
/** A raw text answer, as a browser would save it. */
const asText = (path: string, token = adminToken) =>
  app.http
    .get(path)
    .set(bearer(token))
    .buffer(true)
    .parse((res, done) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done(null, text));
    });

const confirm = (token: string, bookingId: number) =>
  app.http.post('/bookings/confirm').set(bearer(token)).send({ bookingId });
const cancel = (token: string, bookingId: number) => app.http.post(`/bookings/${bookingId}/cancel`).set(bearer(token));

describe('GET /shows/:id/bookings.csv', () => {
  it('when an admin downloads it, then every booking is a row, quoted and escaped for spreadsheets', async () => {
    const show = await createShow(app, { totalSlots: 10 });
    const names = ['=HYPERLINK("http://evil.test","click")', 'Smith, "Jo"\nSecond line', '@SUM(A1)', 'Zoë Ñandú'];
    const people = [];
    for (const name of names) people.push(await createUser(app, { name }));
    const holds = [];
    for (const person of people) holds.push(await holdSlots(app, person.token, show.id, 2));
    await confirm(people[0]!.token, holds[0]!.id);
    await cancel(people[1]!.token, holds[1]!.id);

    const response = await asText(`/shows/${show.id}/bookings.csv`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="show-${show.id}-bookings-\\d{4}-\\d{2}-\\d{2}\\.csv"$`),
    );
    const text = response.body as string;
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.split('\r\n')[0]).toBe(
      `${BOM}Booking,Status,Places,Name,Email,Held at,Hold expires at,Confirmed at,Cancelled at`,
    );
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [Number(row.Booking), row.Status, row.Places, row.Name, row.Email])).toEqual([
      [holds[0]!.id, 'CONFIRMED', '2', `'${names[0]}`, people[0]!.user.email],
      [holds[1]!.id, 'CANCELLED', '2', names[1], people[1]!.user.email],
      [holds[2]!.id, 'PENDING', '2', `'${names[2]}`, people[2]!.user.email],
      [holds[3]!.id, 'PENDING', '2', names[3], people[3]!.user.email],
    ]);
    expect(rows[0]!['Confirmed at']).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(rows[2]!['Confirmed at']).toBe('');
    // The quotes and the line break of the second name are RFC 4180 quoting, not two records.
    expect(text).toContain('"Smith, ""Jo""\nSecond line"');
  });

  it('when the show has no bookings, then the file is the header row alone', async () => {
    const show = await createShow(app);
    const response = await asText(`/shows/${show.id}/bookings.csv`);
    expect(response.status).toBe(200);
    expect((response.body as string).split('\r\n')).toHaveLength(2);
  });

  it('when the caller is not an admin or the show does not exist, then 401, 403 or 404', async () => {
    const show = await createShow(app);
    expect((await app.http.get(`/shows/${show.id}/bookings.csv`)).status).toBe(401);
    expect((await app.http.get(`/shows/${show.id}/bookings.csv`).set(bearer(userToken))).status).toBe(403);
    const missing = await app.http.get('/shows/999999/bookings.csv').set(bearer(adminToken));
    expect([missing.status, missing.body.error.code]).toEqual([404, 'SHOW_NOT_FOUND']);
  });
});

describe('GET /reports/occupancy', () => {
  const DAY = 86_400_000;
  // A window of its own, far from the other tests' shows.
  const from = new Date(Math.ceil((Date.now() + 400 * DAY) / DAY) * DAY);
  const to = new Date(from.getTime() + 7 * DAY);
  const minutesUntil = (at: Date) => (at.getTime() - Date.now()) / 60_000;
  const query = `from=${from.toISOString().slice(0, 10)}&to=${to.toISOString()}`;

  it('when shows in the window have bookings of every kind, then each count is right', async () => {
    const busy = await createShow(app, { totalSlots: 10, name: 'Busy', startsInMinutes: minutesUntil(from) + 60 });
    const quiet = await createShow(app, { totalSlots: 4, name: 'Quiet', startsInMinutes: minutesUntil(from) + 120 });
    await app.db.query(`UPDATE shows SET time_zone = 'Europe/Paris' WHERE id = $1`, [quiet.id]);
    await createShow(app, { totalSlots: 4, name: 'Outside', startsInMinutes: minutesUntil(to) + 60 });
    const [a, b, c, d, e, f, g] = await Promise.all([1, 2, 3, 4, 5, 6, 7].map(() => createUser(app)));
    const confirmed = await holdSlots(app, a!.token, busy.id, 3);
    await confirm(a!.token, confirmed.id);
    await holdSlots(app, b!.token, busy.id, 2);
    const lapsed = await holdSlots(app, c!.token, busy.id, 1);
    await lapseHold(app, lapsed.id);
    const cancelled = await holdSlots(app, d!.token, busy.id, 2);
    await cancel(d!.token, cancelled.id);
    // Quiet sells out to one hold, and two people wait for it.
    await holdSlots(app, e!.token, quiet.id, 4);
    for (const waiter of [f!, g!]) {
      const joined = await app.http.post(`/shows/${quiet.id}/waitlist`).set(bearer(waiter.token)).send({ quantity: 1 });
      expect(joined.status).toBe(201);
    }

    const response = await app.http.get(`/reports/occupancy?${query}`).set(bearer(adminToken));
    expect(response.status).toBe(200);
    const report = response.body as OccupancyReport;
    expect([report.from, report.to]).toEqual([from.toISOString(), to.toISOString()]);
    expect(report.shows.map(({ startTime: _, ...row }) => row)).toEqual([
      {
        showId: busy.id,
        name: 'Busy',
        timeZone: 'UTC',
        total: 10,
        confirmed: 3,
        held: 2,
        free: 5,
        holdsExpired: 1,
        cancellations: 1,
        waiting: 0,
      },
      {
        showId: quiet.id,
        name: 'Quiet',
        timeZone: 'Europe/Paris',
        total: 4,
        confirmed: 0,
        held: 4,
        free: 0,
        holdsExpired: 0,
        cancellations: 0,
        waiting: 2,
      },
    ]);

    const csv = await asText(`/reports/occupancy?${query}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="occupancy-${from.toISOString().slice(0, 10)}-to-${to.toISOString().slice(0, 10)}.csv"`,
    );
    const rows = parse(csv.body as string, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => Object.values(row).filter((_, i) => i !== 2))).toEqual([
      [String(busy.id), 'Busy', 'UTC', '10', '3', '2', '5', '1', '1', '0'],
      [String(quiet.id), 'Quiet', 'Europe/Paris', '4', '0', '4', '0', '0', '0', '2'],
    ]);
  });

  it.each([
    ['from after to', 'from=2031-02-01&to=2031-01-01', 'from must be before to'],
    ['an empty window', 'from=2031-01-01&to=2031-01-01T00:00:00Z', 'from must be before to'],
    ['over 366 days', 'from=2031-01-01&to=2032-01-03', 'at most 366 days'],
    ['a bad date', 'from=2031-13-01&to=2032-01-01', 'Give a date'],
    ['a missing edge', 'from=2031-01-01', 'to'],
    ['an unknown format', 'from=2031-01-01&to=2031-02-01&format=xlsx', 'format must be json or csv'],
    ['an unknown parameter', 'from=2031-01-01&to=2031-02-01&show=1', 'show'],
  ])('when the query has %s, then 400 says what is wrong', async (_, q, message) => {
    const response = await app.http.get(`/reports/occupancy?${q}`).set(bearer(adminToken));
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_ERROR');
    expect(response.body.error.message).toContain(message);
  });

  it('when the caller is not an admin, then 401 or 403', async () => {
    expect((await app.http.get(`/reports/occupancy?${query}`)).status).toBe(401);
    expect((await app.http.get(`/reports/occupancy?${query}`).set(bearer(userToken))).status).toBe(403);
  });
});
