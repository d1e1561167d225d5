import { describe, expect, it } from 'vitest';
import { parsePgbench, PGBENCH_SCRIPTS, withStatement } from './pgbench.js';

describe('withStatement', () => {
  it('when the booking function changes, then the own script keeps its random user and show, runs the new SQL', () => {
    expect(withStatement(PGBENCH_SCRIPTS.own, 'SELECT * FROM book_many(ARRAY[:show], ARRAY[:user])')).toBe(
      [
        '\\set user random(:minuser, :maxuser)',
        '\\set show random(:minshow, :maxshow)',
        'SELECT * FROM book_many(ARRAY[:show], ARRAY[:user]);',
        '',
      ].join('\n'),
    );
  });
});

describe('parsePgbench', () => {
  it('when pgbench 15 prints its summary, then tps, latency and failures are read from it', () => {
    const output = [
      'number of transactions actually processed: 27691',
      'number of failed transactions: 2 (0.007%)',
      'latency average = 2.889 ms',
      'initial connection time = 12.301 ms',
      'tps = 2769.123456 (without initial connection time)',
    ].join('\n');
    expect(parsePgbench(output)).toEqual({ tps: 2769.123456, latencyMs: 2.889, failed: 2 });
  });

  it('when the summary is missing, then the figures are NaN rather than zero', () => {
    expect(Number.isNaN(parsePgbench('connection failed').tps)).toBe(true);
  });
});
