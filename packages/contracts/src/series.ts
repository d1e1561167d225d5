import { z } from 'zod';
import { idSchema, int32, timestampSchema } from './common.js';
import { MAX_SHOW_NAME_LENGTH, MAX_TOTAL_SLOTS, showSchema, showTimeZoneSchema } from './shows.js';
import { timeZoneSchema } from './time-zones.js';

/** A series spans at most this many days, first and last included (the series table's CHECK holds it too). */
export const MAX_SERIES_DAYS = 366;
/** A series creates at most this many shows. */
export const MAX_SERIES_SHOWS = 1000;
/** Distinct times a day at most (every half hour). */
export const MAX_SERIES_TIMES = 48;
/** GET /series answers at most this many, the newest first. */
export const MAX_LISTED_SERIES = 200;

const DAY_MS = 86_400_000;
const dateSchema = z.iso
  .date({ message: 'Give a date as YYYY-MM-DD' })
  .max(10, 'Give a date as YYYY-MM-DD')
  .meta({ description: "A calendar date in the series' zone", example: '2030-03-02' });
const timeOfDaySchema = z
  .string()
  .max(5, 'Give each time as HH:MM, 24-hour, like 09:30')
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Give each time as HH:MM, 24-hour, like 09:30')
  .meta({ example: '09:30' });
const weekdaySchema = z
  .number({ message: 'Weekdays are numbers from 1 (Monday) to 7 (Sunday)' })
  .int('Weekdays are numbers from 1 (Monday) to 7 (Sunday)')
  .min(1, 'Weekdays are numbers from 1 (Monday) to 7 (Sunday)')
  .max(7, 'Weekdays are numbers from 1 (Monday) to 7 (Sunday)')
  .meta(int32);

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
/** ISO weekday (1 = Monday) of a calendar date; calendar arithmetic, the same in every zone. */
const isoWeekday = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;

/** How many shows a rule makes: dates in range on those weekdays, times each day. */
export function countSeriesShows(rule: { startDate: string; endDate: string; weekdays: number[]; times: string[] }) {
  let dates = 0;
  for (let day = dayNumber(rule.startDate); day <= dayNumber(rule.endDate); day++) {
    if (rule.weekdays.includes(isoWeekday(day))) dates++;
  }
  return dates * rule.times.length;
}

const distinct = (values: unknown[]) => new Set(values).size === values.length;

export const createSeriesRequestSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Name is required')
      .max(MAX_SHOW_NAME_LENGTH, `Name is at most ${MAX_SHOW_NAME_LENGTH} characters`),
    timeZone: timeZoneSchema,
    startDate: dateSchema,
    endDate: dateSchema,
    weekdays: z
      .array(weekdaySchema)
      .min(1, 'Pick at least one weekday')
      .max(7, 'There are 7 weekdays')
      .refine(distinct, 'Give each weekday once')
      .meta({ description: 'ISO weekdays: 1 = Monday ... 7 = Sunday' }),
    times: z
      .array(timeOfDaySchema)
      .min(1, 'Give at least one time')
      .max(MAX_SERIES_TIMES, `At most ${MAX_SERIES_TIMES} times a day`)
      .refine(distinct, 'Give each time once')
      .meta({ description: "Wall-clock start times in the series' zone" }),
    totalSlots: z
      .number({ message: 'Total places must be a number' })
      .int('Total places must be a whole number')
      .min(1, 'A show needs at least 1 place')
      .max(MAX_TOTAL_SLOTS, `A show has at most ${MAX_TOTAL_SLOTS} places`)
      .meta(int32),
    dryRun: z
      .boolean()
      .default(false)
      .meta({ description: 'true: answer the shows that would be created (200, id null) and create nothing' }),
  })
  .superRefine((rule, ctx) => {
    const days = dayNumber(rule.endDate) - dayNumber(rule.startDate) + 1;
    if (days < 1) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'The end date must be on or after the start date' });
      return;
    }
    if (days > MAX_SERIES_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['endDate'],
        message: `A series spans at most ${MAX_SERIES_DAYS} days; this one spans ${days}`,
      });
      return;
    }
    const shows = countSeriesShows(rule);
    if (shows === 0) {
      ctx.addIssue({ code: 'custom', path: ['weekdays'], message: 'None of these weekdays falls between the dates' });
    } else if (shows > MAX_SERIES_SHOWS) {
      ctx.addIssue({
        code: 'custom',
        path: ['times'],
        message: `A series creates at most ${MAX_SERIES_SHOWS} shows; this one would create ${shows}`,
      });
    }
  })
  .meta({ id: 'CreateSeriesRequest' });
