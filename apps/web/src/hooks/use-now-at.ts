import { useEffect, useState } from 'react';
import { serverNow } from '@/lib/server-clock';

/** setTimeout runs at once past 2^31 - 1 ms (about 24.8 days): a later instant is waited for in steps. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * The time now (the server's clock, which decides when a show has started), read again as each of `instants`
 * passes: one timer for the next of them, however many there are, so a screen re-renders exactly when some
 * show on it starts.
 */
export function useNowAt(instants: readonly number[]): number {
  const [now, setNow] = useState(serverNow);
  const next = instants.reduce(
    (soonest, instant) => (instant > now && instant < soonest ? instant : soonest),
    Infinity,
  );
  useEffect(() => {
    if (next === Infinity) return;
    // One millisecond past the instant, so that the re-read clock finds it passed.
    const delay = Math.min(LONGEST_TIMER_MS, Math.max(0, next - serverNow() + 1));
    const timer = setTimeout(() => setNow(serverNow()), delay);
    return () => clearTimeout(timer);
  }, [next, now]);
  return now;
}
