import { describe, expect, it } from 'vitest';
import { logIn, newPerson, screenshots, stack, useBrowser, withBrowser } from '../support/session.js';

const dateIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe.runIf(withBrowser)('admins create series of shows', () => {
  const browser = useBrowser();

  it('when an admin previews and creates a series, then its shows show in their zone and the viewer’s', async () => {
    const name = `Tokyo clinic ${Date.now()}`;
    const admin = await newPerson(browser());
    await logIn(admin.page, stack!.admin);
    await admin.page.goto('/admin');
    await admin.page.getByRole('button', { name: 'Series: shows from a weekly rule' }).click();
    const form = admin.page.getByRole('form', { name: 'New series' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Time zone').selectOption('Asia/Tokyo');
    await form.getByLabel('Places per show').fill('8');
    await form.getByLabel('First date').fill(dateIn(10));
    await form.getByLabel('Last date').fill(dateIn(23));
    for (const day of ['Mon', 'Thu']) await form.getByLabel(day).check();
    await form.getByLabel('Times').fill('09:00, 18:30');
    await form.getByRole('button', { name: 'Preview' }).click();

    const preview = admin.page.getByRole('list', { name: "Preview of the series' shows" });
    await expect.poll(() => preview.getByRole('listitem').count()).toBe(8);
    expect(await preview.textContent()).toMatch(/09:00.*GMT\+9/);
    await screenshots(admin.page, 'series-preview');
    await form.getByRole('button', { name: 'Create 8 shows' }).click();
    await expect.poll(() => admin.page.getByText(`Created “${name}” with 8 shows.`).isVisible()).toBe(true);

    await admin.page.getByRole('link', { name: 'View the series' }).click();
    await expect.poll(() => admin.page.getByRole('heading', { name: 'Shows (8)' }).isVisible()).toBe(true);
    expect(await admin.page.getByRole('link', { name: /GMT\+9/ }).count()).toBe(8);
    await screenshots(admin.page, 'series-view');

    await admin.page.getByRole('button', { name: 'Delete future shows' }).click();
    await admin.page.getByRole('button', { name: 'Yes, delete' }).click();
    await expect.poll(() => admin.page.getByText('Deleted 8 future shows.').isVisible()).toBe(true);
    await admin.context.close();
  });
});
