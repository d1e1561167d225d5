import { DELETED_SHOW_VERSION } from '@holdfast/contracts';
import { describe, expect, it } from 'vitest';
import { aShow } from '@/testing/factories';
import { freshestShow, freshestShows, freshUpdates, rememberDeleted } from './show-versions';

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

  it('when a list read still has a show already announced deleted (a lagging replica), then it is left out', () => {
    const [gone, kept] = [aShow({ version: 2 }), aShow({ version: 2 })];
    freshUpdates([{ id: gone.id, totalSlots: 0, availableSlots: 0, version: DELETED_SHOW_VERSION, deleted: true }]);
    expect(freshestShows([gone, kept])).toEqual([kept]);
  });

  it('when a read predates an edit already announced, then it takes the announced name and time', () => {
    const show = aShow({ version: 4 });
    const edited = { name: 'Renamed', startTime: new Date(Date.parse(show.startTime) + 3_600_000).toISOString() };
    freshUpdates([{ id: show.id, totalSlots: 40, availableSlots: 40, version: 5, ...edited }]);
    expect(freshestShow(show)).toEqual({ ...show, ...edited, version: 5 });
  });

  it('when this tab deleted a show, then a list read that still has it leaves it out', () => {
    const [gone, kept] = [aShow(), aShow()];
    rememberDeleted(gone.id);
    expect(freshestShows([gone, kept])).toEqual([kept]);
  });
});
