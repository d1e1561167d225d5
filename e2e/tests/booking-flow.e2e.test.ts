import { describe, expect, it } from 'vitest';
import {
  createShow,
  logIn,
  myBookingsViaApi,
  newPerson,
  registerViaApi,
  screenshots,
  showCard,
  uniqueEmail,
  useBrowser,
  withBrowser,
} from '../support/session.js';

describe.runIf(withBrowser)('a patient books a place', () => {
  const browser = useBrowser();

  it('when a newcomer registers, books, confirms, then the booking is in My bookings', async () => {
    const show = await createShow({ name: `Morning clinic ${Date.now()}`, totalSlots: 5 });
    const { page, context } = await newPerson(browser());

    await page.goto('/');
    await expect.poll(() => showCard(page, show.name).isVisible()).toBe(true);
    await screenshots(page, 'shows');

    await page.goto('/register');
    await page.getByLabel('Name').fill('Ada Patient');
    await page.getByLabel('Email').fill(uniqueEmail('ada'));
    await page.getByLabel('Password').fill('e2e-password-1');
    await screenshots(page, 'register');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/register'));

    await page.goto('/');
    await showCard(page, show.name).getByRole('link', { name: 'Book' }).click();
    await page.getByLabel('Quantity').fill('2');
    await page.getByRole('button', { name: 'Book' }).click();
    await expect.poll(() => page.getByRole('timer').isVisible()).toBe(true);
    await screenshots(page, 'hold-countdown');

    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await expect.poll(() => page.getByText('Confirmed', { exact: true }).isVisible()).toBe(true);
    await screenshots(page, 'confirmed');

    await page.goto('/my-bookings');
    const row = page.getByRole('article', { name: show.name });
    await expect.poll(() => row.isVisible()).toBe(true);
    expect(await row.textContent()).toMatch(/confirmed/i);
    expect(await row.textContent()).toMatch(/2 places/);
    await screenshots(page, 'my-bookings');

    // The session survives a reload.
    await page.reload();
    await expect.poll(() => row.isVisible()).toBe(true);
    await context.close();
  });

  it('when Book is pressed twice before the page re-renders, then exactly one hold is made', async () => {
    const show = await createShow({ name: `Double click ${Date.now()}`, totalSlots: 10 });
    const person = await registerViaApi('Quick');
    const { page, context } = await newPerson(browser());
    await logIn(page, person);

    await page.goto('/');
    await showCard(page, show.name).getByRole('link', { name: 'Book' }).click();
    await page.getByLabel('Quantity').fill('2');
    // A double press that lands before the page re-renders (a slow device, a bouncing key): two submits in one
    // task, which disabling the button alone cannot stop.
    await page.getByLabel('Quantity').evaluate((input: HTMLInputElement) => {
      input.form!.requestSubmit();
      input.form!.requestSubmit();
    });
    await expect.poll(() => page.getByRole('timer').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Confirm booking' }).isVisible()).toBe(true);

    const mine = await myBookingsViaApi(person.token);
    expect(mine.filter((booking) => booking.showId === show.id)).toHaveLength(1);
    await context.close();
  });
});
