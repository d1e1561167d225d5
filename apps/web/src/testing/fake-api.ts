import { vi } from 'vitest';

type Reply = { status: number; body?: unknown } | 'network-error';
type Handler = (request: { body: unknown; params: Record<string, string> }) => Reply | Promise<Reply>;

export const json = (status: number, body?: unknown): Reply => ({ status, body });
export const apiError = (status: number, code: string, message: string, details?: unknown): Reply =>
  json(status, { error: { code, message, ...(details === undefined ? {} : { details }) } });

/**
 * A stand-in for the API at the fetch boundary, so tests exercise the real client, its contract
 * parsing and its error mapping. Routes look like 'POST /bookings' or 'GET /bookings/:id'.
 * Returns the list of calls made, as 'METHOD /path', for assertions.
 */
export function fakeApi(routes: Record<string, Handler>) {
  const calls: string[] = [];
  const compiled = Object.entries(routes).map(([route, handler]) => {
    const [method, pattern] = route.split(' ') as [string, string];
    const names: string[] = [];
    const regex = new RegExp(`^${pattern.replace(/:(\w+)/g, (_, name: string) => (names.push(name), '([^/]+)'))}$`);
    return { method, regex, names, handler };
  });

  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const url = new URL(input);
    const method = init.method ?? 'GET';
    calls.push(`${method} ${url.pathname}`);
    for (const route of compiled) {
      const match = route.method === method ? route.regex.exec(url.pathname) : null;
      if (!match) continue;
      const params = Object.fromEntries(route.names.map((name, i) => [name, match[i + 1]!]));
      const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
      const reply = await route.handler({ body, params });
      if (reply === 'network-error') throw new TypeError('Failed to fetch');
      return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
        status: reply.status,
        headers: { 'content-type': 'application/json' },
      });
    }
    throw new Error(`fakeApi: no route for ${method} ${url.pathname}`);
  });
  return calls;
}
