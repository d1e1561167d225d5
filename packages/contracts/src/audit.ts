import { z } from 'zod';
import { MAX_USER_NAME_LENGTH } from './auth.js';
import { idSchema, int32, timestampSchema } from './common.js';
import { MAX_QUANTITY } from './bookings.js';

/**
 * The booking_events table's CHECK holds the same list (migration 1700000000011, then 15). WAITLIST_CANCELLED:
 * a person was still waiting when the show was deleted (and was emailed).
 */
export const bookingEventKindSchema = z.enum([
  'HELD',
  'CONFIRMED',
  'CANCELLED',
  'EXPIRED',
  'WAITLIST_JOINED',
  'WAITLIST_LEFT',
  'OFFERED',
  'WAITLIST_CANCELLED',
  'SHOW_CREATED',
  'SHOW_EDITED',
  'SHOW_DELETED',
]);
export type BookingEventKind = z.infer<typeof bookingEventKindSchema>;

export const actorKindSchema = z.enum(['user', 'admin', 'system']);
export type ActorKind = z.infer<typeof actorKindSchema>;

/** GET /shows/:id/events answers `limit` events, at most MAX_EVENT_PAGE, DEFAULT_EVENT_PAGE unless asked. */
export const MAX_EVENT_PAGE = 200;
export const DEFAULT_EVENT_PAGE = 50;
/** A booking's own history is short (held, then confirmed or expired or cancelled; a few more with offers). */
export const MAX_BOOKING_EVENTS = 100;

const eventIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER).meta({ format: 'int64' });
const fieldValueSchema = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);
const showFieldsSchema = z.record(z.string().max(64), fieldValueSchema);

export const bookingEventSchema = z
  .object({
    id: eventIdSchema,
    kind: bookingEventKindSchema,
    occurredAt: timestampSchema,
    showId: idSchema,
    bookingId: idSchema.nullable(),
    /** Whose booking or waitlist entry it is; null for a show's own events. */
    userId: idSchema.nullable(),
    quantity: z.number().int().min(1).max(MAX_QUANTITY).meta(int32).nullable(),
    actor: z.object({
      kind: actorKindSchema,
      /** The user or admin who acted; null for the system (an expiry, a script). */
      id: idSchema.nullable(),
      /** Their name as it is now; null for the system or a user since deleted. */
      name: z.string().max(MAX_USER_NAME_LENGTH).nullable(),
    }),
    /**
     * SHOW_CREATED and SHOW_DELETED: the show's fields (name, startTime, totalSlots, ...); SHOW_EDITED: `before`
     * and `after` with the changed fields only; null otherwise.
     */
    details: z.union([showFieldsSchema, z.object({ before: showFieldsSchema, after: showFieldsSchema })]).nullable(),
  })
  .meta({ id: 'BookingEvent' });
export type BookingEvent = z.infer<typeof bookingEventSchema>;

export const showEventListSchema = z.array(bookingEventSchema).max(MAX_EVENT_PAGE).meta({ id: 'ShowEventList' });
export const bookingEventListSchema = z
  .array(bookingEventSchema)
  .max(MAX_BOOKING_EVENTS)
  .meta({ id: 'BookingEventList' });

/** Newest first; `before` pages back (the Link header's next page carries it). Unknown parameters are refused. */
export const listShowEventsQuerySchema = z.strictObject({
  limit: z.coerce
    .number({ message: 'limit must be a whole number' })
    .int('limit must be a whole number')
    .min(1, `limit must be between 1 and ${MAX_EVENT_PAGE}`)
    .max(MAX_EVENT_PAGE, `limit must be between 1 and ${MAX_EVENT_PAGE}`)
    .default(DEFAULT_EVENT_PAGE)
    .meta({ ...int32, description: 'How many events to answer at most' }),
  before: z.coerce
    .number({ message: 'before must be an event id' })
    .int('before must be an event id')
    .positive('before must be an event id')
    .max(Number.MAX_SAFE_INTEGER, 'before must be an event id')
    .optional()
    .meta({ format: 'int64', description: 'Only events older than this event id (the next page of the Link)' }),
});
export type ListShowEventsQuery = z.infer<typeof listShowEventsQuerySchema>;
