import { OpenAPIRegistry, OpenApiGeneratorV3 } from '@asteasolutions/zod-to-openapi';
import {
  csvTextSchema,
  endpoints,
  errorBodySchema,
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAYED_HEADER,
  idempotencyKeySchema,
  idSchema,
  type Endpoint,
} from '@holdfast/contracts';
import { z } from 'zod';
import { MAX_RETRY_AFTER_SECONDS } from './errors.js';
import { MAX_ORIGIN_LENGTH, ORIGIN_PATTERN } from './cors.js';
import { QUOTA_POLICY } from './request-quota.js';
import { REQUEST_ID_HEADER } from './request-id.js';

/** Errors every endpoint can answer, by access level and whether it reads a body, with the codes they carry. */
function commonErrors(endpoint: Endpoint): Record<number, string> {
  // Every route parses a JSON body if one is sent, so even a route that reads none can answer 400/413/415.
  const errors: Record<number, string> = {
    400:
      endpoint.body || endpoint.query
        ? 'VALIDATION_ERROR (details.fields names each problem), INVALID_JSON or BAD_REQUEST'
        : 'INVALID_JSON or BAD_REQUEST: this route reads no body, but one was sent and could not be read',
    413: 'PAYLOAD_TOO_LARGE: the request body is over 16 kB',
    415: 'UNSUPPORTED_MEDIA_TYPE: the request body is not UTF-8 application/json',
    429: 'RATE_LIMITED: too many requests from this address (REQUESTS_PER_IP_PER_MINUTE)',
    500: 'INTERNAL_ERROR: unexpected server error (logged, never echoed)',
  };
  if (endpoint.access === 'operator') {
    errors[401] = 'UNAUTHENTICATED: METRICS_TOKEN is set and the bearer token is missing or not it';
  } else if (endpoint.access !== 'public') errors[401] = 'UNAUTHENTICATED: missing, invalid or expired bearer token';
  if (endpoint.access === 'admin') errors[403] = 'FORBIDDEN: only administrators can do this';
  if (endpoint.idempotent) {
    errors[400] += `; INVALID_IDEMPOTENCY_KEY: ${IDEMPOTENCY_KEY_HEADER} is empty, over 255 characters or not ASCII`;
    errors[409] = `IDEMPOTENCY_KEY_IN_USE: a request with this ${IDEMPOTENCY_KEY_HEADER} is still running`;
    errors[422] = `IDEMPOTENCY_KEY_REUSED: this ${IDEMPOTENCY_KEY_HEADER} was used for a different request`;
  }
  if (!endpoint.offline) {
    errors[503] = 'BUSY (a lock or the pool waited too long) or DATABASE_UNAVAILABLE';
  }
  return errors;
}

const text = (maxLength: number, pattern?: string) => ({
  type: 'string' as const,
  maxLength,
  ...(pattern ? { pattern } : {}),
});

/** Sent on every response by the middleware in front of all routes (app.ts); README's configuration table. */
const everyResponseHeaders = {
  'RateLimit-Policy': {
    description:
      'The per-address request quota (IETF draft-ietf-httpapi-ratelimit-headers), counted by each API instance: ' +
      `\`"${QUOTA_POLICY}";q=<requests>;w=60\`. Absent when RATE_LIMITS=off.`,
    schema: text(64, `^"${QUOTA_POLICY}";q=\\d+;w=60$`),
  },
  RateLimit: {
    description:
      `What is left of the quota: \`"${QUOTA_POLICY}";r=<requests left>;t=<seconds until it is renewed>\`. ` +
      'Absent when RATE_LIMITS=off.',
    schema: text(64, `^"${QUOTA_POLICY}";r=\\d+;t=\\d+$`),
  },
  [REQUEST_ID_HEADER]: {
    description:
      `This request's id, on every line the API logged while serving it: the request's own ${REQUEST_ID_HEADER} ` +
      'when it is 1 to 128 letters, digits or `._:=+/-`, a new UUID otherwise',
    schema: text(128, '^[A-Za-z0-9._:=+/-]{1,128}$'),
  },
  'Access-Control-Allow-Origin': {
    description: "`*`, or the request's Origin when it is one of CORS_ORIGIN (absent for any other origin)",
    schema: text(MAX_ORIGIN_LENGTH, `^(\\*|${ORIGIN_PATTERN.source.slice(1, -1)})$`),
  },
};

const attachmentHeader = {
  'Content-Disposition': {
    description: 'For a CSV answer: `attachment; filename="<name>.csv"`, so that a browser saves it as a file',
    schema: text(200, '^attachment; filename="[A-Za-z0-9._-]+"$'),
  },
};

const replayedHeader = {
  [IDEMPOTENT_REPLAYED_HEADER]: {
    description: `"true" when this is the stored answer to an earlier request with the same ${IDEMPOTENCY_KEY_HEADER}`,
    schema: { type: 'string' as const, enum: ['true'], maxLength: 4 },
  },
};

const etagHeader = {
  ETag: {
    description: 'A weak validator of this answer: send it back as If-None-Match to get 304 while it still holds',
    schema: text(64, '^W/"[0-9a-f]{1,8}-[A-Za-z0-9+/_-]{1,43}"$'),
  },
};

const nextPageHeader = {
  Link: {
    description:
      'Present while there is a next page: `<path?query>; rel="next"` (RFC 8288), the same query with the ' +
      'cursor of the next page in `after`. Absent on the last page.',
    schema: text(1024, '^<[^>]+>; rel="next"$'),
  },
};

