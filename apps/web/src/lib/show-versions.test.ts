import { describe, expect, it } from 'vitest';
import { aShow } from '@/testing/factories';
import { freshestShow, freshUpdates } from './show-versions';

describe('show versions', () => {
  it('when a live update is older than one already applied, then it is dropped', () => {
    const show = aShow({ availableSlots: 9, version: 3 });
    const newer = { id: show.id, totalSlots: 40, availableSlots: 7, version: 5 };
    const older = { id: show.id, totalSlots: 40, availableSlots: 8, version: 4 };
    expect(freshUpdates([newer])).toEqual([newer]);
    expect(freshUpdates([older])).toEqual([]);
    expect(freshUpdates([{ ...newer }])).toHaveLength(1);
  });

  it('when a read is older than a live update already seen, then the read takes the newer counts', () => {
    const show = aShow({ availableSlots: 9, version: 3 });
    freshUpdates([{ id: show.id, totalSlots: 40, availableSlots: 6, version: 8 }]);
    expect(freshestShow(show)).toEqual({ ...show, availableSlots: 6, version: 8 });
    const newerRead = { ...show, availableSlots: 5, version: 9 };
    expect(freshestShow(newerRead)).toEqual(newerRead);
    expect(freshestShow(show)).toEqual(newerRead);
  });
});
