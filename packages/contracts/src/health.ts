import { z } from 'zod';

export const healthResponseSchema = z
  .object({ status: z.literal('ok'), database: z.literal('up') })
  .meta({ id: 'Health' });
export type HealthResponse = z.infer<typeof healthResponseSchema>;

export const livenessResponseSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Liveness' });
export type LivenessResponse = z.infer<typeof livenessResponseSchema>;
