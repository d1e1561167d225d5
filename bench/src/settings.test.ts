import { describe, expect, it } from 'vitest';
import { readSettings } from './settings.js';

describe('readSettings', () => {
  it('when BENCH_INSTANCES is unset, then there is no instance count: one API, no nginx', () => {
    expect(readSettings({}).instances).toBeNull();
  });

  it('when BENCH_INSTANCES lists counts, then each is a pass of that many instances', () => {
    expect(readSettings({ BENCH_INSTANCES: '1, 2' }).instances).toEqual([1, 2]);
  });

  it('when BENCH_INSTANCES or BENCH_REPLICA_SALES is not a positive whole number, then reading fails', () => {
    expect(() => readSettings({ BENCH_INSTANCES: '1,two' })).toThrow(/positive whole numbers/);
    expect(() => readSettings({ BENCH_INSTANCES: '0' })).toThrow(/positive whole numbers/);
    expect(() => readSettings({ BENCH_REPLICA_SALES: '-1' })).toThrow(/positive whole numbers/);
  });

  it('when BENCH_QUICK is set, then the replica scenario runs one flash sale, else five', () => {
    expect(readSettings({ BENCH_QUICK: '1' }).replica.sales).toBe(1);
    expect(readSettings({}).replica.sales).toBe(5);
  });
});
