import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  bookViaApi,
  confirmViaApi,
  createShow,
  logIn,
  newPerson,
  registerViaApi,
  screenshots,
  stack,
  useBrowser,
  withBrowser,
} from '../support/session.js';

const PHONE_WIDTH = 375;
const pageWidth = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth);
/** axe's serious and critical findings, by rule and the elements they name. */
async function seriousIssues(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

describe.runIf(withBrowser)('pages on a 375 px phone', () => {
  const browser = useBrowser();

  it('when a show has bookings, then Manage show fits the phone and axe finds nothing serious', async () => {
    const show = await createShow({ name: `Harbour tour ${Date.now()}`, totalSlots: 20 });
    // Long names and addresses are what widened the table.
    for (const name of ['Maximiliana Featherstonehaugh-Wolfeschlegel', 'Bo']) {
      const person = await registerViaApi(name);
      const held = await bookViaApi(person.token, show.id, 2);
      if (name === 'Bo') await confirmViaApi(person.token, held.id);
    }
    const admin = await newPerson(browser(), 'phone');
    await logIn(admin.page, stack!.admin);
    await admin.page.goto(`/admin/shows/${show.id}`);
    await expect.poll(() => admin.page.getByRole('cell', { name: /Featherstonehaugh/ }).isVisible()).toBe(true);

    expect(await pageWidth(admin.page)).toBeLessThanOrEqual(PHONE_WIDTH);
    expect(await seriousIssues(admin.page)).toEqual([]);
    await screenshots(admin.page, 'manage-show-with-bookings');
    await admin.context.close();
  });

  it('when a booking is confirmed, then its receipt shows the reference, fits the phone and passes axe', async () => {
    const show = await createShow({ name: `Flu clinic ${Date.now()}`, totalSlots: 5 });
    const person = await newPerson(browser(), 'phone');
    await logIn(person.page, await registerViaApi('Receipt'));
    await person.page.goto(`/shows/${show.id}`);
    await person.page.getByRole('button', { name: 'Book' }).click();
    await person.page.getByRole('button', { name: 'Confirm booking' }).click();
    await expect.poll(() => person.page.getByRole('heading', { name: 'Confirmed' }).isVisible()).toBe(true);
    expect(await person.page.evaluate(() => document.activeElement?.textContent)).toBe('Confirmed');

    await person.page.getByRole('link', { name: 'See your receipt' }).click();
    const reference = person.page.getByLabel('Reference');
    await expect.poll(() => reference.isVisible()).toBe(true);
    expect(await reference.textContent()).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(await person.page.getByText(show.name).isVisible()).toBe(true);
    expect(await pageWidth(person.page)).toBeLessThanOrEqual(PHONE_WIDTH);
    expect(await seriousIssues(person.page)).toEqual([]);
    await screenshots(person.page, 'booking-receipt');
    await person.context.close();
  });
});
