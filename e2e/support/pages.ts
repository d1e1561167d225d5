import type { Page } from 'playwright-core';

/** Signs in through the real login form. */
export async function logIn(page: Page, credentials: { email: string; password: string }) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password').fill(credentials.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** The show's card on the list page, found by its heading. */
export const showCard = (page: Page, name: string) => page.getByRole('article', { name });
