import { z } from 'zod';

/** Database ids are PostgreSQL `integer` identities; anything outside that range cannot exist. */
export const idSchema = z.number().int().positive().max(2_147_483_647);
export type Id = z.infer<typeof idSchema>;

/** Timestamps travel as ISO 8601 strings in UTC. */
export const timestampSchema = z.iso.datetime({ offset: true });

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'SOLD_OUT' }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBodySchema>;
