import { z } from 'zod';

/** Every whole number in the API is a PostgreSQL `integer`; the OpenAPI document says so. */
export const int32 = { format: 'int32' } as const;

/** Database ids are PostgreSQL `integer` identities; anything outside that range cannot exist. */
export const idSchema = z.number().int().positive().max(2_147_483_647).meta(int32);
export type Id = z.infer<typeof idSchema>;

/** The longest date-time accepted: nanoseconds and an offset, as in `2030-01-01T20:00:00.123456789+05:30`. */
export const MAX_TIMESTAMP_LENGTH = 35;

/** Timestamps travel as ISO 8601 strings (the API answers in UTC, `toISOString()`: 24 characters). */
export const timestampSchema = z.iso.datetime({ offset: true }).max(MAX_TIMESTAMP_LENGTH);

/** A message can quote the request (a path, each invalid field); the API's error handler cuts longer ones. */
export const MAX_ERROR_MESSAGE_LENGTH = 1000;

export const errorBodySchema = z
  .object({
    error: z.object({
      /** Stable and machine-readable; each response of the OpenAPI document names the codes it can carry. */
      code: z
        .string()
        .max(64)
        .regex(/^[A-Z][A-Z0-9_]*$/)
        .meta({ example: 'SOLD_OUT' }),
      message: z.string().max(MAX_ERROR_MESSAGE_LENGTH),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBodySchema>;
