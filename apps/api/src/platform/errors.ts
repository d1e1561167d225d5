/** The one error type the API throws on purpose; the error middleware turns it into the wire body. */
export class AppError extends Error {
  /** Sent as Retry-After: when trying again makes sense (503, 429). */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(message, options);
    this.retryAfterSeconds = options?.retryAfterSeconds;
    this.name = 'AppError';
  }
}

export const validationError = (details: unknown, message = 'The request is invalid') =>
  new AppError('VALIDATION_ERROR', message, 400, details);
