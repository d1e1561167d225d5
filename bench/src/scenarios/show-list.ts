import http from 'node:http';
import type { BenchContext } from '../context.js';
import { cannon, summarise } from '../load/cannon.js';
import { seedShows } from '../seed.js';

/** What a browser asks for (part 2 of the issue compresses; an API that does not answers identity). */
const BROWSER_ENCODINGS = 'gzip, br';

/** The first page's bytes on the wire, its encoding and whether a Link rel="next" follows. */
function firstPage(url: string, acceptEncoding: string) {
  return new Promise<{ bytes: number; encoding: string; next: boolean; status: number }>((resolve, reject) => {
    http
      .get(`${url}/shows`, { headers: { 'accept-encoding': acceptEncoding } }, (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () =>
          resolve({
            bytes,
            encoding: response.headers['content-encoding'] ?? 'identity',
            next: /rel="?next"?/.test(String(response.headers.link ?? '')),
            status: response.statusCode ?? 0,
          }),
        );
      })
      .on('error', reject);
  });
}

/** Scenario 3: GET /shows with many shows in the database, as a browser asks for it. */
export async function showList(ctx: BenchContext) {
  const { shows, clients } = ctx.settings.showList;
  await seedShows(ctx.db, shows, 100, 'Listed');
  const { rows } = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM shows');
  const plain = await firstPage(ctx.api.url, 'identity');
  const compressed = await firstPage(ctx.api.url, BROWSER_ENCODINGS);
  const result = await cannon({
    url: ctx.api.url,
    connections: clients,
    bearers: [],
    method: 'GET',
    path: '/shows',
    headers: { 'accept-encoding': BROWSER_ENCODINGS },
    seconds: ctx.settings.seconds,
  });
  const figures = summarise(result);
  if (figures.ok === result.requests && result.errors === 0) ctx.verdicts.pass('GET /shows: every answer 2xx');
  else ctx.verdicts.fail('GET /shows', `${result.requests - figures.ok} non-2xx answers, ${result.errors} errors`);
  ctx.targets.set(ctx.pass.label, 'listRate', figures.requestsPerSecond);
  ctx.targets.set(ctx.pass.label, 'listP99', figures.p99);
  ctx.targets.set(ctx.pass.label, 'listBytes', compressed.bytes);
  ctx.report.table(
    `3. GET /shows with ${rows[0]!.n.toLocaleString('en-US')} shows in the database, ${clients} clients, ` +
      `${ctx.settings.seconds} s`,
    ['req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'first page bytes', `first page bytes (${BROWSER_ENCODINGS})`, 'encoding'],
    [
      [
        ...[figures.requestsPerSecond, figures.p50, figures.p99, result.requests - figures.ok, plain.bytes],
        ...[compressed.bytes, `${compressed.encoding}${compressed.next ? ', Link rel=next' : ''}`],
      ],
    ],
    [`Requests carry Accept-Encoding: ${BROWSER_ENCODINGS}, as a browser's do; the first page is GET /shows as is.`],
  );
}
