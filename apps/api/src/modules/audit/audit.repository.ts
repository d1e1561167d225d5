import type { ActorKind, BookingEventKind } from '@holdfast/contracts';
import type { Queryable } from '../../platform/db.js';

interface EventRow {
  id: number;
  kind: BookingEventKind;
  occurred_at: Date;
  show_id: number;
  booking_id: number | null;
  user_id: number | null;
  quantity: number | null;
  actor_kind: ActorKind;
  actor_id: number | null;
  details: Record<string, unknown> | null;
}

/** An event as stored; the actor's name is the auth module's to add. */
export interface StoredEvent {
  id: number;
  kind: BookingEventKind;
  occurredAt: string;
  showId: number;
  bookingId: number | null;
  userId: number | null;
  quantity: number | null;
  actor: { kind: ActorKind; id: number | null };
  details: Record<string, unknown> | null;
}

const COLUMNS = 'id, kind, occurred_at, show_id, booking_id, user_id, quantity, actor_kind, actor_id, details';

const camel = (key: string) => key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** The show's fields as the triggers stored them (column names, to_jsonb's timestamps), in the API's terms. */
function fieldsOf(stored: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(stored).map(([key, value]) => [
      camel(key),
      key.endsWith('_time') && typeof value === 'string' ? new Date(value).toISOString() : value,
    ]),
  );
}

function detailsOf(row: EventRow): StoredEvent['details'] {
  const details = row.details;
  if (!details) return null;
  if (row.kind !== 'SHOW_EDITED') return fieldsOf(details);
  const { before, after } = details as { before: Record<string, unknown>; after: Record<string, unknown> };
  return { before: fieldsOf(before), after: fieldsOf(after) };
}

const toEvent = (row: EventRow): StoredEvent => ({
  id: row.id,
  kind: row.kind,
  occurredAt: row.occurred_at.toISOString(),
  showId: row.show_id,
  bookingId: row.booking_id,
  userId: row.user_id,
  quantity: row.quantity,
  actor: { kind: row.actor_kind, id: row.actor_id },
  details: detailsOf(row),
});

/** A show's events, newest first, older than `before` when given (ids rise with time). */
export async function listShowEvents(
  db: Queryable,
  showId: number,
  page: { limit: number; before?: number },
): Promise<StoredEvent[]> {
  const { rows } = await db.query<EventRow>(
    `SELECT ${COLUMNS} FROM booking_events WHERE show_id = $1 AND ($2::bigint IS NULL OR id < $2)
     ORDER BY id DESC LIMIT $3`,
    [showId, page.before ?? null, page.limit],
  );
  return rows.map(toEvent);
}

/** A booking's events, oldest first: its story in order. */
export async function listBookingEvents(db: Queryable, bookingId: number, limit: number): Promise<StoredEvent[]> {
  const { rows } = await db.query<EventRow>(
    `SELECT ${COLUMNS} FROM booking_events WHERE booking_id = $1 ORDER BY id LIMIT $2`,
    [bookingId, limit],
  );
  return rows.map(toEvent);
}