export type CreateSeriesRequest = z.infer<typeof createSeriesRequestSchema>;
export type CreateSeriesRequestInput = z.input<typeof createSeriesRequestSchema>;

const seriesFields = {
  name: z.string().max(MAX_SHOW_NAME_LENGTH),
  timeZone: showTimeZoneSchema,
  startDate: dateSchema,
  endDate: dateSchema,
  weekdays: z.array(weekdaySchema).min(1).max(7),
  times: z.array(timeOfDaySchema).min(1).max(MAX_SERIES_TIMES),
  totalSlots: z.number().int().min(1).max(MAX_TOTAL_SLOTS).meta(int32),
};

export const seriesSummarySchema = z
  .object({
    id: idSchema,
    ...seriesFields,
    createdAt: timestampSchema,
    /** Its shows that still exist (past ones included). */
    showCount: z.number().int().min(0).max(MAX_SERIES_SHOWS).meta(int32),
  })
  .meta({ id: 'SeriesSummary' });
export type SeriesSummary = z.infer<typeof seriesSummarySchema>;
export const seriesListSchema = z.array(seriesSummarySchema).max(MAX_LISTED_SERIES).meta({ id: 'SeriesList' });

/**
 * A series with its shows, by start time. A preview (dryRun) has id and createdAt null, and its shows id 0 and
 * version 1: what would be created, nothing stored.
 */
export const seriesSchema = z
  .object({
    id: idSchema.nullable(),
    ...seriesFields,
    createdAt: timestampSchema.nullable(),
    shows: z
      .array(showSchema.extend({ id: z.number().int().min(0).max(2_147_483_647).meta(int32) }))
      .max(MAX_SERIES_SHOWS),
  })
  .meta({ id: 'Series' });
export type Series = z.infer<typeof seriesSchema>;

export const deleteSeriesQuerySchema = z.strictObject({
  cancelBookings: z
    .enum(['true', 'false'], { message: 'cancelBookings must be true or false' })
    .default('false')
    .transform((value) => value === 'true')
    .meta({ description: "true: first cancel the active bookings (holds and confirmed) of the series' future shows" }),
});
export type DeleteSeriesQuery = z.infer<typeof deleteSeriesQuerySchema>;

export const seriesDeletionSchema = z
  .object({
    /** Future shows deleted. */
    deleted: z.array(idSchema).max(MAX_SERIES_SHOWS),
    /** Future shows kept because they have active bookings (never, with cancelBookings=true). */
    kept: z
      .array(z.object({ showId: idSchema, activeBookings: z.number().int().min(1).max(2_147_483_647).meta(int32) }))
      .max(MAX_SERIES_SHOWS),
    /** Shows that have started: never touched. */
    started: z.array(idSchema).max(MAX_SERIES_SHOWS),
    /** Bookings cancelled by cancelBookings=true; their places were released before the shows went. */
    cancelledBookings: z
      .array(z.object({ id: idSchema, showId: idSchema, userId: idSchema }))
      .max(MAX_SERIES_SHOWS * 1000),
    /** True when no show of the series is left, so the series itself went too. */
    seriesDeleted: z.boolean(),
  })
  .meta({ id: 'SeriesDeletion' });
export type SeriesDeletion = z.infer<typeof seriesDeletionSchema>;
