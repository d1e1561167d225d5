import { repoRoot, startNodeProcess, waitUntilUp } from '@holdfast/api-process';
import { databaseServer, freePort } from '@holdfast/embedded-db';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

/** pnpm as the test runs under it (npm_execpath), so that the pinned version makes the folder the image gets. */
function pnpm(args: string[]) {
  const execPath = process.env.npm_execpath;
  const [command, prefix] = execPath?.endsWith('.cjs') ? [process.execPath, [execPath]] : ['pnpm', []];
  return spawnSync(command, [...prefix, ...args], { cwd: repoRoot, encoding: 'utf8' });
}

// The Dockerfile's api stage, minus Docker: the folder `pnpm deploy --prod` makes must run the API on its own.
describe("the API image's folder (pnpm deploy --prod)", () => {
  it('when the deployed folder is started away from the workspace, then the API migrates and answers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'holdfast-api-image-'));
    const server = databaseServer(inject('serverUrl'));
    const database = `holdfast_image_${randomBytes(4).toString('hex')}`;
    try {
      const deploy = pnpm(['--filter', '@holdfast/api', 'deploy', '--prod', '--legacy', '--prefer-offline', dir]);
      expect(deploy.status, deploy.stderr).toBe(0);
      // Only the bundle and production dependencies: no sources, tests or workspace packages.
      expect(readdirSync(dir).sort()).toEqual(['dist', 'node_modules', 'package.json']);
      expect(readdirSync(join(dir, 'node_modules'))).not.toContain('@holdfast');

      await server.createDatabase(database);
      const port = await freePort();
      const api = startNodeProcess(['dist/main.js'], {
        cwd: dir,
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'production',
          PORT: String(port),
          DATABASE_URL: server.urlFor(database),
          JWT_SECRET: randomBytes(32).toString('hex'),
        },
      });
      try {
        await waitUntilUp(`http://127.0.0.1:${port}/health`, api);
        expect((await fetch(`http://127.0.0.1:${port}/shows`)).status).toBe(200);
      } finally {
        await api.stop();
      }
    } finally {
      await server.dropDatabase(database);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
