import { z } from 'zod';

/** IANA names are at most about 32 characters; the database's CHECK allows 64 (migration 1700000000009). */
export const MAX_TIME_ZONE_LENGTH = 64;
/** The shape of an IANA zone name ('UTC', 'Europe/London', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5'). */
const IANA_NAME = /^[A-Za-z][A-Za-z_]*(\/[A-Za-z0-9_+-]+){0,2}$/;

/**
 * The zone's name as Intl spells it ('europe/london' is 'Europe/London'), or null when Intl knows no such zone or
 * the text is not an IANA name (offsets like '+05:00' are not: a show's zone must follow its place's rules).
 */
export function canonicalTimeZone(name: string): string | null {
  if (name.length > MAX_TIME_ZONE_LENGTH || !IANA_NAME.test(name)) return null;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    // A link ('Asia/Calcutta') may resolve to another name; keep what was given unless only the case differs.
    return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
  } catch {
    return null;
  }
}

export const timeZoneSchema = z
  .string({ message: 'Time zone must be an IANA name like Europe/London' })
  .trim()
  .max(MAX_TIME_ZONE_LENGTH, 'Time zone must be an IANA name like Europe/London')
  .transform((name, ctx) => {
    const zone = canonicalTimeZone(name);
    if (zone === null) {
      ctx.addIssue({ code: 'custom', message: `Unknown time zone "${name}": give an IANA name like Europe/London` });
      return z.NEVER;
    }
    return zone;
  })
  .meta({ description: 'An IANA time zone name', example: 'Europe/London' });
