import { describe, expect, it } from 'vitest';
import {
  createShow,
  logIn,
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

  it('when the confirm response is lost, then the app asks the server and shows the true state', async () => {
    const show = await createShow({ name: `Screening ${Date.now()}`, totalSlots: 4 });
    const { page, context } = await holdSlots(show.name, 1);

    // The confirm reaches the server and commits, but its answer never arrives.
    let responseLost!: () => void;
    const lost = new Promise<void>((resolve) => (responseLost = resolve));
    let answerLost = false;
    const askedAfterwards: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (answerLost && request.method() === 'GET' && path.startsWith('/bookings/')) askedAfterwards.push(path);
    });
    await page.route(
      '**/bookings/confirm',
      async (route) => {
        await route.fetch();
        answerLost = true;
        await route.abort('connectionreset');
        responseLost();
      },
      { times: 1 },
    );
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await lost;

    const confirmed = page.getByText('Confirmed', { exact: true });
    const checkAgain = page.getByRole('button', { name: 'Check again' });
    await expect.poll(async () => (await confirmed.isVisible()) || (await checkAgain.isVisible())).toBe(true);
    if (await checkAgain.isVisible()) await checkAgain.click();
    await expect.poll(() => confirmed.isVisible()).toBe(true);
    expect(askedAfterwards.length).toBeGreaterThan(0);
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
