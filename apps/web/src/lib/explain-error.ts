import { isApiError } from './api-error';

/** Plain words for errors any screen can meet; features explain their own 409s. */
export function explainError(error: unknown): string {
  if (!isApiError(error)) return 'Something went wrong. Please try again.';
  switch (error.code) {
    case 'NETWORK_ERROR':
      return 'We could not reach the server. Check your connection and try again.';
    case 'FORBIDDEN':
      return 'Your account is not allowed to do that.';
    case 'UNAUTHENTICATED':
      return 'Your session has expired. Please log in again.';
    case 'BUSY':
    case 'DATABASE_UNAVAILABLE':
      return 'The server is very busy right now. Please try again in a moment.';
    case 'RATE_LIMITED':
      return error.retryAfterSeconds
        ? `Too many attempts in a short time. Please wait ${waitFor(error.retryAfterSeconds)} and try again.`
        : 'Too many attempts in a short time. Please wait a little and try again.';
    case 'INTERNAL_ERROR':
      return 'Something went wrong on our side. Please try again in a moment.';
    case 'BAD_RESPONSE':
      // Garbled on the way (try again), or this page is older than the server (reload fetches the new one).
      return error.status >= 500
        ? 'The server is having trouble right now. Please try again in a moment.'
        : 'We could not make sense of the server’s answer. Please try again; if it happens again, reload the page.';
    default:
      return error.message;
  }
}

function waitFor(seconds: number): string {
  if (seconds >= 90) return `${Math.ceil(seconds / 60)} minutes`;
  const whole = Math.max(1, Math.ceil(seconds));
  return whole === 1 ? '1 second' : `${whole} seconds`;
}
