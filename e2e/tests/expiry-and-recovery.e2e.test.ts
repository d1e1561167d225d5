import { describe, expect, it } from 'vitest';
import {
  createShow,
  logIn,
  myBookingsViaApi,
  newPerson,
  registerViaApi,
  screenshots,
  showCard,
  stack,
  useBrowser,
  withBrowser,
} from '../support/session.js';

describe.runIf(withBrowser)('holds that run out, and connections that drop', () => {
  const browser = useBrowser();

  async function holdSlots(showName: string, quantity: number) {
    const person = await newPerson(browser());
    await logIn(person.page, await registerViaApi('Holder'));
    await person.page.goto('/');
    await showCard(person.page, showName).getByRole('link', { name: 'Book' }).click();
    await person.page.getByLabel('Quantity').fill(String(quantity));
    await person.page.getByRole('button', { name: 'Book' }).click();
    await expect.poll(() => person.page.getByRole('timer').isVisible()).toBe(true);
    return person;
  }

  it('when nobody confirms in time, then the screen says the hold expired and offers to try again', async () => {
    const show = await createShow({ name: `Ferry ${Date.now()}`, totalSlots: 4 });
    const { page, context } = await holdSlots(show.name, 2);

    const expired = page.getByText('Hold expired', { exact: true });
    await expect.poll(() => expired.isVisible(), { timeout: (stack!.holdSeconds + 5) * 1000 }).toBe(true);
    await screenshots(page, 'hold-expired');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Book' }).isVisible()).toBe(true);
    await context.close();
  });

  it('when the confirm response is lost, then the app sends it again with its key and shows "Confirmed"', async () => {
    const show = await createShow({ name: `Screening ${Date.now()}`, totalSlots: 4 });
    const { page, context } = await holdSlots(show.name, 1);

    // The confirm reaches the server and commits, but its answer never arrives.
    const keys: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/bookings/confirm') {
        keys.push(request.headers()['idempotency-key'] ?? '');
      }
    });
    let firstStatus = 0;
    await page.route(
      '**/bookings/confirm',
      async (route) => {
        if (route.request().method() !== 'POST') return route.fallback();
        firstStatus = (await route.fetch()).status();
        await route.abort('connectionreset');
      },
      { times: 1 },
    );
    await page.getByRole('button', { name: 'Confirm booking' }).click();

    await expect.poll(() => page.getByText('Confirmed', { exact: true }).isVisible(), { timeout: 10_000 }).toBe(true);
    expect(firstStatus).toBe(200);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).not.toBe('');
    await context.close();
  });

  it('when the answer to Book is lost after the server held, then the same key goes again: one hold', async () => {
    const show = await createShow({ name: `Lost answer ${Date.now()}`, totalSlots: 4 });
    const person = await registerViaApi('Lost');
    const { page, context } = await newPerson(browser());
    await logIn(page, person);
    await page.goto('/');
    await showCard(page, show.name).getByRole('link', { name: 'Book' }).click();

    // The first hold request reaches the server and commits, but its answer never arrives.
    const keys: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/bookings') {
        keys.push(request.headers()['idempotency-key'] ?? '');
      }
    });
    let firstStatus = 0;
    await page.route(
      (url) => url.pathname === '/bookings',
      async (route) => {
        if (route.request().method() !== 'POST') return route.fallback();
        firstStatus = (await route.fetch()).status();
        await route.abort('connectionreset');
      },
      { times: 1 },
    );
    await page.getByLabel('Quantity').fill('2');
    await page.getByRole('button', { name: 'Book', exact: true }).click();

    await expect.poll(() => page.getByRole('timer').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(firstStatus).toBe(201);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).not.toBe('');
    const mine = (await myBookingsViaApi(person.token)).filter((booking) => booking.showId === show.id);
    expect(mine).toHaveLength(1);
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await expect.poll(() => page.getByText('Confirmed', { exact: true }).isVisible(), { timeout: 10_000 }).toBe(true);
    await context.close();
  });

  it('when the tab reloads in the middle of a hold, then the countdown resumes from the server’s expiry', async () => {
    const show = await createShow({ name: `Clinic ${Date.now()}`, totalSlots: 4 });
    const { page, context } = await holdSlots(show.name, 1);
    await page.waitForTimeout(2_000);
    await page.reload();

    const timer = page.getByRole('timer');
    await expect.poll(() => timer.isVisible()).toBe(true);
    const [minutes, seconds] = ((await timer.textContent()) ?? '').trim().split(':').map(Number);
    const left = minutes! * 60 + seconds!;
    expect(left).toBeLessThanOrEqual(stack!.holdSeconds - 2);
    expect(left).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await expect.poll(() => page.getByText('Confirmed', { exact: true }).isVisible()).toBe(true);
    await context.close();
  });
});
