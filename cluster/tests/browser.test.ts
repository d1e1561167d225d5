import { findChromium, launchChromium, MISSING_BROWSER_MESSAGE } from '@holdfast/e2e/browser';
import { describe, expect, it } from 'vitest';
import { seedShow, useCluster, withNginx } from '../support/cluster.js';

const chromiumPath = findChromium();
if (withNginx && !chromiumPath) {
  console.warn(MISSING_BROWSER_MESSAGE);
  if (process.env.CI === 'true') throw new Error('CI=true and no Chromium: install chromium or set CHROMIUM_PATH');
}

describe.runIf(withNginx && chromiumPath)('the web app served by nginx in front of two instances', () => {
  const cluster = useCluster(2);

  it('when a newcomer registers, books and confirms, then the booking is confirmed in My bookings', async () => {
    const showId = await seedShow(cluster(), 5);
    const browser = await launchChromium(chromiumPath!);
    try {
      const context = await browser.newContext({ baseURL: cluster().url, reducedMotion: 'reduce' });
      const page = await context.newPage();
      const sockets: string[] = [];
      page.on('websocket', (socket) => sockets.push(socket.url()));

      await page.goto('/register');
      await page.getByLabel('Name').fill('Nora Nginx');
      await page.getByLabel('Email').fill(`nora-${Date.now()}@cluster.test`);
      await page.getByLabel('Password').fill('cluster-password-1');
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/register'));

      // A deep link: nginx answers the SPA's own route with index.html, the app then calls /api/shows/:id.
      await page.goto(`/shows/${showId}`);
      await page.getByLabel('Quantity').fill('2');
      await page.getByRole('button', { name: 'Book' }).click();
      await page.getByRole('button', { name: 'Confirm booking' }).click();
      await expect.poll(() => page.getByText('Confirmed', { exact: true }).isVisible()).toBe(true);

      await page.goto('/my-bookings');
      const row = page.getByRole('article').filter({ hasText: /2 places/ });
      await expect.poll(() => row.textContent()).toMatch(/confirmed/i);
      // Live updates came over a WebSocket through nginx, same origin, under /api/.
      expect(sockets.some((url) => url.startsWith(`${cluster().url.replace('http', 'ws')}/api/socket.io/`))).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
