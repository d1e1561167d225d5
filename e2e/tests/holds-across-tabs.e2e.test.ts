import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  createShow,
  logIn,
  myBookingsViaApi,
  newPerson,
  registerViaApi,
  showCard,
  useBrowser,
  withBrowser,
} from '../support/session.js';

const bookButton = (page: Page) => page.getByRole('button', { name: 'Book', exact: true });
const timer = (page: Page) => page.getByRole('timer');
/** The machine may be busy: wait for what must happen, generously (it fails only if it never happens). */
const eventually = { timeout: 10_000 };

/** Holds `quantity` places through the page's own form and waits for the countdown. */
async function holdThroughTheForm(page: Page, showName: string, quantity: number) {
  await page.goto('/');
  await showCard(page, showName).getByRole('link', { name: 'Book' }).click();
  await page.getByLabel('Quantity').fill(String(quantity));
  await bookButton(page).click();
  await expect.poll(() => timer(page).isVisible(), eventually).toBe(true);
}

/** A second tab of the same browser: same sign-in (localStorage), its own sessionStorage. */
async function openSecondTab(context: BrowserContext, path: string) {
  const tab = await context.newPage();
  tab.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  await tab.goto(path);
  return tab;
}

describe.runIf(withBrowser)('one hold, seen from every tab', () => {
  const browser = useBrowser();

  it('when "Continue booking" is opened in a second tab, then it resumes that hold and offers no Book', async () => {
    const show = await createShow({ name: `Second tab ${Date.now()}`, totalSlots: 6 });
    const person = await registerViaApi('Two Tabs');
    const { context, page: tabA } = await newPerson(browser());
    await logIn(tabA, person);

    await holdThroughTheForm(tabA, show.name, 2);
    const tabB = await openSecondTab(context, '/my-bookings');
    await tabB.getByRole('article', { name: show.name }).getByRole('link', { name: 'Continue booking' }).click();

    await expect.poll(() => timer(tabB).isVisible(), eventually).toBe(true);
    expect(await tabB.getByText('2 places', { exact: true }).isVisible()).toBe(true);
    expect(await bookButton(tabB).count()).toBe(0);
    // Opening the show itself in the second tab resumes the hold too.
    await tabB.goto(`/shows/${show.id}`);
    await expect.poll(() => timer(tabB).isVisible(), eventually).toBe(true);
    expect(await bookButton(tabB).count()).toBe(0);

    await tabB.getByRole('button', { name: 'Confirm booking' }).click();
    await expect.poll(() => tabB.getByText('Confirmed', { exact: true }).isVisible(), eventually).toBe(true);
    // The first tab hears of it through the show's live update, and stops counting down.
    await expect.poll(() => tabA.getByText('Confirmed', { exact: true }).isVisible(), eventually).toBe(true);
    expect(await timer(tabA).count()).toBe(0);
    const mine = (await myBookingsViaApi(person.token)).filter((booking) => booking.showId === show.id);
    expect(mine.map((booking) => booking.status)).toEqual(['CONFIRMED']);
    await context.close();
  });

  it('when the hold cap refuses a second device’s Book (HOLD_EXISTS), then it resumes the first hold', async () => {
    const show = await createShow({ name: `Hold cap ${Date.now()}`, totalSlots: 6 });
    const person = await registerViaApi('Two Devices');
    const phone = await newPerson(browser(), 'phone');
    const laptop = await newPerson(browser());
    await logIn(phone.page, person);
    await logIn(laptop.page, person);
    // The laptop's form is open before the phone holds, so it still offers Book.
    await laptop.page.goto(`/shows/${show.id}`);
    await expect.poll(() => bookButton(laptop.page).isVisible(), eventually).toBe(true);

    await holdThroughTheForm(phone.page, show.name, 1);
    await laptop.page.getByLabel('Quantity').fill('3');
    await bookButton(laptop.page).click();

    await expect.poll(() => timer(laptop.page).isVisible(), eventually).toBe(true);
    expect(await laptop.page.getByText(/You already had places held on this show/).isVisible()).toBe(true);
    expect(await laptop.page.getByText('1 place', { exact: true }).isVisible()).toBe(true);
    const mine = (await myBookingsViaApi(person.token)).filter((booking) => booking.showId === show.id);
    expect(mine.map((booking) => booking.status)).toEqual(['PENDING']);
    await Promise.all([phone.context.close(), laptop.context.close()]);
  });

  /** Cancels the person's booking of `showName` from My bookings in `tab`. */
  async function cancelFromMyBookings(tab: Page, showName: string) {
    const row = tab.getByRole('article', { name: showName });
    await row.getByRole('button', { name: 'Cancel booking' }).click();
    await row.getByRole('button', { name: 'Yes, cancel' }).click();
    await expect.poll(() => row.getByText('Cancelled', { exact: true }).isVisible(), eventually).toBe(true);
  }

  it('when the hold is cancelled in another tab, then the first tab stops counting down without a reload', async () => {
    const show = await createShow({ name: `Cancelled elsewhere ${Date.now()}`, totalSlots: 6 });
    const { context, page: tabA } = await newPerson(browser());
    await logIn(tabA, await registerViaApi('Canceller'));
    await holdThroughTheForm(tabA, show.name, 1);
    let reloaded = false;
    tabA.on('load', () => (reloaded = true));

    await cancelFromMyBookings(await openSecondTab(context, '/my-bookings'), show.name);

    await expect.poll(() => tabA.getByText('Cancelled', { exact: true }).isVisible(), eventually).toBe(true);
    expect(await timer(tabA).count()).toBe(0);
    expect(reloaded).toBe(false);
    await context.close();
  });

  it('when live updates cannot reach a tab, then coming back to it re-reads the hold cancelled elsewhere', async () => {
    const show = await createShow({ name: `Focus ${Date.now()}`, totalSlots: 6 });
    const { context, page: tabA } = await newPerson(browser());
    // This tab hears no live updates at all: only its own re-read on focus can tell it what changed.
    await tabA.routeWebSocket(/\/socket\.io\//, (ws) => ws.close());
    await tabA.route(/\/socket\.io\//, (route) => route.abort());
    await logIn(tabA, await registerViaApi('Focus'));
    await holdThroughTheForm(tabA, show.name, 1);

    await cancelFromMyBookings(await openSecondTab(context, '/my-bookings'), show.name);
    await tabA.waitForTimeout(1_000);
    expect(await timer(tabA).isVisible()).toBe(true); // nothing has told this tab yet

    // Headless pages all count as focused and visible, so the person's return is played as the focus event.
    await tabA.bringToFront();
    await tabA.evaluate(() => window.dispatchEvent(new FocusEvent('focus')));

    await expect.poll(() => tabA.getByText('Cancelled', { exact: true }).isVisible(), eventually).toBe(true);
    expect(await timer(tabA).count()).toBe(0);
    await context.close();
  });
});
