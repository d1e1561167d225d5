/** Codes the client itself produces when no server answer could be read. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE';

/** A failed call: the server's `{ error: { code, message, details } }`, or a client-side code with status 0. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** From Retry-After: how long the server asks us to wait before trying again. */
    readonly retryAfterSeconds?: number,
    /** The server's X-Request-Id for this answer: what support looks the failure up by. */
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The request may or may not have reached the server: only the server can tell what happened. */
  get isNetworkError(): boolean {
    return this.code === 'NETWORK_ERROR';
  }

  /** The server answered, but failed (5xx) or sent what we cannot use: not the person's connection. */
  get isServerFailure(): boolean {
    return !this.isNetworkError && (this.status >= 500 || this.code === 'BAD_RESPONSE');
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

export function hasCode(error: unknown, ...codes: string[]): error is ApiError {
  return isApiError(error) && codes.includes(error.code);
}

/** VALIDATION_ERROR details as a field -> message map (first message per field wins). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!hasCode(error, 'VALIDATION_ERROR')) return {};
  const fields = (error.details as { fields?: { path: string; message: string }[] } | undefined)?.fields ?? [];
  const result: Record<string, string> = {};
  for (const field of fields) result[field.path || '_form'] ??= field.message;
  return result;
}
