import { describe, expect, it } from 'vitest';
import { parsePgbench } from './pgbench.js';

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
