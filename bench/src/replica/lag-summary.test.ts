import { describe, expect, it } from 'vitest';
import { lagCells, sameDatabaseOn, spread, type LagSample } from './lag-summary.js';

describe('spread', () => {
  it('when some values are unknown, then max and p99 are of the known ones (nearest rank)', () => {
    const values = [...Array.from({ length: 200 }, (_, i) => i + 1), null];
    expect(spread(values)).toEqual({ max: 200, p99: 198 });
  });

  it('when nothing is known, then there is no max and no p99', () => {
    expect(spread([null, null])).toEqual({ max: null, p99: null });
  });
});

describe('lagCells', () => {
  it('when samples are summarised, then each measure gets max and p99 and reads on primary are counted', () => {
    const sample = (ms: number, onPrimary = false): LagSample => ({
      healthMs: ms,
      healthBytes: ms * 100,
      replayMs: null,
      walBehindBytes: ms * 1000,
      readsOnPrimary: onPrimary,
    });
    expect(lagCells([sample(2), sample(5, true)])).toEqual([2, 5, 5, 500, 500, null, null, 5000, 5000, 1]);
  });
});

describe('sameDatabaseOn', () => {
  it("when the API's database is named, then the replica's URL names the same database", () => {
    expect(
      sameDatabaseOn('postgres://u:p@127.0.0.1:6002/postgres', 'postgres://u:p@127.0.0.1:6001/holdfast_api_1'),
    ).toBe('postgres://u:p@127.0.0.1:6002/holdfast_api_1');
  });
});
