import { repoRoot, startNginx, type RunningNginx } from '@holdfast/api-process';
import { freePort } from '@holdfast/embedded-db';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withNginx } from '../support/cluster.js';

describe.runIf(withNginx)('nginx serving the built web app (deploy/nginx.conf)', () => {
  let nginx: RunningNginx;
  beforeAll(async () => {
    // No instance behind it: these answers never reach the API.
    nginx = await startNginx({ listenPort: await freePort(), upstreams: [`127.0.0.1:${await freePort()}`] });
  });
  afterAll(() => nginx?.stop());
  const get = (path: string) => fetch(`${nginx.url}${path}`);

  it('when a hashed asset is asked for, then it may be cached for a year', async () => {
    const asset = readdirSync(join(repoRoot, 'apps/web/dist/assets')).find((name) => name.endsWith('.js'))!;
    const response = await get(`/assets/${asset}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-type')).toMatch(/javascript/);
  });

  it('when an asset that does not exist is asked for, then 404, not the app page under a script name', async () => {
    expect((await get('/assets/index-gone.js')).status).toBe(404);
  });

  it('when the page or a route of the app is asked for, then index.html, revalidated every time', async () => {
    for (const path of ['/', '/shows/12', '/my-bookings', '/no/such/page']) {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<div id="root">');
    }
  });

  it('when /config.js is asked for, then it names the same-origin API and is revalidated every time', async () => {
    const response = await get('/config.js');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toBe('window.__HOLDFAST_CONFIG__ = {"apiUrl":"/api"};\n');
  });
});
