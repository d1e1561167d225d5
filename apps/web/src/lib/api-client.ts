import {
  errorBodySchema,
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAYED_HEADER,
  type Endpoint,
} from '@holdfast/contracts';
import { z } from 'zod';
import { env } from '@/config/env';
import { ApiError } from './api-error';
import { authToken } from './auth-token';

// zod compiles a fast parser for each object schema the first time it parses (new Function): worth it for a
// server's thousands of parses, not for a page's few. Measured on the shows page under Lighthouse's mobile CPU,
// the compile was one 280 ms task before the list could render.
z.config({ jitless: true });

type ResponseOf<E extends Endpoint> = E['response'] extends z.ZodType ? z.output<E['response']> : void;
type BodyOption<E extends Endpoint> = E extends { body: z.ZodType } ? { body: z.input<E['body']> } : { body?: never };
type ParamsOption<E extends Endpoint> = E['path'] extends `${string}:id${string}`
  ? { params: { id: number } }
  : { params?: never };
type QueryOption<E extends Endpoint> = E extends { query: z.ZodType }
  ? { query?: z.input<E['query']> }
  : { query?: never };
export type CallOptions<E extends Endpoint> = BodyOption<E> &
  ParamsOption<E> &
  QueryOption<E> & {
    signal?: AbortSignal;
    /** Give up after this long and report NETWORK_ERROR: no answer in time is a lost answer. */
    timeoutMs?: number;
  };
export type IdempotentCallOptions<E extends Endpoint> = CallOptions<E> & { idempotencyKey: string };

type SessionEndedListener = () => void;
const sessionEndedListeners = new Set<SessionEndedListener>();

/** The auth provider listens here: a rejected token anywhere ends the session in one place. */
export function onSessionEnded(listener: SessionEndedListener): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

/** A query as the server reads it: each given parameter once, as text. */
type Query = Record<string, string | number | undefined>;

function urlFor(endpoint: Endpoint, params?: { id: number }, query?: Query): string {
  const path = endpoint.path.replace(':id', params ? String(params.id) : ':id');
  const given = Object.entries(query ?? {}).filter(
    (entry): entry is [string, string | number] => entry[1] !== undefined,
  );
  const search = new URLSearchParams(given.map(([name, value]) => [name, String(value)])).toString();
  return `${env.apiUrl}${path}${search ? `?${search}` : ''}`;
}

/**
 * The query of the `Link: <...>; rel="next"` target (RFC 8288, as GitHub pages its lists), or undefined on the
 * last page. The only place the web app reads a Link header: callers follow the query, never the URL.
 */
function nextPageQuery(response: Response): Record<string, string> | undefined {
  const header = response.headers.get('link');
  const next = header
    ?.split(',')
    .map((link) => /^\s*<([^>]*)>\s*;(.*)$/.exec(link))
    .find((match) => match && /(^|;)\s*rel="?next"?\s*(;|$)/i.test(match[2]!));
  if (!next) return undefined;
  return Object.fromEntries(new URL(next[1]!, 'http://link.invalid').searchParams);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(
      response.status,
      'BAD_RESPONSE',
      'The answer from the server arrived garbled. Please try again.',
      undefined,
      undefined,
      requestIdOf(response),
    );
  }
}

/** Retry-After in seconds; we ignore the HTTP-date form, which this API never sends. */
function retryAfterOf(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  const seconds = value === null || value.trim() === '' ? NaN : Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

/** The API names every answer (X-Request-Id, exposed to the browser by its CORS policy). */
const requestIdOf = (response: Response) => response.headers.get('x-request-id') ?? undefined;

function toApiError(response: Response, body: unknown): ApiError {
  const retryAfter = retryAfterOf(response);
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) {
    // A proxy's error page (nginx's 502) or an answer from something that is not this API.
    return new ApiError(
      response.status,
      'BAD_RESPONSE',
      `The server answered ${response.status} without an explanation`,
      undefined,
      retryAfter,
      requestIdOf(response),
    );
  }
  const { code, message, details } = parsed.data.error;
  return new ApiError(response.status, code, message, details, retryAfter, requestIdOf(response));
}

/** The caller's signal, plus an abort of our own after `timeoutMs`. */
function deadline(signal: AbortSignal | undefined, timeoutMs: number | undefined) {
  if (timeoutMs === undefined) return { signal, timedOut: () => false, done: () => {} };
  const controller = new AbortController();
  let timedOut = false;
  const abort = () => controller.abort(signal?.reason);
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('The server did not answer in time', 'TimeoutError'));
  }, timeoutMs);
  if (signal?.aborted) abort();
  signal?.addEventListener('abort', abort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    done: () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    },
  };
}

