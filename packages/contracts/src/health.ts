import { z } from 'zod';

/** Present when READ_DATABASE_URL is set: the streaming replica that serves the public show reads (ADR 0016). */
export const replicaHealthSchema = z
  .object({
    /** down: it does not answer; the public reads then go to the primary, and /health stays ok. */
    status: z.enum(['up', 'down']),
    /** Where the public reads go now: the primary while the replica is down or lags over READ_MAX_LAG_SECONDS. */
    reads: z.enum(['replica', 'primary']),
    /** Age of the newest commit replayed while more is waiting; 0 when all received WAL is replayed. */
    lagSeconds: z.number().min(0).nullable(),
    /** WAL received but not yet replayed, in bytes. */
    lagBytes: z.number().min(0).nullable(),
  })
  .meta({ id: 'ReplicaHealth' });
export type ReplicaHealth = z.infer<typeof replicaHealthSchema>;

export const healthResponseSchema = z
  .object({ status: z.literal('ok'), database: z.literal('up'), replica: replicaHealthSchema.optional() })
  .meta({ id: 'Health' });
export type HealthResponse = z.infer<typeof healthResponseSchema>;

export const livenessResponseSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Liveness' });
export type LivenessResponse = z.infer<typeof livenessResponseSchema>;
