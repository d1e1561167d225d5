import type { Show } from '@holdfast/contracts';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShow } from './support/factories.js';
import { rawGet } from './support/raw-http.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Its own database: these tests count every show in the list.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const HOUR = 60;
const ids = (shows: Show[]) => shows.map((show) => show.id);

/** `count` shows straight in SQL, `spacing` apart from `startsIn` on; several may share a start time. */
async function insertShows(count: number, options: { startsInMinutes?: number; spacingMinutes?: number } = {}) {
  const { rows } = await app.db.query<{ id: number }>(
    `INSERT INTO shows (name, start_time, total_slots, available_slots)
     SELECT 'Bulk ' || n, date_trunc('minute', now()) + ($2 + (n / 2) * $3) * interval '1 minute', 10, 10
     FROM generate_series(1, $1) n RETURNING id`,
    [count, options.startsInMinutes ?? HOUR, options.spacingMinutes ?? 1],
  );
  return rows.map((row) => row.id);
}

/** Follows Link rel="next" from `path` to the last page; answers every page's shows and links. */
async function walk(path: string) {
  const pages: { shows: Show[]; link: string | undefined }[] = [];
  let next: string | undefined = path;
  while (next !== undefined) {
    const response = await app.http.get(next).expect(200);
    const link = response.headers.link as string | undefined;
    pages.push({ shows: response.body as Show[], link });
    next = link === undefined ? undefined : /^<([^>]+)>; rel="next"$/.exec(link)![1];
    if (pages.length > 100) throw new Error('the pages never end');
  }
  return pages;
}

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

describe('GET /shows pages through the upcoming shows', () => {
  it('when paged with a limit, then each upcoming show comes once, in order; the last page has no Link', async () => {
    const started = await createShow(app, { startsInMinutes: -5 });
    // Pairs share a start time, so the id breaks ties across page boundaries.
    const upcoming = await insertShows(23, { startsInMinutes: 10 * 24 * HOUR });
    const { rows } = await app.db.query<{ id: number }>(
      'SELECT id FROM shows WHERE start_time >= now() ORDER BY start_time, id',
    );

    const pages = await walk('/shows?limit=5');

    const seen = pages.flatMap((page) => ids(page.shows));
    expect(seen).toEqual(rows.map((row) => row.id));
    expect(seen).toEqual(expect.arrayContaining(upcoming));
    expect(seen).not.toContain(started.id);
    expect(pages.slice(0, -1).every((page) => page.shows.length === 5 && page.link !== undefined)).toBe(true);
    expect(pages.at(-1)!.link).toBeUndefined();
    expect(pages[1]!.link).toMatch(/^<\/shows\?limit=5&after=[A-Za-z0-9_-]+>; rel="next"$/);
  });

  it('when no limit is given, then a page holds 50 and the Link keeps the query', async () => {
    await insertShows(60, { startsInMinutes: 20 * 24 * HOUR });
    const from = inMinutes(-24 * HOUR);
    const response = await app.http.get('/shows').query({ from }).expect(200);
    expect(response.body).toHaveLength(50);
    const next = new URL(/^<([^>]+)>/.exec(response.headers.link as string)![1]!, 'http://x');
    expect(next.pathname).toBe('/shows');
    expect(Object.fromEntries(next.searchParams)).toEqual({ from, limit: '50', after: expect.any(String) });
  });

  it('when from and to are given, then only shows starting in [from, to) come', async () => {
    const before = await createShow(app, { startsInMinutes: 400 * 24 * HOUR - 1 });
    const first = await createShow(app, { startsInMinutes: 400 * 24 * HOUR });
    const second = await createShow(app, { startsInMinutes: 400 * 24 * HOUR + 30 });
    const atTo = await createShow(app, { startsInMinutes: 400 * 24 * HOUR + 60 });

    const response = await app.http.get('/shows').query({ from: first.startTime, to: atTo.startTime }).expect(200);

    expect(ids(response.body as Show[])).toEqual([first.id, second.id]);
    expect(ids(response.body as Show[])).not.toContain(before.id);
  });

  it('when nothing is asked, then shows that have started are left out', async () => {
    const started = await createShow(app, { startsInMinutes: -1 });
    const soon = await createShow(app, { startsInMinutes: 1 });
    const listed = ids((await app.http.get('/shows?limit=200').expect(200)).body as Show[]);
    expect(listed).toContain(soon.id);
    expect(listed).not.toContain(started.id);
  });

  it('when the admin dashboard asks order=desc, then started shows come, most recent first, and page on', async () => {
    const longAgo = await createShow(app, { startsInMinutes: -3 * 24 * HOUR });
    const yesterday = await createShow(app, { startsInMinutes: -24 * HOUR });
    const justStarted = await createShow(app, { startsInMinutes: -2 });
    const upcoming = await createShow(app, { startsInMinutes: 2 });

    const pages = await walk('/shows?order=desc&limit=2');
    const seen = pages.flatMap((page) => ids(page.shows));

    expect(seen.filter((id) => [longAgo.id, yesterday.id, justStarted.id].includes(id))).toEqual([
      justStarted.id,
      yesterday.id,
      longAgo.id,
    ]);
    expect(seen).not.toContain(upcoming.id);
    const times = pages.flatMap((page) => page.shows.map((show) => Date.parse(show.startTime)));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(pages[0]!.link).toContain('order=desc');
  });
});

