import { describe, expect, it } from 'vitest';
import { logIn, newPerson, registerViaApi, screenshots, useBrowser, withBrowser } from '../support/session.js';

describe.runIf(withBrowser)('the header on a phone', () => {
  const browser = useBrowser();

  it('when the page is 375 px wide, then the header is one row and its links open from the Menu button', async () => {
    const { context, page } = await newPerson(browser(), 'phone');
    await logIn(page, await registerViaApi('Phone user'));
    await page.goto('/');
    await expect.poll(() => page.getByText('Live updates on').isVisible()).toBe(true);
    const header = page.getByRole('banner');
    const height = async () => (await header.boundingBox())!.height;
    // One row: the Menu button's 44 px plus the padding (three rows took about 145 px).
    expect(await height()).toBeLessThan(70);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await page.getByRole('link', { name: 'My bookings' }).isVisible()).toBe(false);

    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByRole('link', { name: 'My bookings' }).isVisible()).toBe(true);
    expect(await height()).toBeLessThan(70);
    await screenshots(page, 'phone-header-menu');
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Menu');

    await menu.click();
    await page.getByRole('link', { name: 'My bookings' }).click();
    await page.waitForURL('**/my-bookings');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await context.close();
  });
});
