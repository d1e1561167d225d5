import { z } from 'zod';
import { MAX_EMAIL_LENGTH, MAX_USER_NAME_LENGTH } from './auth.js';
import { idSchema, int32, timestampSchema } from './common.js';
import { MAX_SHOW_NAME_LENGTH, showTimeZoneSchema } from './shows.js';

export const MAX_QUANTITY = 10;
/** The booking lists answer at most this many bookings, the newest. */
export const MAX_LISTED_BOOKINGS = 1000;

export const bookingStatusSchema = z.enum(['PENDING', 'CONFIRMED', 'CANCELLED', 'EXPIRED']);
export type BookingStatus = z.infer<typeof bookingStatusSchema>;

export const createBookingRequestSchema = z
  .object({
    showId: idSchema,
    quantity: z
      .number({ message: 'Quantity must be a number' })
      .int('Quantity must be a whole number')
      .min(1, 'Book at least 1 place')
      .max(MAX_QUANTITY, `Book at most ${MAX_QUANTITY} places at once`)
      .meta(int32)
      .default(1),
  })
  .meta({ id: 'CreateBookingRequest' });
export type CreateBookingRequest = z.input<typeof createBookingRequestSchema>;

export const confirmBookingRequestSchema = z.object({ bookingId: idSchema }).meta({ id: 'ConfirmBookingRequest' });
export type ConfirmBookingRequest = z.infer<typeof confirmBookingRequestSchema>;

/** Crockford's base32 without I, L, O, U: what a confirmed booking's reference is made of (migration 13). */
export const BOOKING_REFERENCE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{8}$/;
export const bookingReferenceSchema = z.string().length(8).regex(BOOKING_REFERENCE_PATTERN).meta({
  description: 'Short reference of a confirmed booking: 8 characters of Crockford base32',
  example: '3NEH17EG',
});

export const bookingSchema = z
  .object({
    id: idSchema,
    showId: idSchema,
    quantity: z.number().int().min(1).max(MAX_QUANTITY).meta(int32),
    /** A PENDING hold past expiresAt is reported as EXPIRED even before the sweeper has run. */
    status: bookingStatusSchema,
    createdAt: timestampSchema,
    expiresAt: timestampSchema,
    confirmedAt: timestampSchema.nullable(),
    cancelledAt: timestampSchema.nullable(),
    /** Set when the booking is confirmed, and kept after a cancel; absent before that. */
    reference: bookingReferenceSchema.optional(),
  })
  .meta({ id: 'Booking' });
export type Booking = z.infer<typeof bookingSchema>;

export const myBookingSchema = bookingSchema
  .extend({
    showName: z.string().max(MAX_SHOW_NAME_LENGTH),
    showStartTime: timestampSchema,
    showTimeZone: showTimeZoneSchema,
  })
  .meta({ id: 'MyBooking' });
export type MyBooking = z.infer<typeof myBookingSchema>;
export const myBookingListSchema = z.array(myBookingSchema).max(MAX_LISTED_BOOKINGS).meta({ id: 'MyBookingList' });

export const showBookingSchema = bookingSchema
  .extend({
    userId: idSchema,
    userName: z.string().max(MAX_USER_NAME_LENGTH),
    userEmail: z.string().max(MAX_EMAIL_LENGTH),
  })
  .meta({ id: 'ShowBooking' });
export type ShowBooking = z.infer<typeof showBookingSchema>;
export const showBookingListSchema = z
  .array(showBookingSchema)
  .max(MAX_LISTED_BOOKINGS)
  .meta({ id: 'ShowBookingList' });

/** A calendar file of one booking is a few hundred bytes; the bound is far above it, for the lint's sake. */
export const MAX_CALENDAR_LENGTH = 16 * 1024;
export const bookingCalendarSchema = z.string().max(MAX_CALENDAR_LENGTH).meta({
  id: 'BookingCalendar',
  description: 'iCalendar (RFC 5545) with one VEVENT: UID stable per booking, DTSTART in UTC, a duration',
});
