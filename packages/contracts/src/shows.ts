import { z } from 'zod';
import { idSchema, int32, MAX_TIMESTAMP_LENGTH, timestampSchema } from './common.js';
import { MAX_TIME_ZONE_LENGTH, timeZoneSchema } from './time-zones.js';

/** The shows table's CHECKs hold these too (migration 1700000000000). */
export const MAX_TOTAL_SLOTS = 100_000;
export const MAX_SHOW_NAME_LENGTH = 200;
/** Where a show takes place; the shows table's CHECK holds it too (migration 1700000000013). */
export const MAX_SHOW_LOCATION_LENGTH = 300;
/** GET /shows answers a page of shows: `limit` of them, at most MAX_SHOW_PAGE, DEFAULT_SHOW_PAGE unless asked. */
export const MAX_SHOW_PAGE = 200;
export const DEFAULT_SHOW_PAGE = 50;
/** A cursor is base64url of a start time in microseconds and an id: about 40 characters. */
export const MAX_CURSOR_LENGTH = 64;

const slotCountSchema = z.number().int().min(0).max(MAX_TOTAL_SLOTS).meta(int32);

/**
 * Rises with every change to a show (a hold, a cancel, a lapse, an edit). Of two answers about one show, the one
 * with the higher version is the newer: a replica's lagging read or a late live update never wins over it.
 */
export const showVersionSchema = z
  .number()
  .int()
  .min(1)
  .max(Number.MAX_SAFE_INTEGER)
  .meta({ format: 'int64', description: 'Rises with every change to the show; keep the answer with the higher one' });
/** The version a deleted show is announced with: nothing about that show can come after it. */
export const DELETED_SHOW_VERSION = Number.MAX_SAFE_INTEGER;

/** As answered: the database holds only zones it knows (migration 1700000000009). */
export const showTimeZoneSchema = z
  .string()
  .min(1)
  .max(MAX_TIME_ZONE_LENGTH)
  .meta({ description: 'IANA time zone name of the show', example: 'Europe/London' });

export const showSchema = z
  .object({
    id: idSchema,
    name: z.string().max(MAX_SHOW_NAME_LENGTH),
    startTime: timestampSchema,
    totalSlots: slotCountSchema.min(1),
    /** Places free right now: holds past their expiry count as free even before the sweeper runs. */
    availableSlots: slotCountSchema,
    version: showVersionSchema,
    /** The IANA zone of the show's place: its time is shown in this zone (and in the viewer's, when it differs). */
    timeZone: showTimeZoneSchema,
    /** The series the show was created from, if any. */
    seriesId: idSchema.nullable(),
    /** Where it takes place (a venue, an address), or null when not given. */
    location: z.string().max(MAX_SHOW_LOCATION_LENGTH).nullable().optional(),
  })
  .meta({ id: 'Show' });
export type Show = z.infer<typeof showSchema>;

export const showListSchema = z.array(showSchema).max(MAX_SHOW_PAGE).meta({ id: 'ShowList' });

const windowEdgeSchema = (description: string) =>
  z.iso
    .datetime({ offset: true, message: 'Give an ISO 8601 date-time with a time zone, like 2030-01-01T20:00:00Z' })
    .max(MAX_TIMESTAMP_LENGTH, 'Give an ISO 8601 date-time with a time zone, like 2030-01-01T20:00:00Z')
    .optional()
    .meta({ description });

/**
 * GET /shows's query (docs/decisions/0010). The default window walks away from now: `asc` lists the shows
 * that have not started (from = now), `desc` the ones that have (to = now), most recent first, which is how
 * the admin dashboard lists past shows. Unknown parameters are refused, so a typo is never silently ignored.
 */
export const listShowsQuerySchema = z
  .strictObject({
    from: windowEdgeSchema('Shows starting at or after this instant; default: now when order is asc'),
    to: windowEdgeSchema('Shows starting before this instant; default: now when order is desc'),
    limit: z.coerce
      .number({ message: 'limit must be a whole number' })
      .int('limit must be a whole number')
      .min(1, `limit must be between 1 and ${MAX_SHOW_PAGE}`)
      .max(MAX_SHOW_PAGE, `limit must be between 1 and ${MAX_SHOW_PAGE}`)
      .default(DEFAULT_SHOW_PAGE)
      .meta({ ...int32, description: 'How many shows to answer at most' }),
    after: z
      .string()
      .min(1)
      .max(MAX_CURSOR_LENGTH)
      .regex(/^[A-Za-z0-9_-]+$/, 'after must be a cursor from a Link header')
      .optional()
      .meta({ description: 'Opaque cursor: copy it from the Link rel="next" URL of the previous page' }),
    order: z
      .enum(['asc', 'desc'], { message: 'order must be asc or desc' })
      .default('asc')
      .meta({ description: 'By start time, then id: asc (soonest first) or desc (latest first)' }),
  })
  .refine((query) => !query.from || !query.to || Date.parse(query.from) < Date.parse(query.to), {
    message: 'from must be before to',
    path: ['to'],
  });
export type ListShowsQuery = z.infer<typeof listShowsQuerySchema>;
export type ListShowsQueryInput = z.input<typeof listShowsQuerySchema>;

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
/** Blank means none: the admin form sends what its field holds. */
const showLocationSchema = z
  .string()
  .trim()
  .max(MAX_SHOW_LOCATION_LENGTH, `Location is at most ${MAX_SHOW_LOCATION_LENGTH} characters`)
  .transform((value) => (value === '' ? null : value))
  .nullable()
  .meta({ description: 'Where the show takes place; null or blank for none' });
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
    /** Absent: the server's DEFAULT_TIME_ZONE. */
    timeZone: timeZoneSchema.optional(),
    location: showLocationSchema.optional(),
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
    timeZone: timeZoneSchema.optional(),
    location: showLocationSchema.optional(),
  })
  .refine((value) => Object.values(value).some((field) => field !== undefined), {
    message: 'Give at least one of name, startTime, totalSlots, timeZone, location',
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
    version: showVersionSchema,
    timeZone: showTimeZoneSchema.optional(),
    seriesId: idSchema.nullable().optional(),
    location: z.string().max(MAX_SHOW_LOCATION_LENGTH).nullable().optional(),
    /** True when the show no longer exists. */
    deleted: z.boolean().optional(),
  })
  .meta({ id: 'ShowAvailability' });
export type ShowAvailability = z.infer<typeof showAvailabilitySchema>;
