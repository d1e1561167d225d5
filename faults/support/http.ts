/** One JSON request to the API, answered with what the limits tests look at. */
export async function send(
  url: string,
  path: string,
  options: { method?: string; token?: string; key?: string; body?: unknown } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.key !== undefined) headers['idempotency-key'] = options.key;
  const response = await fetch(`${url}${path}`, {
    method: options.method ?? 'POST',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  const body = (text ? JSON.parse(text) : null) as {
    id?: number;
    token?: string;
    error?: { code: string; details?: { bookingId?: number } };
  } | null;
  return {
    status: response.status,
    text,
    body,
    code: body?.error?.code ?? null,
    retryAfter: response.headers.get('retry-after'),
    replayed: response.headers.get('idempotent-replayed') === 'true',
  };
}
