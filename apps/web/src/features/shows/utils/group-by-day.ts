import { offsetAt, toZonedInput, viewerTimeZone } from '@/lib/time-zones';
import type { Show } from '@holdfast/contracts';

export interface DayGroup {
  /** `yyyy-mm-dd` of the day in the zone its shows were placed in. */
  day: string;
  /** "Today", "Tomorrow", or the day spelled out ("Saturday 5 December"; the year when it is not this one). */
  label: string;
  shows: Show[];
}

export interface GroupOptions {
  /** The zone a show's day is read in; undefined means the viewer's own zone. */
  timeZoneOf?: (show: Show) => string | undefined;
  now?: number;
  locale?: string;
}

/** `yyyy-mm-dd` of an instant in a zone (undefined: the viewer's), through the cached formatters. */
export const dayIn = (instant: number, timeZone?: string): string =>
  toZonedInput(instant, timeZone ?? viewerTimeZone()).slice(0, 10);

/** The calendar day after `yyyy-mm-dd` (date arithmetic in UTC, where every day has 24 hours). */
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The first instant of the day after `now`'s in a zone (undefined: the viewer's): when "Tomorrow" there becomes
 * "Today". The offset is read twice, at the guess, so a clock change that night lands on the right instant; where
 * the clocks skip midnight itself, this is the first time that day has.
 */
export function nextDayStart(now: number, timeZone = viewerTimeZone()): number {
  const midnight = Date.parse(`${dayAfter(dayIn(now, timeZone))}T00:00:00Z`);
  const guess = midnight - offsetAt(midnight, timeZone);
  return midnight - offsetAt(guess, timeZone);
}

const dayNames = new Map<string, Intl.DateTimeFormat>();
function dayName(locale: string | undefined, withYear: boolean): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${withYear}`;
  let format = dayNames.get(key);
  if (!format) {
    const year = withYear ? 'numeric' : undefined;
    format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year });
    dayNames.set(key, format);
  }
  return format;
}

function labelOf(day: string, today: string, locale: string | undefined): string {
  if (day === today) return 'Today';
  if (day === dayAfter(today)) return 'Tomorrow';
  // Noon UTC of that date, formatted in UTC: the date as written, whatever the zone it came from.
  return dayName(locale, day.slice(0, 4) !== today.slice(0, 4)).format(Date.parse(`${day}T12:00:00Z`));
}

/**
 * Shows under a heading per day, in the order given (the server's, soonest first): a show's day is its day in
 * its own zone, and "Today" is today there too. Pages loaded later continue the last day's group.
 */
export function groupByDay(
  shows: Show[],
  { timeZoneOf = () => undefined, now = Date.now(), locale }: GroupOptions = {},
) {
  const groups: DayGroup[] = [];
  const byDay = new Map<string, DayGroup>();
  for (const show of shows) {
    const zone = timeZoneOf(show);
    const day = dayIn(Date.parse(show.startTime), zone);
    let group = byDay.get(day);
    if (!group) {
      group = { day, label: labelOf(day, dayIn(now, zone), locale), shows: [] };
      byDay.set(day, group);
      groups.push(group);
    }
    group.shows.push(show);
  }
  return groups;
}
