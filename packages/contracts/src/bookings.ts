import { z } from 'zod';
import { idSchema, timestampSchema } from './common.js';

export const MAX_QUANTITY = 10;

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
      .default(1),
  })
  .meta({ id: 'CreateBookingRequest' });
export type CreateBookingRequest = z.input<typeof createBookingRequestSchema>;

export const confirmBookingRequestSchema = z.object({ bookingId: idSchema }).meta({ id: 'ConfirmBookingRequest' });
export type ConfirmBookingRequest = z.infer<typeof confirmBookingRequestSchema>;

export const bookingSchema = z
  .object({
    id: idSchema,
    showId: idSchema,
    quantity: z.number().int(),
    /** A PENDING hold past expiresAt is reported as EXPIRED even before the sweeper has run. */
    status: bookingStatusSchema,
    createdAt: timestampSchema,
    expiresAt: timestampSchema,
    confirmedAt: timestampSchema.nullable(),
    cancelledAt: timestampSchema.nullable(),
  })
  .meta({ id: 'Booking' });
export type Booking = z.infer<typeof bookingSchema>;

export const myBookingSchema = bookingSchema
  .extend({ showName: z.string(), showStartTime: timestampSchema })
  .meta({ id: 'MyBooking' });
export type MyBooking = z.infer<typeof myBookingSchema>;
export const myBookingListSchema = z.array(myBookingSchema).meta({ id: 'MyBookingList' });

export const showBookingSchema = bookingSchema
  .extend({ userId: idSchema, userName: z.string(), userEmail: z.string() })
  .meta({ id: 'ShowBooking' });
export type ShowBooking = z.infer<typeof showBookingSchema>;
export const showBookingListSchema = z.array(showBookingSchema).meta({ id: 'ShowBookingList' });
