import { errorBodySchema, type Endpoint } from '@holdfast/contracts';
import type { z } from 'zod';
import { env } from '@/config/env';
import { ApiError } from './api-error';
import { authToken } from './auth-token';

type ResponseOf<E extends Endpoint> = E['response'] extends z.ZodType ? z.output<E['response']> : void;
type BodyOption<E extends Endpoint> = E extends { body: z.ZodType } ? { body: z.input<E['body']> } : { body?: never };
type ParamsOption<E extends Endpoint> = E['path'] extends `${string}:id${string}`
  ? { params: { id: number } }
  : { params?: never };
export type CallOptions<E extends Endpoint> = BodyOption<E> & ParamsOption<E> & { signal?: AbortSignal };

type SessionEndedListener = () => void;
const sessionEndedListeners = new Set<SessionEndedListener>();

/** The auth provider listens here: a rejected token anywhere ends the session in one place. */
export function onSessionEnded(listener: SessionEndedListener): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

function urlFor(endpoint: Endpoint, params?: { id: number }): string {
  const path = endpoint.path.replace(':id', params ? String(params.id) : ':id');
  return `${env.apiUrl}${path}`;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(response.status, 'BAD_RESPONSE', 'The server sent an answer we could not read');
  }
}

function toApiError(response: Response, body: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return new ApiError(response.status, 'BAD_RESPONSE', `The server answered ${response.status}`);
  const { code, message, details } = parsed.data.error;
  return new ApiError(response.status, code, message, details);
}

/** Calls one contract endpoint and returns its response parsed by the contract's schema. */
export async function call<E extends Endpoint>(endpoint: E, options: CallOptions<E>): Promise<ResponseOf<E>> {
  const { body, params, signal } = options as { body?: unknown; params?: { id: number }; signal?: AbortSignal };
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = endpoint.access === 'public' ? null : authToken.get();
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(urlFor(endpoint, params), {
      method: endpoint.method.toUpperCase(),
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', 'Could not reach the server');
  }

  const json = await readJson(response);
  if (!response.ok) {
    const error = toApiError(response, json);
    if (error.code === 'UNAUTHENTICATED' && token) sessionEndedListeners.forEach((listener) => listener());
    throw error;
  }
  if (!endpoint.response) return undefined as ResponseOf<E>;
  const parsed = endpoint.response.safeParse(json);
  if (!parsed.success) throw new ApiError(response.status, 'BAD_RESPONSE', 'The server sent an unexpected answer');
  return parsed.data as ResponseOf<E>;
}