async function send<E extends Endpoint>(
  endpoint: E,
  options: CallOptions<E>,
  idempotencyKey?: string,
): Promise<{ data: ResponseOf<E>; response: Response }> {
  const { body, params, query, signal, timeoutMs } = options as {
    body?: unknown;
    params?: { id: number };
    query?: Query;
    signal?: AbortSignal;
    timeoutMs?: number;
  };
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = endpoint.access === 'public' ? null : authToken.get();
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (idempotencyKey !== undefined) headers[IDEMPOTENCY_KEY_HEADER] = idempotencyKey;

  const limit = deadline(signal, timeoutMs);
  let response: Response;
  let json: unknown;
  try {
    response = await fetch(urlFor(endpoint, params, query), {
      method: endpoint.method.toUpperCase(),
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: limit.signal,
    });
    json = await readJson(response);
  } catch (cause) {
    if (signal?.aborted) throw cause;
    if (cause instanceof ApiError) throw cause;
    const message = limit.timedOut() ? 'The server did not answer in time' : 'Could not reach the server';
    throw new ApiError(0, 'NETWORK_ERROR', message);
  } finally {
    limit.done();
  }

  if (!response.ok) {
    const error = toApiError(response, json);
    if (error.code === 'UNAUTHENTICATED' && token) sessionEndedListeners.forEach((listener) => listener());
    throw error;
  }
  if (!endpoint.response) return { data: undefined as ResponseOf<E>, response };
  const parsed = endpoint.response.safeParse(json);
  if (!parsed.success) {
    const message = 'The server sent an answer this page does not understand';
    throw new ApiError(response.status, 'BAD_RESPONSE', message, undefined, undefined, requestIdOf(response));
  }
  return { data: parsed.data as ResponseOf<E>, response };
}

/** Calls one contract endpoint and returns its response parsed by the contract's schema. */
export async function call<E extends Endpoint>(endpoint: E, options: CallOptions<E>): Promise<ResponseOf<E>> {
  return (await send(endpoint, options)).data;
}

export interface Page<E extends Endpoint> {
  data: ResponseOf<E>;
  /** The query of the next page, as the server's Link header gives it; undefined on the last page. */
  next: (E extends { query: z.ZodType } ? z.input<E['query']> : never) | undefined;
}

/** Calls a paged endpoint: its answer, and the query that asks for the page after it. */
export async function callPage<E extends Endpoint & { paged: true }>(
  endpoint: E,
  options: CallOptions<E>,
): Promise<Page<E>> {
  const { data, response } = await send(endpoint, options);
  return { data, next: nextPageQuery(response) as Page<E>['next'] };
}

/**
 * Calls an endpoint that takes an Idempotency-Key. `replayed` means the server did not act again but
 * repeated its first answer to this key, which may be old by now.
 */
export async function callIdempotent<E extends Endpoint & { idempotent: true }>(
  endpoint: E,
  options: IdempotentCallOptions<E>,
): Promise<{ data: ResponseOf<E>; replayed: boolean }> {
  const { data, response } = await send(endpoint, options, options.idempotencyKey);
  return { data, replayed: response.headers.get(IDEMPOTENT_REPLAYED_HEADER) === 'true' };
}

/** A file an endpoint answers (a CSV), and the name its Content-Disposition gives it. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string | undefined;
}

/**
 * Calls an endpoint that answers a file, with the session's token (so a plain link cannot do it): its bytes as
 * they came, or the same ApiError as `call` when it refuses.
 */
export async function callDownload<E extends Endpoint>(endpoint: E, options: CallOptions<E>): Promise<DownloadedFile> {
  const { params, query, signal } = options as { params?: { id: number }; query?: Query; signal?: AbortSignal };
  const token = authToken.get();
  let response: Response;
  try {
    response = await fetch(urlFor(endpoint, params, query), {
      headers: {
        accept: `${endpoint.produces ?? 'text/csv'}, application/json`,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', 'Could not reach the server');
  }
  if (!response.ok) {
    const error = toApiError(response, await readJson(response).catch(() => undefined));
    if (error.code === 'UNAUTHENTICATED' && token) sessionEndedListeners.forEach((listener) => listener());
    throw error;
  }
  const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  return { blob: await response.blob(), fileName };
}
