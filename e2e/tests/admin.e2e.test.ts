import { describe, expect, it } from 'vitest';
import {
  logIn,
  newPerson,
  registerViaApi,
  screenshots,
  showCard,
  stack,
  useBrowser,
  withBrowser,
} from '../support/session.js';

describe.runIf(withBrowser)('admins run their shows', () => {
  const browser = useBrowser();

  it('when an admin creates a show, then a user’s open page shows it appear', async () => {
    const name = `Vaccination day ${Date.now()}`;
    const user = await newPerson(browser(), 'phone');
    await logIn(user.page, await registerViaApi('Watcher'));
    await user.page.goto('/');
    await expect.poll(() => user.page.getByText('Live updates on').isVisible()).toBe(true);
    let reloaded = false;
    user.page.on('load', () => (reloaded = true));

    const admin = await newPerson(browser());
    await logIn(admin.page, stack!.admin);
    await admin.page.getByRole('link', { name: 'Admin' }).click();
    await admin.page.getByLabel('Name').fill(name);
    const start = new Date(Date.now() + 3 * 86_400_000);
    const local = new Date(start.getTime() - start.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await admin.page.getByLabel('Start time').fill(local);
    await admin.page.getByLabel('Total places').fill('25');
    await admin.page.getByRole('button', { name: 'Create show' }).click();
    await expect.poll(() => admin.page.getByText(`Created “${name}”.`).isVisible()).toBe(true);
    await screenshots(admin.page, 'admin-dashboard');

    await expect.poll(() => showCard(user.page, name).isVisible(), { timeout: 5_000 }).toBe(true);
    expect(await showCard(user.page, name).textContent()).toMatch(/25\s*of 25 places left/);
    expect(reloaded).toBe(false);
    await Promise.all([user.context.close(), admin.context.close()]);
  });

  it('when the admin form gets bad input, then the messages stand next to the fields', async () => {
    const admin = await newPerson(browser());
    await logIn(admin.page, stack!.admin);
    await admin.page.goto('/admin');
    await admin.page.getByLabel('Total places').fill('0');
    await admin.page.getByRole('button', { name: 'Create show' }).click();
    await expect.poll(() => admin.page.getByText('Name is required').isVisible()).toBe(true);
    await expect.poll(() => admin.page.getByText('A show needs at least 1 place').isVisible()).toBe(true);

    // Each message is the description of its own field, so it is read out with that field.
    const description = async (label: string) => {
      const ids = (await admin.page.getByLabel(label).getAttribute('aria-describedby')) ?? '';
      const describedBy = ids.split(' ').filter(Boolean);
      const parts = await Promise.all(describedBy.map((id) => admin.page.locator(`[id="${id}"]`).textContent()));
      return parts.join(' ');
    };
    expect(await description('Name')).toContain('Name is required');
    expect(await description('Total places')).toContain('A show needs at least 1 place');
    await admin.context.close();
  });

  it('when a non-admin types the admin URL, then a friendly 403 page shows and no admin link exists', async () => {
    const user = await newPerson(browser());
    await logIn(user.page, await registerViaApi('Curious'));
    expect(await user.page.getByRole('link', { name: 'Admin' }).count()).toBe(0);
    await user.page.goto('/admin');
    await expect
      .poll(() => user.page.getByRole('heading', { name: 'This page is for administrators' }).isVisible())
      .toBe(true);
    await screenshots(user.page, 'forbidden');
    await user.context.close();
  });
});
