import { z } from 'zod';
import { idSchema, timestampSchema } from './common.js';

export const MAX_TOTAL_SLOTS = 100_000;

export const showSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    startTime: timestampSchema,
    totalSlots: z.number().int(),
    /** Places free right now: holds past their expiry count as free even before the sweeper runs. */
    availableSlots: z.number().int(),
  })
  .meta({ id: 'Show' });
export type Show = z.infer<typeof showSchema>;

export const showListSchema = z.array(showSchema).meta({ id: 'ShowList' });

const showNameSchema = z.string().trim().min(1, 'Name is required').max(200, 'Name is at most 200 characters');
const totalSlotsSchema = z
  .number({ message: 'Total places must be a number' })
  .int('Total places must be a whole number')
  .min(1, 'A show needs at least 1 place')
  .max(MAX_TOTAL_SLOTS, `A show has at most ${MAX_TOTAL_SLOTS} places`);
/** ISO 8601 with an explicit offset, so a show's time never depends on the server's time zone. */
const startTimeSchema = z.iso.datetime({ offset: true, message: 'Start time must be an ISO 8601 date-time' });

export const createShowRequestSchema = z
  .object({
    name: showNameSchema,
    startTime: startTimeSchema.refine((value) => Date.parse(value) > Date.now(), {
      message: 'Start time must be in the future',
    }),
    totalSlots: totalSlotsSchema,
  })
  .meta({ id: 'CreateShowRequest' });
export type CreateShowRequest = z.infer<typeof createShowRequestSchema>;

export const updateShowRequestSchema = z
  .object({
    name: showNameSchema.optional(),
    startTime: startTimeSchema
      .refine((value) => Date.parse(value) > Date.now(), { message: 'Start time must be in the future' })
      .optional(),
    totalSlots: totalSlotsSchema.optional(),
  })
  .refine((value) => Object.values(value).some((field) => field !== undefined), {
    message: 'Give at least one of name, startTime, totalSlots',
  })
  .meta({ id: 'UpdateShowRequest' });
export type UpdateShowRequest = z.infer<typeof updateShowRequestSchema>;

/** What live clients receive for each changed show. */
export const showAvailabilitySchema = z
  .object({
    id: idSchema,
    name: z.string().optional(),
    startTime: timestampSchema.optional(),
    totalSlots: z.number().int(),
    availableSlots: z.number().int(),
    /** True when the show no longer exists. */
    deleted: z.boolean().optional(),
  })
  .meta({ id: 'ShowAvailability' });
export type ShowAvailability = z.infer<typeof showAvailabilitySchema>;
