import { describe, expect, it } from 'vitest';
import {
  createShow,
  logIn,
  newPerson,
  registerViaApi,
  screenshots,
  showCard,
  useBrowser,
  withBrowser,
} from '../support/session.js';

describe.runIf(withBrowser)('everyone watching sees availability change live', () => {
  const browser = useBrowser();

  it('when one person books, then another person’s open list shows the count drop without a reload', async () => {
    const show = await createShow({ name: `Night bus ${Date.now()}`, totalSlots: 9 });
    const watcher = await newPerson(browser(), 'phone');
    const booker = await newPerson(browser());

    await watcher.page.goto('/');
    const card = showCard(watcher.page, show.name);
    await expect.poll(() => card.textContent()).toMatch(/9\s*of 9 places left/);
    await expect.poll(() => watcher.page.getByText('Live updates on').isVisible()).toBe(true);
    let reloaded = false;
    watcher.page.on('load', () => (reloaded = true));

    await logIn(booker.page, await registerViaApi('Booker'));
    await booker.page.goto('/');
    await showCard(booker.page, show.name).getByRole('link', { name: 'Book' }).click();
    await booker.page.getByLabel('Quantity').fill('3');
    await booker.page.getByRole('button', { name: 'Book' }).click();
    await expect.poll(() => booker.page.getByRole('timer').isVisible()).toBe(true);

    await expect.poll(() => card.textContent(), { timeout: 5_000 }).toMatch(/6\s*of 9 places left/);
    expect(reloaded).toBe(false);
    await screenshots(watcher.page, 'shows-live-update');
    await Promise.all([watcher.context.close(), booker.context.close()]);
  });
});
