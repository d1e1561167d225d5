let viewerZone: string | undefined;
/**
 * The viewer's own IANA zone, as the browser reports it. Read once: asking builds a formatter (0.3 ms on a
 * desktop, four times that on a phone), and every show card asks; a zone changed meanwhile counts from a reload.
 */
export const viewerTimeZone = () => (viewerZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone);

/** Every IANA zone the browser knows (for pickers), with the viewer's and UTC always among them. */
export function knownTimeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...zones, viewerTimeZone(), 'UTC'])].sort();
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();
function partsFormat(timeZone: string) {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    partsFormats.set(timeZone, format);
  }
  return format;
}

/** An instant as wall-clock `yyyy-mm-ddThh:mm` in a zone: what <input type="datetime-local"> shows. */
export function toZonedInput(iso: string | number, timeZone: string): string {
  const parts = Object.fromEntries(
    partsFormat(timeZone)
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** Milliseconds the zone's clock is ahead of UTC at that instant. */
export function offsetAt(ms: number, timeZone: string): number {
  const wall = toZonedInput(ms, timeZone);
  return Date.parse(`${wall}:00Z`) - Math.floor(ms / 60_000) * 60_000;
}

/**
 * A wall-clock `yyyy-mm-ddThh:mm` in a zone as an ISO instant, by the API's rule (ADR 0017): a time the clocks
 * repeat is the first; a time they skip is read with the offset before the jump. '' for a malformed input.
 */
export function fromZonedInput(local: string, timeZone: string): string {
  const asUtc = Date.parse(`${local}:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) || Number.isNaN(asUtc)) return '';
  const before = offsetAt(asUtc - 86_400_000, timeZone);
  const after = offsetAt(asUtc + 86_400_000, timeZone);
  const valid = [asUtc - before, asUtc - after].filter((ms) => toZonedInput(ms, timeZone) === local);
  return new Date(valid.length > 0 ? Math.min(...valid) : asUtc - before).toISOString();
}
