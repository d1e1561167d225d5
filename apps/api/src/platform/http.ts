import { MAX_ERROR_MESSAGE_LENGTH } from '@holdfast/contracts';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { AppError } from './errors.js';
import type { ErrorReporter } from './error-reporter.js';
import { REQUEST_ID_HEADER } from './request-id.js';

const BODY_LIMIT = '16kb';

/** Bodies are JSON only: any other declared content type is refused, never coerced. */
export const jsonOnly: RequestHandler = (req, _res, next) => {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (hasBody && !req.is('application/json')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json', 415);
  }
  next();
};

export const jsonBody = express.json({ limit: BODY_LIMIT, strict: true });

export const routeNotFound: RequestHandler = (req) => {
  throw new AppError('NOT_FOUND', `No route for ${req.method} ${req.path}`, 404);
};

/** body-parser's own errors carry a `type`; map each to a clear 4xx. */
function fromBodyParser(error: { type?: string; status?: number }): AppError | null {
  switch (error.type) {
    case 'entity.parse.failed':
      return new AppError('INVALID_JSON', 'The request body is not valid JSON', 400);
    case 'entity.too.large':
      return new AppError('PAYLOAD_TOO_LARGE', `The request body is larger than ${BODY_LIMIT}`, 413);
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the request body as UTF-8 JSON', 415);
    case 'request.aborted':
    case 'request.size.invalid':
      return new AppError('BAD_REQUEST', 'The request body was incomplete', 400);
    default:
      return error.status && error.status >= 400 && error.status < 500
        ? new AppError('BAD_REQUEST', 'The request could not be read', error.status)
        : null;
  }
}

export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (typeof error === 'object' && error !== null) return fromBodyParser(error as { type?: string; status?: number });
  return null;
}

const truncate = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** Nothing about the failure is echoed; the request id lets support find its log lines. */
const internalError = (requestId: unknown) =>
  new AppError(
    'INTERNAL_ERROR',
    `Something went wrong on our side${typeof requestId === 'string' ? ` (request id ${requestId})` : ''}`,
    500,
  );

/** Known errors become their wire body; anything else is reported and answered with a bare 500. */
export const errorHandler =
  (reporter: ErrorReporter): ErrorRequestHandler =>
  (error, req, res, _next) => {
    const known = toAppError(error);
    if (!known) reporter.report(error, { source: 'http', method: req.method, path: req.path });
    const appError = known ?? internalError(res.getHeader(REQUEST_ID_HEADER));
    res.locals.errorCode = appError.code;
    if (res.headersSent) return;
    if (appError.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(appError.retryAfterSeconds));
    const body: { code: string; message: string; details?: unknown } = {
      code: appError.code,
      // A message can quote the request (a path, every invalid field): the contract bounds its length.
      message: truncate(appError.message, MAX_ERROR_MESSAGE_LENGTH),
    };
    if (appError.details !== undefined) body.details = appError.details;
    res.status(appError.status).json({ error: body });
  };
