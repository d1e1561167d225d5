import type { z } from 'zod';

/**
 * public: anyone; user: a signed-in user's bearer token; admin: an administrator's; operator: the bearer token
 * METRICS_TOKEN when the deployment sets one, anyone otherwise (monitoring, not people).
 */
export type Access = 'public' | 'user' | 'admin' | 'operator';

export interface Endpoint {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** Express-style path; `:id` is a positive integer id. */
  path: string;
  summary: string;
  tag: 'Auth' | 'Shows' | 'Series' | 'Bookings' | 'Waitlist' | 'Reports' | 'System';
  access: Access;
  body?: z.ZodType;
  /** Query parameters, validated (400 VALIDATION_ERROR) and defaulted before the handler runs. */
  query?: z.ZodObject;
  /** Success status and body; `null` body means no content. */
  status: number;
  response: z.ZodType | null;
  /**
   * Error statuses this endpoint can answer besides the generic 400/401/403/413/415/429/500/503, each starting
   * with the error codes it carries; the OpenAPI document adds the generic reasons for the same status.
   */
  errors: Partial<Record<number, string>>;
  /** A second success status with the same body (a preview: POST /series with dryRun answers 200). */
  alternativeStatus?: { status: number; description: string };
  /** True for the one endpoint that answers without asking the database (so never a 503). */
  offline?: true;
  /** Accepts an `Idempotency-Key` header: a retry with the same key replays the first 2xx answer. */
  idempotent?: true;
  /** Answers a page of a longer list: `Link: <...>; rel="next"` names the next page while there is one. */
  paged?: true;
  /** Answers an ETag; a request whose If-None-Match matches it gets 304 with no body. */
  conditional?: true;
  /** The success body's media type when it is not JSON; the body is then the handler's string as it is. */
  produces?: 'text/plain' | 'text/csv' | 'text/calendar';
  /** With `?format=csv` the answer is the same rows as text/csv (csvTextSchema), a download, instead of JSON. */
  csvFormat?: true;
  /** The answer is a file to save: Content-Disposition names it. */
  attachment?: true;
}

/** Checks one definition against Endpoint while keeping its literal types (the typed client reads them). */
export const endpoint = <const E extends Endpoint>(definition: E) => definition;
