import type { Show } from '@holdfast/contracts';
import { describe, expect, it } from 'vitest';
import { aShow } from '@/testing/factories';
import { applyAvailability } from './apply-availability';

const now = Date.parse('2030-06-01T12:00:00Z');
const at = (hours: number) => new Date(now + hours * 3_600_000).toISOString();
const names = (pages: { shows: Show[] }[]) => pages.map((page) => page.shows.map((show) => show.name));

describe('applyAvailability over loaded pages', () => {
  const a = aShow({ name: 'A', startTime: at(1) });
  const b = aShow({ name: 'B', startTime: at(2) });
  const c = aShow({ name: 'C', startTime: at(3) });

  it('when a new show falls among the loaded pages, then it goes in order; after them, it waits', () => {
    const pages = [
      { shows: [a, b], next: { after: 'x' } },
      { shows: [c], next: { after: 'y' } },
    ];
    const between = aShow({ name: 'AB', startTime: at(1.5) });
    const beyond = aShow({ name: 'Z', startTime: at(9) });
    expect(names(applyAvailability(pages, [between, beyond], {}, now))).toEqual([['A', 'AB', 'B'], ['C']]);
    expect(names(applyAvailability([{ shows: [a], next: undefined }], [beyond], {}, now))).toEqual([['A', 'Z']]);
  });

  it('when a show is rescheduled out of the window, then it leaves; into another list, it joins there', () => {
    const moved = { ...b, startTime: at(-5) };
    expect(names(applyAvailability([{ shows: [a, b, c] }], [moved], {}, now))).toEqual([['A', 'C']]);
    const past = [{ shows: [aShow({ name: 'P', startTime: at(-1) }), aShow({ name: 'Q', startTime: at(-9) })] }];
    expect(names(applyAvailability(past, [moved], { order: 'desc' }, now))).toEqual([['P', 'B', 'Q']]);
  });

  it('when a date window is asked, then only shows starting in it are placed', () => {
    const window = { from: at(0), to: at(2) };
    const inside = aShow({ name: 'In', startTime: at(1.5) });
    const outside = aShow({ name: 'Out', startTime: at(2) });
    expect(names(applyAvailability([{ shows: [a] }], [inside, outside], window, now))).toEqual([['A', 'In']]);
  });

  it('when a show changes live, then its place stays unless the change moves or clears it', () => {
    const clinic = aShow({ name: 'Clinic', startTime: at(1), location: 'Room 4, Harbour St 2' });
    const booked = { id: clinic.id, totalSlots: clinic.totalSlots, availableSlots: 1, version: 9 };
    const [kept] = applyAvailability([{ shows: [clinic] }], [booked], {}, now);
    expect(kept!.shows[0]).toMatchObject({ availableSlots: 1, location: 'Room 4, Harbour St 2' });
    const [moved] = applyAvailability([{ shows: [clinic] }], [{ ...booked, location: 'Room 7' }], {}, now);
    expect(moved!.shows[0]!.location).toBe('Room 7');
    const [cleared] = applyAvailability([{ shows: [clinic] }], [{ ...booked, location: null }], {}, now);
    expect(cleared!.shows[0]!.location).toBeNull();
  });
});
