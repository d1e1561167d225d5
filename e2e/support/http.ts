/** A JSON call to the API, as any HTTP client makes it; a non-2xx answer throws with its body. */
export type ApiCall = <T>(path: string, init?: { method?: string; token?: string; body?: unknown }) => Promise<T>;

export function apiClient(apiUrl: string): ApiCall {
  return async <T>(path: string, init: { method?: string; token?: string; body?: unknown } = {}) => {
    const response = await fetch(`${apiUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        'content-type': 'application/json',
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
}
