import type { BookingEvent } from '@holdfast/contracts';
import { formatPlaces, formatShowTime } from '@/lib/format';

type Fields = Record<string, string | number | boolean | null>;

const fieldNames: Record<string, string> = { name: 'name', startTime: 'start time', totalSlots: 'places' };
const valueOf = (field: string, value: Fields[string]) =>
  field.endsWith('Time') && typeof value === 'string' ? formatShowTime(value) : JSON.stringify(value);

/** "name "A" → "B", places 5 → 8": the fields an edit changed. */
function describeEdit(details: BookingEvent['details']): string {
  const { before, after } = (details ?? { before: {}, after: {} }) as { before: Fields; after: Fields };
  const changes = Object.keys(after).map(
    (field) =>
      `${fieldNames[field] ?? field} ${valueOf(field, before[field] ?? null)} → ${valueOf(field, after[field]!)}`,
  );
  return changes.length > 0 ? `Show edited: ${changes.join(', ')}` : 'Show edited';
}

/** What happened, in a few words. */
export function describeEvent(event: BookingEvent): string {
  const places = formatPlaces(event.quantity ?? 0);
  switch (event.kind) {
    case 'HELD':
      return `Held ${places}`;
    case 'CONFIRMED':
      return `Confirmed ${places}`;
    case 'CANCELLED':
      return `Cancelled ${places}`;
    case 'EXPIRED':
      return `Hold of ${places} expired`;
    case 'WAITLIST_JOINED':
      return `Joined the waitlist for ${places}`;
    case 'WAITLIST_LEFT':
      return 'Left the waitlist';
    case 'OFFERED':
      return `Offered ${places} from the waitlist`;
    case 'WAITLIST_CANCELLED':
      return `Waitlist for ${places} closed with the show`;
    case 'SHOW_CREATED':
      return 'Show created';
    case 'SHOW_EDITED':
      return describeEdit(event.details);
    case 'SHOW_DELETED':
      return 'Show deleted';
  }
}

/** Who did it: a person (an admin says so), or the system (an expiry, a script). */
export function describeActor(actor: BookingEvent['actor']): string {
  if (actor.kind === 'system') return 'System';
  const name = actor.name ?? 'A deleted account';
  return actor.kind === 'admin' ? `${name} (admin)` : name;
}
