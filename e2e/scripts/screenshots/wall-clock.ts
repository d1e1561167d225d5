const DAY_MS = 86_400_000;

/** The zone's offset from UTC at an instant, in milliseconds ("GMT-05:00" -> -5 h). */
function offsetMs(timeZone: string, at: number) {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')!.value;
  const [, sign, hours, minutes] = /GMT(?:([+-])(\d\d):(\d\d))?/.exec(name)!;
  if (!sign) return 0;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 3_600_000 + Number(minutes) * 60_000);
}

/** A calendar date (YYYY-MM-DD) so many days from today, as a zone's calendar has it. */
export function dateIn(days: number, timeZone: string) {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(Date.now() + days * DAY_MS);
}

/** The instant a zone's clocks show `time` (HH:MM) on the day so many days from today there, as ISO 8601. */
export function wallClock(days: number, time: string, timeZone: string) {
  const [year, month, day] = dateIn(days, timeZone).split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const asIfUtc = Date.UTC(year, month - 1, day, hours, minutes);
  // Corrected twice, so a time near a change of offset lands on the offset in force at it.
  const first = asIfUtc - offsetMs(timeZone, asIfUtc);
  return new Date(asIfUtc - offsetMs(timeZone, first)).toISOString();
}
