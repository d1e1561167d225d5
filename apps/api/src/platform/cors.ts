import { IDEMPOTENT_REPLAYED_HEADER } from '@holdfast/contracts';
import cors from 'cors';
import { REQUEST_ID_HEADER } from './request-id.js';

/** A scheme, a DNS name (at most 253 characters) and a port: what CORS_ORIGIN may list. */
export const MAX_ORIGIN_LENGTH = 300;
/** An origin as browsers send it: `scheme://host[:port]`, no path, no trailing slash. */
export const ORIGIN_PATTERN = /^[a-z][a-z0-9+.-]*:\/\/[^\s/]+$/;

/**
 * `*` (any origin) or the listed origins. `*` is sent as is rather than echoing each caller's Origin: tokens
 * travel in headers, never in cookies, and the header stays what the OpenAPI document says it is.
 */
export const corsPolicy = (origins: string[] | '*') =>
  // A browser on another origin reads only safelisted response headers unless told: the web app needs these
  // to wait as asked, to tell a replayed answer from a fresh one, to find the next page of shows, and to quote
  // the request id of a failure.
  cors({
    origin: origins,
    maxAge: 600,
    exposedHeaders: ['Retry-After', IDEMPOTENT_REPLAYED_HEADER, 'Link', REQUEST_ID_HEADER, 'Content-Disposition'],
  });
