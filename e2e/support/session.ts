import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium } from './browser.js';
import { apiClient, type ApiCall } from './http.js';
import { repoRoot } from './stack.js';

export { logIn, showCard } from './pages.js';

export const stack = inject('stack');
export const chromiumPath = inject('chromiumPath');
/** Browser tests skip (loudly, see global setup) only where no Chromium exists and CI is not set. */
export const withBrowser = Boolean(stack && chromiumPath);

export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 375, height: 740 },
} as const;

const screenshotDir = join(repoRoot, '.artifacts', 'screenshots');

/** One Chromium for the test file: launched before its tests, closed after. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium(chromiumPath!);
  });
  afterAll(() => browser?.close());
  return () => browser!;
}

/** A fresh, isolated browser profile (own storage), as a separate person would have. */
export async function newPerson(
  browser: Browser,
  viewport: keyof typeof VIEWPORTS = 'desktop',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: VIEWPORTS[viewport],
    baseURL: stack!.webUrl,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  return { context, page };
}

/** Saves a screenshot of the page at desktop and phone width under .artifacts/screenshots/. */
export async function screenshots(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  const original = page.viewportSize();
  for (const [label, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    await page.waitForTimeout(100);
    await page.screenshot({ path: join(screenshotDir, `${name}-${label}.png`), fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}

let counter = 0;
export const uniqueEmail = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${counter++}@e2e.test`;

/** The API of the stack the global setup started. */
const api: ApiCall = <T>(...args: Parameters<ApiCall>) => apiClient(stack!.apiUrl)<T>(...args);

export const adminToken = async () =>
  (await api<{ token: string }>('/auth/login', { method: 'POST', body: stack!.admin })).token;

/** A show made through the API (arrange step); the UI under test then shows it. */
export async function createShow(input: { name: string; totalSlots: number; startsInHours?: number }) {
  return api<{ id: number; name: string }>('/shows', {
    method: 'POST',
    token: await adminToken(),
    body: {
      name: input.name,
      totalSlots: input.totalSlots,
      startTime: new Date(Date.now() + (input.startsInHours ?? 48) * 3_600_000).toISOString(),
    },
  });
}

export async function registerViaApi(name: string) {
  const email = uniqueEmail(name.toLowerCase().replace(/\W+/g, '-'));
  const result = await api<{ token: string }>('/auth/register', {
    method: 'POST',
    body: { name, email, password: 'e2e-password-1' },
  });
  return { email, password: 'e2e-password-1', token: result.token };
}

export async function bookViaApi(token: string, showId: number, quantity: number) {
  return api<{ id: number }>('/bookings', { method: 'POST', token, body: { showId, quantity } });
}

export async function myBookingsViaApi(token: string) {
  return api<{ id: number; showId: number; status: string }[]>('/bookings/my-bookings', { token });
}

export async function confirmViaApi(token: string, bookingId: number) {
  return api<{ id: number; reference: string }>('/bookings/confirm', { method: 'POST', token, body: { bookingId } });
}
