import { z } from 'zod';
import { idSchema, int32, MAX_TIMESTAMP_LENGTH, timestampSchema } from './common.js';

/** The shows table's CHECKs hold these too (migration 1700000000000). */
export const MAX_TOTAL_SLOTS = 100_000;
export const MAX_SHOW_NAME_LENGTH = 200;
/**
 * GET /shows answers at most this many shows: the ones that start last, so long-past shows drop off first
 * and upcoming ones stay listed.
 */
export const MAX_LISTED_SHOWS = 1000;

const slotCountSchema = z.number().int().min(0).max(MAX_TOTAL_SLOTS).meta(int32);

export const showSchema = z
  .object({
    id: idSchema,
    name: z.string().max(MAX_SHOW_NAME_LENGTH),
    startTime: timestampSchema,
    totalSlots: slotCountSchema.min(1),
    /** Places free right now: holds past their expiry count as free even before the sweeper runs. */
    availableSlots: slotCountSchema,
  })
  .meta({ id: 'Show' });
export type Show = z.infer<typeof showSchema>;

export const showListSchema = z.array(showSchema).max(MAX_LISTED_SHOWS).meta({ id: 'ShowList' });

const showNameSchema = z
  .string()
  .trim()
  .min(1, 'Name is required')
  .max(MAX_SHOW_NAME_LENGTH, `Name is at most ${MAX_SHOW_NAME_LENGTH} characters`);
const totalSlotsSchema = z
  .number({ message: 'Total places must be a number' })
  .int('Total places must be a whole number')
  .min(1, 'A show needs at least 1 place')
  .max(MAX_TOTAL_SLOTS, `A show has at most ${MAX_TOTAL_SLOTS} places`)
  .meta(int32);
/** ISO 8601 with an explicit offset, so a show's time never depends on the server's time zone. */
const startTimeSchema = z.iso
  .datetime({ offset: true, message: 'Start time must be an ISO 8601 date-time' })
  .max(MAX_TIMESTAMP_LENGTH, 'Start time must be an ISO 8601 date-time');

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
    name: z.string().max(MAX_SHOW_NAME_LENGTH).optional(),
    startTime: timestampSchema.optional(),
    totalSlots: slotCountSchema,
    availableSlots: slotCountSchema,
    /** True when the show no longer exists. */
    deleted: z.boolean().optional(),
  })
  .meta({ id: 'ShowAvailability' });
export type ShowAvailability = z.infer<typeof showAvailabilitySchema>;
