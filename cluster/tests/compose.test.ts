import { repoRoot } from '@holdfast/api-process';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const composeFiles = readdirSync(repoRoot).filter((name) => /^docker-compose.*\.ya?ml$/.test(name));
const hasDockerCompose = !spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).error;

if (!hasDockerCompose) {
  console.warn(`
  ################################################################################
  #  No docker-compose on PATH: the compose files were NOT validated.            #
  #  Install it:  apt-get install -y docker-compose    (Debian/Ubuntu)           #
  #  With CI=true a missing docker-compose fails the run.                         #
  ################################################################################
`);
  if (process.env.CI === 'true') throw new Error('CI=true and no docker-compose: apt-get install docker-compose');
}

// No Docker engine is needed: `config -q` parses, interpolates and checks the file against the compose schema.
describe.runIf(hasDockerCompose)('the compose files of the repository root', () => {
  it.each(composeFiles)('when %s is read by docker-compose config, then it is valid', (file) => {
    const result = spawnSync('docker-compose', ['-f', join(repoRoot, file), 'config', '-q'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
