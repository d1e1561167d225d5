import { toZonedInput, viewerTimeZone } from './time-zones';

const formats = new Map<string, Intl.DateTimeFormat>();
/** One cached formatter per zone and shape: building an Intl.DateTimeFormat is the costly part. */
function formatter(timeZone: string | undefined, shape: 'dateTime' | 'time' | 'zoned'): Intl.DateTimeFormat {
  const key = `${timeZone ?? ''}|${shape}`;
  let format = formats.get(key);
  if (!format) {
    const time = { hour: '2-digit', minute: '2-digit' } as const;
    const date = { weekday: 'short', day: 'numeric', month: 'short' } as const;
    format = new Intl.DateTimeFormat(undefined, {
      timeZone,
      ...(shape === 'time' ? time : { ...date, ...time }),
      ...(shape === 'zoned' ? { timeZoneName: 'short' } : {}),
    });
    formats.set(key, format);
  }
  return format;
}

/**
 * A show's time in the show's own zone, and the viewer's own time beside it when the two clocks differ at that
 * instant: "Tue 3 Mar, 09:00 GMT · 10:00 your time" (the viewer's day too when it is another day). Without a
 * zone, or when both read the same, it is the viewer's time alone. The one formatter of show times in the app.
 */
export function formatShowTime(iso: string, timeZone?: string): string {
  const instant = new Date(iso);
  const mine = formatter(undefined, 'dateTime').format(instant);
  if (!timeZone || timeZone === viewerTimeZone()) return mine;
  const [theirClock, myClock] = [toZonedInput(iso, timeZone), toZonedInput(iso, viewerTimeZone())];
  if (theirClock === myClock) return mine;
  const theirs = formatter(timeZone, 'zoned').format(instant);
  const yours = theirClock.slice(0, 10) === myClock.slice(0, 10) ? formatter(undefined, 'time').format(instant) : mine;
  return `${theirs} · ${yours} your time`;
}

/** `yyyy-mm-dd` of an instant in the viewer's zone, to compare with <input type="date">. */
export function localDateKey(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `m:ss` for a countdown; never negative. */
export function formatRemaining(ms: number): string {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(totalSeconds / 60);
  return `${minutes}:${String(totalSeconds % 60).padStart(2, '0')}`;
}

/** A count with its noun, singular for one: "1 show", "3 bookings" (every noun the app counts takes an s). */
export const formatCount = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** A slot count as people read it: the app says "places", the contract and the code say slots. */
export const formatPlaces = (n: number) => formatCount(n, 'place');
