import { describe, expect, it } from 'vitest';
import { formatCell, markdownTable, ratio } from './table.js';

describe('markdownTable', () => {
  it('when rows hold numbers, then their columns are right-aligned and rounded for reading', () => {
    const table = markdownTable(
      ['clients', 'req/s', 'note'],
      [
        [64, 1300.4, 'a|b'],
        [256, 0.456, null],
      ],
    );
    expect(table).toBe(
      ['| clients | req/s | note |', '| ---: | ---: | --- |', '| 64 | 1,300 | a\\|b |', '| 256 | 0.46 | - |'].join(
        '\n',
      ),
    );
  });

  it('when a row is shorter than the header, then the missing cells are dashes', () => {
    expect(markdownTable(['a', 'b'], [[1]]).split('\n')[2]).toBe('| 1 | - |');
  });
});

describe('formatCell and ratio', () => {
  it('when a figure is missing or infinite, then it shows as a dash', () => {
    expect([formatCell(undefined), formatCell(NaN), formatCell(Infinity)]).toEqual(['-', '-', '-']);
    expect(formatCell(12.345)).toBe('12.3');
    expect(formatCell(7)).toBe('7');
  });

  it('when either side of a ratio is missing or the divisor is zero, then there is no ratio', () => {
    expect(ratio(10, 4)).toBe(2.5);
    expect([ratio(null, 4), ratio(10, null), ratio(10, 0)]).toEqual([null, null, null]);
  });
});
