import type { Show } from '@holdfast/contracts';

export type ShowState = 'open' | 'sold-out' | 'started';

/** Started wins over sold out: once it has begun, whether slots are left no longer matters. */
export function showState(show: Show, now = Date.now()): ShowState {
  if (Date.parse(show.startTime) <= now) return 'started';
  if (show.availableSlots <= 0) return 'sold-out';
  return 'open';
}