describe('GET /shows refuses what it cannot answer', () => {
  it.each([
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=2.5', 'limit'],
    ['limit=1&limit=2', 'limit'],
    ['from=tomorrow', 'from'],
    ['from=2030-01-01T10:00:00', 'from'],
    ['to=2030-13-01T00:00:00Z', 'to'],
    ['from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z', 'to'],
    ['from=2030-01-01T00:00:00Z&to=2030-01-01T00:00:00Z', 'to'],
    ['order=up', 'order'],
    ['after=not%20a%20cursor', 'after'],
    ['page=2', 'page'],
  ])('when asked %s, then 400 VALIDATION_ERROR naming %s', async (query, field) => {
    const response = await app.http.get(`/shows?${query}`).expect(400);
    expect(response.body.error.code).toBe('VALIDATION_ERROR');
    expect(response.body.error.details.fields.map((f: { path: string }) => f.path)).toEqual([field]);
  });

  it('when the cursor is tampered with, then 400 INVALID_CURSOR', async () => {
    await insertShows(3, { startsInMinutes: 30 * 24 * HOUR });
    const link = (await app.http.get('/shows?limit=1').expect(200)).headers.link as string;
    const after = /after=([^&>]+)/.exec(link)![1]!;
    const decoded = Buffer.from(after, 'base64url').toString();
    const [micros, id, check] = decoded.split('.') as [string, string, string];
    const encode = (text: string) => Buffer.from(text).toString('base64url');
    const forged = [
      encode(`${micros}.${Number(id) + 1}.${check}`),
      encode(`${Number(micros) - 1}.${id}.${check}`),
      encode(`${micros}.${id}`),
      encode(`${micros}.0.${check}`),
      encode(`${micros}.x${id}.${check}`),
      encode(`${decoded}.1`),
      encode('{"id":1}'),
      `${after}A`,
      after.slice(0, -2),
      after.slice(0, -4),
    ];
    for (const cursor of forged) {
      const response = await app.http.get(`/shows?limit=1&after=${cursor}`);
      expect(response.status, cursor).toBe(400);
      expect(response.body.error.code, cursor).toBe('INVALID_CURSOR');
    }
  });
});

describe('GET /shows and GET /shows/:id answer compressed and conditionally', () => {
  it('when gzip or br is accepted, then the body comes compressed and decodes to the same array', async () => {
    await insertShows(40, { startsInMinutes: 40 * 24 * HOUR });
    const plain = await rawGet(app.baseUrl, '/shows', { 'accept-encoding': 'identity' });
    const unasked = await rawGet(app.baseUrl, '/shows');
    const gzip = await rawGet(app.baseUrl, '/shows', { 'accept-encoding': 'gzip' });
    const br = await rawGet(app.baseUrl, '/shows', { 'accept-encoding': 'br' });

    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(unasked.headers['content-encoding']).toBeUndefined();
    expect(unasked.body).toEqual(plain.body);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(br.headers['content-encoding']).toBe('br');
    for (const answer of [plain, gzip, br]) expect(answer.headers.vary).toMatch(/accept-encoding/i);
    const shows = JSON.parse(plain.body.toString()) as Show[];
    expect(shows).toHaveLength(50);
    expect(JSON.parse(gunzipSync(gzip.body).toString())).toEqual(shows);
    expect(JSON.parse(brotliDecompressSync(br.body).toString())).toEqual(shows);
    expect(br.body.length).toBeLessThan(plain.body.length / 3);
  });

  it('when If-None-Match names the ETag, then 304 with no body; after a change, 200 with a new ETag', async () => {
    const show = await createShow(app, { startsInMinutes: 2 });
    for (const path of ['/shows', `/shows/${show.id}`]) {
      const first = await rawGet(app.baseUrl, path, { 'accept-encoding': 'gzip' });
      const etag = first.headers.etag as string;
      expect(etag, path).toMatch(/^W\/"/);

      const again = await rawGet(app.baseUrl, path, { 'accept-encoding': 'gzip', 'if-none-match': etag });
      expect(again.status, path).toBe(304);
      expect(again.body.length, path).toBe(0);

      await app.db.query('UPDATE shows SET name = name || $2 WHERE id = $1', [show.id, '!']);
      const changed = await rawGet(app.baseUrl, path, { 'if-none-match': etag });
      expect(changed.status, path).toBe(200);
      expect(changed.headers.etag, path).not.toBe(etag);
    }
  });
});

describe('GET /shows with 1,000 shows in the database', () => {
  it('when the first page is asked for with br or gzip, then it is at most 10 KB on the wire', async () => {
    const { rows } = await app.db.query<{ count: number }>('SELECT count(*)::int AS count FROM shows');
    await app.db.query(
      `INSERT INTO shows (name, start_time, total_slots, available_slots)
       SELECT 'Evening performance number ' || n, now() + n * interval '17 minutes', 100 + n % 50, 100 + n % 50
       FROM generate_series(1, $1) n`,
      [Math.max(0, 1000 - rows[0]!.count)],
    );
    for (const encoding of ['br', 'gzip']) {
      const answer = await rawGet(app.baseUrl, '/shows', { 'accept-encoding': encoding });
      expect(answer.headers['content-encoding']).toBe(encoding);
      expect(answer.body.length, encoding).toBeLessThanOrEqual(10 * 1024);
    }
  });
});
