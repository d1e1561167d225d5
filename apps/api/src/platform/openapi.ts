import { OpenAPIRegistry, OpenApiGeneratorV3 } from '@asteasolutions/zod-to-openapi';
import {
  endpoints,
  errorBodySchema,
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAYED_HEADER,
  idempotencyKeySchema,
  type Endpoint,
} from '@holdfast/contracts';
import { z } from 'zod';

/** Errors every endpoint can answer, by access level and whether it reads a body. */
function commonErrors(endpoint: Endpoint): Record<number, string> {
  const errors: Record<number, string> = {};
  if (endpoint.body) {
    errors[400] = 'Invalid input or malformed JSON';
    errors[413] = 'Request body too large';
    errors[415] = 'Request body is not application/json';
  }
  if (endpoint.access !== 'public') errors[401] = 'Missing, invalid or expired bearer token';
  if (endpoint.access === 'admin') errors[403] = 'Only administrators can do this';
  if (endpoint.idempotent) {
    errors[400] = [errors[400], `INVALID_IDEMPOTENCY_KEY: ${IDEMPOTENCY_KEY_HEADER} is empty, too long or not ASCII`]
      .filter(Boolean)
      .join('; ');
  }
  errors[500] = 'Unexpected server error';
  if (!endpoint.offline) {
    errors[503] = 'BUSY (a lock or the pool waited too long) or DATABASE_UNAVAILABLE; retry after Retry-After';
  }
  return errors;
}

/** What idempotent endpoints add to their own errors. */
function idempotencyErrors(endpoint: Endpoint): Record<number, string> {
  if (!endpoint.idempotent) return {};
  const inUse = `IDEMPOTENCY_KEY_IN_USE: a request with this ${IDEMPOTENCY_KEY_HEADER} is still running`;
  return {
    409: [endpoint.errors[409], inUse].filter(Boolean).join('; or '),
    422: `IDEMPOTENCY_KEY_REUSED: this ${IDEMPOTENCY_KEY_HEADER} was used for a different request`,
  };
}

const successHeaders = (endpoint: Endpoint) =>
  endpoint.idempotent
    ? {
        headers: {
          [IDEMPOTENT_REPLAYED_HEADER]: {
            description: `"true" when this is the stored answer to an earlier ${IDEMPOTENCY_KEY_HEADER}`,
            schema: { type: 'string' as const, enum: ['true'] },
          },
        },
      }
    : {};

/** 503 and 429 always say when to retry; so does an idempotent endpoint's 409 for a key still in use. */
const retryAfterStatuses = (endpoint: Endpoint) => (endpoint.idempotent ? ['409', '429', '503'] : ['429', '503']);

const retryAfterHeader = {
  'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' as const } },
};

const toOpenApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/** The OpenAPI 3 document, generated from the same contract the routes are mounted from. */
export function buildOpenApiDocument() {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });

  for (const endpoint of Object.values(endpoints) as Endpoint[]) {
    const errorResponses = Object.fromEntries(
      Object.entries({ ...commonErrors(endpoint), ...endpoint.errors, ...idempotencyErrors(endpoint) }).map(
        ([status, description]) => [
          status,
          {
            description: description ?? 'Error',
            ...(retryAfterStatuses(endpoint).includes(status) ? { headers: retryAfterHeader } : {}),
            content: { 'application/json': { schema: errorBodySchema } },
          },
        ],
      ),
    );
    const hasId = endpoint.path.includes(':id');
    registry.registerPath({
      method: endpoint.method,
      path: toOpenApiPath(endpoint.path),
      summary: endpoint.summary,
      tags: [endpoint.tag],
      security: endpoint.access === 'public' ? [] : [{ [bearer.name]: [] }],
      request: {
        ...(hasId ? { params: z.object({ id: z.coerce.number().int().positive() }) } : {}),
        ...(endpoint.idempotent
          ? { headers: z.object({ [IDEMPOTENCY_KEY_HEADER]: idempotencyKeySchema.optional() }) }
          : {}),
        ...(endpoint.body
          ? { body: { required: true, content: { 'application/json': { schema: endpoint.body } } } }
          : {}),
      },
      responses: {
        [endpoint.status]: endpoint.response
          ? {
              description: 'Success',
              ...successHeaders(endpoint),
              content: { 'application/json': { schema: endpoint.response } },
            }
          : { description: 'Success, no content' },
        ...errorResponses,
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
        'live availability is pushed over Socket.IO as `showsUpdated`.',
    },
    servers: [{ url: '/' }],
  });
}
