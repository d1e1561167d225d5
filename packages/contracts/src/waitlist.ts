import { z } from 'zod';
import { MAX_QUANTITY } from './bookings.js';
import { idSchema, int32, timestampSchema } from './common.js';
import { MAX_SHOW_NAME_LENGTH, showTimeZoneSchema } from './shows.js';

/** GET /waitlist/my-entries answers at most this many entries, the newest. */
export const MAX_LISTED_WAITLIST_ENTRIES = 200;

/**
 * WAITING: in line; OFFERED: places are held for the user (bookingId, until expiresAt: confirm it with
 * POST /bookings/confirm); then ACCEPTED (confirmed), DECLINED (the offer was cancelled), LAPSED (the offer's hold
 * expired) or LEFT (the user left the waitlist).
 */
export const waitlistStatusSchema = z.enum(['WAITING', 'OFFERED', 'ACCEPTED', 'DECLINED', 'LAPSED', 'LEFT']);
export type WaitlistStatus = z.infer<typeof waitlistStatusSchema>;

export const joinWaitlistRequestSchema = z
  .object({
    quantity: z
      .number({ message: 'Quantity must be a number' })
      .int('Quantity must be a whole number')
      .min(1, 'Wait for at least 1 place')
      .max(MAX_QUANTITY, `Wait for at most ${MAX_QUANTITY} places`)
      .meta(int32)
      .default(1),
  })
  .meta({ id: 'JoinWaitlistRequest' });
export type JoinWaitlistRequest = z.input<typeof joinWaitlistRequestSchema>;

export const waitlistEntrySchema = z
  .object({
    id: idSchema,
    showId: idSchema,
    quantity: z.number().int().min(1).max(MAX_QUANTITY).meta(int32),
    /** 1 + the live (waiting or offered) entries ahead on the same show, while WAITING; null otherwise. */
    position: z.number().int().min(1).max(2_147_483_647).meta(int32).nullable(),
    status: waitlistStatusSchema,
    /** The offer's booking, once offered. */
    bookingId: idSchema.nullable(),
    /** When the offer's hold ends, while OFFERED. */
    expiresAt: timestampSchema.nullable(),
    createdAt: timestampSchema,
  })
  .meta({ id: 'WaitlistEntry' });
export type WaitlistEntry = z.infer<typeof waitlistEntrySchema>;

/** An entry with its show's name and time, the time to be told in the show's zone (as MyBooking's). */
export const myWaitlistEntrySchema = waitlistEntrySchema
  .extend({
    showName: z.string().max(MAX_SHOW_NAME_LENGTH),
    showStartTime: timestampSchema,
    showTimeZone: showTimeZoneSchema,
  })
  .meta({ id: 'MyWaitlistEntry' });
export type MyWaitlistEntry = z.infer<typeof myWaitlistEntrySchema>;
export const myWaitlistEntryListSchema = z
  .array(myWaitlistEntrySchema)
  .max(MAX_LISTED_WAITLIST_ENTRIES)
  .meta({ id: 'MyWaitlistEntryList' });

/** The Socket.IO event an authenticated socket hears when its user is offered places. */
export const waitlistOfferSchema = z.object({
  bookingId: idSchema,
  showId: idSchema,
  quantity: z.number().int().min(1).max(MAX_QUANTITY),
  expiresAt: timestampSchema,
});
export type WaitlistOffer = z.infer<typeof waitlistOfferSchema>;
