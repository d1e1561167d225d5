import type { Show, ShowAvailability } from '@holdfast/contracts';

const byStartTime = (a: Show, b: Show) => Date.parse(a.startTime) - Date.parse(b.startTime) || a.id - b.id;

/**
 * Merges a `showsUpdated` batch into the cached list. Returns null when an update names a show we do
 * not know and cannot build from the payload alone, so the caller refetches instead of guessing.
 */
export function applyAvailability(shows: Show[], updates: ShowAvailability[]): Show[] | null {
  const byId = new Map(shows.map((show) => [show.id, show]));
  for (const update of updates) {
    const known = byId.get(update.id);
    if (update.deleted) {
      byId.delete(update.id);
    } else if (known) {
      byId.set(update.id, {
        ...known,
        name: update.name ?? known.name,
        startTime: update.startTime ?? known.startTime,
        totalSlots: update.totalSlots,
        availableSlots: update.availableSlots,
      });
    } else if (update.name !== undefined && update.startTime !== undefined) {
      const { id, name, startTime, totalSlots, availableSlots } = update;
      byId.set(id, { id, name, startTime, totalSlots, availableSlots });
    } else {
      return null;
    }
  }
  return [...byId.values()].sort(byStartTime);
}
