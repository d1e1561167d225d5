import { z } from 'zod';
import { idSchema, int32, MAX_TIMESTAMP_LENGTH, timestampSchema } from './common.js';
import { MAX_SHOW_NAME_LENGTH, MAX_TOTAL_SLOTS, showTimeZoneSchema } from './shows.js';

/** The longest window a report covers, and the most shows it answers (a narrower window answers more). */
export const MAX_REPORT_DAYS = 366;
export const MAX_REPORT_SHOWS = 5000;
/** A CSV answer's bound, for the document's sake: a show's bookings, or a report, are far smaller. */
export const MAX_CSV_LENGTH = 256 * 1024 * 1024;

export const csvTextSchema = z
  .string()
  .max(MAX_CSV_LENGTH)
  .meta({
    id: 'CsvText',
    description:
      'RFC 4180 CSV in UTF-8 (with a byte order mark, for spreadsheets): a header row, CRLF line ends. A text cell ' +
      "starting with = + - @, a tab or a carriage return gets a leading ' so that no spreadsheet runs it as a formula",
  });

const DATE_MESSAGE = 'Give a date (2030-01-31) or an ISO 8601 date-time with a time zone (2030-01-31T00:00:00Z)';
/** A date means its midnight in UTC. */
const reportEdgeSchema = (description: string) =>
  z
    .union([z.iso.date().max(10), z.iso.datetime({ offset: true }).max(MAX_TIMESTAMP_LENGTH)], {
      message: DATE_MESSAGE,
    })
    .meta({ description });

export const occupancyQuerySchema = z
  .strictObject({
    from: reportEdgeSchema('Shows starting at or after this instant (a date: its midnight UTC)'),
    to: reportEdgeSchema(`Shows starting before this instant; at most ${MAX_REPORT_DAYS} days after from`),
    format: z
      .enum(['json', 'csv'], { message: 'format must be json or csv' })
      .default('json')
      .meta({ description: 'json, or csv for a text/csv download of the same rows' }),
  })
  .refine((query) => Date.parse(query.from) < Date.parse(query.to), { message: 'from must be before to', path: ['to'] })
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= MAX_REPORT_DAYS * 86_400_000, {
    message: `The window is at most ${MAX_REPORT_DAYS} days`,
    path: ['to'],
  });
export type OccupancyQuery = z.infer<typeof occupancyQuerySchema>;
export type OccupancyQueryInput = z.input<typeof occupancyQuerySchema>;

const placesSchema = z.number().int().min(0).max(MAX_TOTAL_SLOTS).meta(int32);
const countSchema = z.number().int().min(0).max(2_147_483_647).meta(int32);

export const showOccupancySchema = z
  .object({
    showId: idSchema,
    name: z.string().max(MAX_SHOW_NAME_LENGTH),
    startTime: timestampSchema,
    /** The show's IANA zone: its time reads in it. */
    timeZone: showTimeZoneSchema,
    /** Places: total = confirmed + held + free. */
    total: placesSchema,
    confirmed: placesSchema,
    /** Places in live holds. */
    held: placesSchema,
    free: placesSchema,
    /** Holds (bookings, not places) that lapsed unconfirmed. */
    holdsExpired: countSchema,
    /** Bookings cancelled (held or confirmed ones). */
    cancellations: countSchema,
    /** People on the show's waitlist still waiting for an offer (an offered place counts as held). */
    waiting: countSchema,
  })
  .meta({ id: 'ShowOccupancy' });
export type ShowOccupancy = z.infer<typeof showOccupancySchema>;

export const occupancyReportSchema = z
  .object({
    from: timestampSchema,
    to: timestampSchema,
    /** By start time, then id. */
    shows: z.array(showOccupancySchema).max(MAX_REPORT_SHOWS),
  })
  .meta({ id: 'OccupancyReport' });
export type OccupancyReport = z.infer<typeof occupancyReportSchema>;
