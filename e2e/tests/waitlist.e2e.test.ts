import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  createShow,
  logIn,
  myBookingsViaApi,
  newPerson,
  registerViaApi,
  useBrowser,
  withBrowser,
} from '../support/session.js';

const timer = (page: Page) => page.getByRole('timer');
/** The machine may be busy: wait for what must happen, generously (it fails only if it never happens). */
const eventually = { timeout: 15_000 };
const offerBanner = (page: Page) => page.getByRole('region', { name: 'Places freed up for you' });

describe.runIf(withBrowser)('the waitlist, live in two browsers', () => {
  const browser = useBrowser();

  it('when A cancels the last place, then B, waiting, sees the offer live and confirms it', async () => {
    const show = await createShow({ name: `Waitlist ${Date.now()}`, totalSlots: 1 });
    const [holderA, waiterB] = [await registerViaApi('Holder A'), await registerViaApi('Waiter B')];
    const a = await newPerson(browser());
    const b = await newPerson(browser(), 'phone');
    await logIn(a.page, holderA);
    await logIn(b.page, waiterB);

    // A holds the last place.
    await a.page.goto(`/shows/${show.id}`);
    await a.page.getByLabel('Quantity').fill('1');
    await a.page.getByRole('button', { name: 'Book', exact: true }).click();
    await expect.poll(() => timer(a.page).isVisible(), eventually).toBe(true);

    // B finds it sold out and joins the waitlist.
    await b.page.goto(`/shows/${show.id}`);
    const wanted = b.page.getByLabel('Places wanted');
    await expect.poll(() => wanted.isVisible(), eventually).toBe(true);
    await wanted.fill('1');
    await b.page.getByRole('button', { name: 'Join the waitlist' }).click();
    await expect.poll(() => b.page.getByText(/You are number 1 in line/).isVisible(), eventually).toBe(true);

    // A releases the place; B's page shows the offer without a reload.
    await a.page.getByRole('button', { name: 'Release places' }).click();
    await expect.poll(() => offerBanner(b.page).isVisible(), eventually).toBe(true);
    expect(await offerBanner(b.page).getByRole('timer', { name: 'Time left to accept' }).isVisible()).toBe(true);

    await offerBanner(b.page).getByRole('button', { name: 'Confirm booking' }).click();
    await expect.poll(() => offerBanner(b.page).count(), eventually).toBe(0);
    const mine = (await myBookingsViaApi(waiterB.token)).filter((booking) => booking.showId === show.id);
    expect(mine.map((booking) => booking.status)).toEqual(['CONFIRMED']);
    await Promise.all([a.context.close(), b.context.close()]);
  });
});
