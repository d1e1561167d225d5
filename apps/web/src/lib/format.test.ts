import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatShowTime } from './format';
import { fromZonedInput, knownTimeZones, toZonedInput } from './time-zones';

// The viewer's zone is the process's: Node re-reads TZ when it changes.
let savedZone: string | undefined;
beforeEach(() => {
  savedZone = process.env.TZ;
  process.env.TZ = 'America/New_York';
});
afterEach(() => {
  process.env.TZ = savedZone;
});

describe('formatShowTime', () => {
  it("when the show's zone is the viewer's, then one time, the viewer's", () => {
    const text = formatShowTime('2031-03-04T14:00:00Z', 'America/New_York');
    expect(text).toMatch(/09:00/);
    expect(text).not.toMatch(/your time/);
    expect(formatShowTime('2031-03-04T14:00:00Z')).toBe(text);
  });

  it("when the zones differ, then the show's time with its zone, then the viewer's own time", () => {
    const text = formatShowTime('2031-03-04T09:00:00Z', 'Europe/London');
    expect(text).toMatch(/^Tue, Mar 4, 09:00 AM GMT · 04:00 AM your time$/);
  });

  it("when the viewer's day is another day, then the viewer's part names the day too", () => {
    const text = formatShowTime('2031-03-04T02:00:00Z', 'Europe/London');
    expect(text).toBe('Tue, Mar 4, 02:00 AM GMT · Mon, Mar 3, 09:00 PM your time');
  });

  it('when another zone reads the same clock at that instant, then one time only', () => {
    expect(formatShowTime('2031-03-04T14:00:00Z', 'America/Toronto')).not.toMatch(/your time/);
  });

  it("when the show's zone is in summer time, then its summer abbreviation and offset are used", () => {
    expect(formatShowTime('2031-07-01T08:00:00Z', 'Europe/London')).toMatch(/09:00 AM GMT\+1 · 04:00 AM your time$/);
  });
});

describe('zoned wall-clock inputs', () => {
  it('when a wall-clock time is read in a zone, then it is the instant there, and back again', () => {
    expect(fromZonedInput('2031-03-04T09:00', 'Europe/London')).toBe('2031-03-04T09:00:00.000Z');
    expect(fromZonedInput('2031-07-01T09:00', 'Europe/London')).toBe('2031-07-01T08:00:00.000Z');
    expect(toZonedInput('2031-07-01T08:00:00.000Z', 'Europe/London')).toBe('2031-07-01T09:00');
    expect(toZonedInput('2031-07-01T08:00:00.000Z', 'Asia/Tokyo')).toBe('2031-07-01T17:00');
  });

  it('when the clocks skip or repeat the time, then the API rule: moved on by the jump, or the first', () => {
    expect(fromZonedInput('2030-03-31T01:30', 'Europe/London')).toBe('2030-03-31T01:30:00.000Z');
    expect(fromZonedInput('2030-10-27T01:30', 'Europe/London')).toBe('2030-10-27T00:30:00.000Z');
    expect(fromZonedInput('2030-03-10T02:30', 'America/New_York')).toBe('2030-03-10T07:30:00.000Z');
    expect(fromZonedInput('2030-11-03T01:30', 'America/New_York')).toBe('2030-11-03T05:30:00.000Z');
  });

  it('when the input is malformed, then nothing', () => {
    expect(fromZonedInput('', 'UTC')).toBe('');
    expect(fromZonedInput('2031-13-01T09:00', 'UTC')).toBe('');
  });

  it('when zones are listed, then the viewer’s and UTC are among them', () => {
    expect(knownTimeZones()).toEqual(expect.arrayContaining(['UTC', 'America/New_York', 'Europe/London']));
  });
});
