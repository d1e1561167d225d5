import { describe, expect, it } from 'vitest';
import { aShow } from '@/testing/factories';
import { dayIn, groupByDay, nextDayStart } from './group-by-day';

const now = Date.parse('2026-12-03T10:00:00Z'); // a Thursday
const at = (iso: string, name = iso) => aShow({ name, startTime: iso });
const labels = (groups: { label: string; shows: { name: string }[] }[]) =>
  groups.map((group) => [group.label, group.shows.map((show) => show.name)]);

describe('groupByDay', () => {
  it('when shows fall on today, tomorrow and later days, then each day has one heading, in the given order', () => {
    const shows = [
      at('2026-12-03T12:00:00Z', 'noon'),
      at('2026-12-03T18:00:00Z', 'evening'),
      at('2026-12-04T09:00:00Z', 'friday'),
      at('2026-12-05T09:00:00Z', 'saturday'),
    ];
    expect(labels(groupByDay(shows, { now, locale: 'en-GB', timeZoneOf: () => 'UTC' }))).toEqual([
      ['Today', ['noon', 'evening']],
      ['Tomorrow', ['friday']],
      ['Saturday 5 December', ['saturday']],
    ]);
  });

  it('when a show is in another year, then its heading names the year', () => {
    const [group] = groupByDay([at('2027-01-08T09:00:00Z')], { now, locale: 'en-GB', timeZoneOf: () => 'UTC' });
    // ICU writes a comma after the weekday when the year is there.
    expect(group?.label).toMatch(/^Friday,? 8 January 2027$/);
  });

  it("when a show's zone is ahead of UTC, then its day is the day there, and so are Today and Tomorrow", () => {
    // 23:30 UTC on the 3rd is 00:30 on the 4th in Berlin (UTC+1 in December): tomorrow there.
    const late = at('2026-12-03T23:30:00Z', 'late');
    expect(labels(groupByDay([late], { now, timeZoneOf: () => 'UTC' }))).toEqual([['Today', ['late']]]);
    expect(labels(groupByDay([late], { now, timeZoneOf: () => 'Europe/Berlin' }))).toEqual([['Tomorrow', ['late']]]);
    // At 23:00 UTC on the 3rd it is already the 4th in Auckland: the same show is today there.
    const lateNow = Date.parse('2026-12-03T23:00:00Z');
    expect(labels(groupByDay([late], { now: lateNow, timeZoneOf: () => 'Pacific/Auckland' }))).toEqual([
      ['Today', ['late']],
    ]);
  });

  it('when shows have different zones, then each is placed by its own zone', () => {
    const inNewYork = { ...at('2026-12-04T03:00:00Z', 'new york'), zone: 'America/New_York' };
    const inLondon = { ...at('2026-12-04T03:00:00Z', 'london'), zone: 'Europe/London' };
    const groups = groupByDay([inNewYork, inLondon], {
      now,
      timeZoneOf: (show) => (show as typeof inNewYork).zone,
    });
    expect(labels(groups)).toEqual([
      ['Today', ['new york']],
      ['Tomorrow', ['london']],
    ]);
  });

  it('when the clocks change that night, then Tomorrow is still the next calendar day', () => {
    // Europe/London leaves summer time at 01:00 UTC on 25 October 2026: that day has 25 hours.
    const eve = Date.parse('2026-10-24T22:30:00Z');
    const shows = [at('2026-10-25T23:30:00Z', 'sunday night'), at('2026-10-26T00:30:00Z', 'monday')];
    expect(labels(groupByDay(shows, { now: eve, locale: 'en-GB', timeZoneOf: () => 'Europe/London' }))).toEqual([
      ['Tomorrow', ['sunday night']],
      ['Monday 26 October', ['monday']],
    ]);
  });

  it('when no zone is given, then the day is read in the viewer zone', () => {
    const show = at('2026-12-04T09:00:00Z');
    expect(groupByDay([show], { now })[0]?.day).toBe(dayIn(Date.parse(show.startTime)));
  });

  it('when the next day starts, then nextDayStart names that instant in the zone, across a clock change', () => {
    // Midnight in Tokyo is 15:00 UTC: at that very instant the day has begun, and the next starts a day later.
    expect(new Date(nextDayStart(Date.parse('2026-12-04T15:00:00Z'), 'Asia/Tokyo')).toISOString()).toBe(
      '2026-12-05T15:00:00.000Z',
    );
    expect(new Date(nextDayStart(Date.parse('2026-12-04T14:59:59Z'), 'Asia/Tokyo')).toISOString()).toBe(
      '2026-12-04T15:00:00.000Z',
    );
    // London's 25-hour day: midnight after it is 00:00 GMT, not summer time's 23:00 UTC.
    expect(new Date(nextDayStart(Date.parse('2026-10-24T23:30:00Z'), 'Europe/London')).toISOString()).toBe(
      '2026-10-26T00:00:00.000Z',
    );
    // New York springs forward at 02:00, so its next midnight is one hour nearer in UTC than the day before.
    expect(new Date(nextDayStart(Date.parse('2026-03-08T12:00:00Z'), 'America/New_York')).toISOString()).toBe(
      '2026-03-09T04:00:00.000Z',
    );
  });
});
