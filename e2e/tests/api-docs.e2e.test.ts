import { describe, expect, it } from 'vitest';
import { stack, useBrowser, withBrowser } from '../support/session.js';

describe.runIf(withBrowser)('developers explore the API in Swagger UI', () => {
  const browser = useBrowser();

  it('when a developer opens /api-docs/, then Swagger UI renders every operation under the CSP', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
    });

    const response = await page.goto(`${stack!.apiUrl}/api-docs/`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect.poll(() => page.locator('.opblock').count(), { timeout: 10_000 }).toBeGreaterThan(10);
    await expect.poll(() => page.getByText('/bookings/confirm').first().isVisible()).toBe(true);
    expect(blocked).toEqual([]);
    await context.close();
  });
});