const retryAfterHeader = {
  'Retry-After': {
    description: 'Seconds to wait before trying again',
    schema: { type: 'integer' as const, format: 'int32', minimum: 1, maximum: MAX_RETRY_AFTER_SECONDS },
  },
};

/** 503 and 429 always say when to retry; so does an idempotent endpoint's 409 (its key may still be in use). */
const saysWhenToRetry = (endpoint: Endpoint, status: number) =>
  status === 503 || status === 429 || (status === 409 && endpoint.idempotent === true);

const describeError = (endpoint: Endpoint, status: number, description: string) => ({
  description,
  headers: { ...everyResponseHeaders, ...(saysWhenToRetry(endpoint, status) ? retryAfterHeader : {}) },
  content: { 'application/json': { schema: errorBodySchema } },
});

/** An endpoint's own reasons for a status come first; the ones every endpoint shares follow. */
function errorResponses(endpoint: Endpoint) {
  const common = commonErrors(endpoint);
  const statuses = new Set([...Object.keys(common), ...Object.keys(endpoint.errors)].map(Number));
  return Object.fromEntries(
    [...statuses].map((status) => {
      const reasons = [endpoint.errors[status], common[status]].filter((reason) => reason !== undefined);
      return [status, describeError(endpoint, status, reasons.join('; '))];
    }),
  );
}

const ifNoneMatchSchema = z
  .string()
  .max(1024)
  .regex(/^[\x20-\x7e]+$/)
  .optional()
  .meta({ description: 'ETags of answers you hold; a match answers 304 with no body' });

const toOpenApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/** The OpenAPI 3 document, generated from the same contract the routes are mounted from. */
export function buildOpenApiDocument() {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'The token from /auth/register or /auth/login. It follows RFC8725 for HS256: the algorithm is pinned when ' +
      'signing and verifying (never `none`), the issuer is checked and a token without an expiry is refused; ' +
      'the key, JWT_SECRET, should be 32+ random characters (RFC8725 section 3.5).',
  });

  const operatorToken = registry.registerComponent('securitySchemes', 'metricsToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'METRICS_TOKEN, when the deployment sets one; without it the operator endpoints are open',
  });
  const securityOf = (access: Endpoint['access']) => {
    if (access === 'public') return [];
    // `{}`: no token at all is accepted too, when METRICS_TOKEN is unset.
    if (access === 'operator') return [{ [operatorToken.name]: [] }, {}];
    return [{ [bearer.name]: [] }];
  };

  for (const endpoint of Object.values(endpoints) as Endpoint[]) {
    registry.registerPath({
      method: endpoint.method,
      path: toOpenApiPath(endpoint.path),
      summary: endpoint.summary,
      tags: [endpoint.tag],
      security: securityOf(endpoint.access),
      request: {
        ...(endpoint.path.includes(':id') ? { params: z.object({ id: idSchema }) } : {}),
        ...(endpoint.query ? { query: endpoint.query } : {}),
        ...(endpoint.idempotent
          ? { headers: z.object({ [IDEMPOTENCY_KEY_HEADER]: idempotencyKeySchema.optional() }) }
          : {}),
        ...(endpoint.conditional ? { headers: z.object({ 'If-None-Match': ifNoneMatchSchema }) } : {}),
        ...(endpoint.body
          ? { body: { required: true, content: { 'application/json': { schema: endpoint.body } } } }
          : {}),
      },
      responses: {
        [endpoint.status]: {
          description: endpoint.response ? 'Success' : 'Success, no content',
          headers: {
            ...everyResponseHeaders,
            ...(endpoint.idempotent ? replayedHeader : {}),
            ...(endpoint.conditional ? etagHeader : {}),
            ...(endpoint.paged ? nextPageHeader : {}),
            ...(endpoint.attachment || endpoint.csvFormat ? attachmentHeader : {}),
          },
          ...(endpoint.response
            ? {
                content: {
                  [endpoint.produces ?? 'application/json']: { schema: endpoint.response },
                  ...(endpoint.csvFormat ? { 'text/csv': { schema: csvTextSchema } } : {}),
                },
              }
            : {}),
        },
        ...(endpoint.alternativeStatus && endpoint.response
          ? {
              [endpoint.alternativeStatus.status]: {
                description: endpoint.alternativeStatus.description,
                headers: everyResponseHeaders,
                content: { 'application/json': { schema: endpoint.response } },
              },
            }
          : {}),
        ...(endpoint.conditional
          ? {
              304: {
                description: 'Not modified: If-None-Match names the current ETag; no body',
                headers: { ...everyResponseHeaders, ...etagHeader },
              },
            }
          : {}),
        ...errorResponses(endpoint),
      },
    });
  }

  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info: {
      title: 'Holdfast API',
      version: '0.1.0',
      description:
        'Book places on shows with a fixed number of places. Holds last BOOKING_HOLD_SECONDS; ' +
        'live availability is pushed over Socket.IO as `showsUpdated`. Every request counts against a ' +
        'per-address quota announced in the RateLimit-Policy and RateLimit headers; sign-in, registration and ' +
        'booking have stricter limits of their own. A refusal is 429 RATE_LIMITED with Retry-After.',
    },
    servers: [{ url: '/' }],
  });
}
