/** Retry-After never says more than this (the longest configurable rate-limit window); the document states it. */
export const MAX_RETRY_AFTER_SECONDS = 600_000;

/** The one error type the API throws on purpose; the error middleware turns it into the wire body. */
export class AppError extends Error {
  /** Sent as Retry-After, 1 to MAX_RETRY_AFTER_SECONDS: when trying again makes sense (503, 429). */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(message, options);
    const retryAfter = options?.retryAfterSeconds;
    this.retryAfterSeconds =
      retryAfter === undefined ? undefined : Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, Math.ceil(retryAfter)));
    this.name = 'AppError';
  }
}

export const validationError = (details: unknown, message = 'The request is invalid') =>
  new AppError('VALIDATION_ERROR', message, 400, details);
