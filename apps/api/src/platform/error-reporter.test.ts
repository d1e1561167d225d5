import { spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { databaseUnavailable } from './db-faults.js';
import { createErrorReporter } from './error-reporter.js';

function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

const fixture = new URL('../../test/fixtures/crash-after-start.ts', import.meta.url).pathname;
const runFixture = (escape: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', fixture, escape], { encoding: 'utf8', timeout: 20_000 });

describe('error reporter', () => {
  it('when an error is reported, then it is logged once at error level with its context', () => {
    const { logger, lines } = capturingLogger();
    createErrorReporter(logger).report(new Error('sweep broke'), { source: 'expiry sweep', batch: 3 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, source: 'expiry sweep', batch: 3, err: { message: 'sweep broke' } });
  });

  it('when a job runs into a database outage, then one warning line is logged, without a stack', () => {
    const { logger, lines } = capturingLogger();
    createErrorReporter(logger).report(databaseUnavailable(new Error('ECONNREFUSED')), { source: 'expiry sweep' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, source: 'expiry sweep', code: 'DATABASE_UNAVAILABLE' });
    expect(lines[0]).not.toHaveProperty('err');
  });

  it.each(['rejection', 'exception'])(
    'when an unhandled %s escapes, then the process logs it as fatal and exits with 1',
    (escape) => {
      const result = runFixture(escape);
      expect(result.status).toBe(1);
      const fatal = result.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { level: number; source: string })
        .find((entry) => entry.level === 60);
      expect(fatal).toMatchObject({ source: escape === 'rejection' ? 'unhandledRejection' : 'uncaughtException' });
    },
  );
});
