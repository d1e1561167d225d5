import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { logIn } from '../../support/pages.js';
import { repoRoot } from '../../support/stack.js';

export const SCREENSHOT_DIR = join(repoRoot, 'docs', 'screenshots');

/** The two widths the closing note shows; the phone at 2x, as a phone draws it. */
const DEVICES = {
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, isMobile: false },
  phone: { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true },
} as const;
type Device = keyof typeof DEVICES;

/** One viewer's pages, one per device, open side by side so a live update reaches both. */
export type Pair = Record<Device, Page>;
type Session = Awaited<ReturnType<BrowserContext['storageState']>>;

/**
 * Everyone is in London, in British English: a show elsewhere shows its own time and the viewer's. The date on
 * screen is the machine's: the harness has no fixed clock.
 */
const contextOptions = (webUrl: string, device: Device, storageState?: Session) => ({
  ...DEVICES[device],
  hasTouch: DEVICES[device].isMobile,
  baseURL: webUrl,
  locale: 'en-GB',
  timezoneId: 'Europe/London',
  reducedMotion: 'reduce' as const,
  storageState,
});

/** Signs in once through the login form, then opens the person's desktop and phone pages with that session. */
export async function openPair(
  browser: Browser,
  webUrl: string,
  credentials?: { email: string; password: string },
): Promise<Pair & { close(): Promise<void> }> {
  let session: Session | undefined;
  if (credentials) {
    const context = await browser.newContext(contextOptions(webUrl, 'desktop'));
    await logIn(await context.newPage(), credentials);
    session = await context.storageState();
    await context.close();
  }
  const contexts = await Promise.all(
    (['desktop', 'phone'] as const).map((device) => browser.newContext(contextOptions(webUrl, device, session))),
  );
  const [desktop, phone] = await Promise.all(contexts.map((context) => context.newPage()));
  for (const page of [desktop!, phone!])
    page.on('pageerror', (error) => console.error(`[page error] ${page.url()}: ${error.message}`));
  return {
    desktop: desktop!,
    phone: phone!,
    close: async () => void (await Promise.all(contexts.map((context) => context.close()))),
  };
}

/** Runs a step on both pages at once. */
export const onBoth = (pair: Pair, step: (page: Page) => Promise<unknown>) =>
  Promise.all([step(pair.desktop), step(pair.phone)]);

/** Nothing loading, fonts in, no skeleton or busy region left: what a person would see once the page is still. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForFunction(
    () => !document.querySelector('[aria-busy="true"], [role="status"][aria-label^="Loading"], .animate-pulse'),
    undefined,
    { timeout: 15_000 },
  );
  // From the top: a full-page shot of a scrolled page draws the sticky header where the scroll left it.
  await page.evaluate(() => window.scrollTo(0, 0));
  // Two frames, so the last layout has been painted.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** From the top of the page down to the bottom of `element` (and a margin): a long page's telling part. */
async function clipTo(page: Page, element: Locator) {
  const box = await element.boundingBox();
  if (!box) throw new Error(`${page.url()}: nothing to clip the screenshot to`);
  return { x: 0, y: 0, width: page.viewportSize()!.width, height: Math.ceil(box.y + box.height + 24) };
}

/**
 * docs/screenshots/<screen>-<desktop|phone>.jpg: the whole page, or its top down to `upTo`, or only the viewport.
 * JPEG at quality 80: the background's gradient makes PNGs of these pages ten times larger.
 */
export async function shoot(
  pair: Pair,
  screen: string,
  options: { fullPage?: boolean; upTo?: (page: Page) => Locator } = {},
) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await onBoth(pair, settle);
  for (const device of ['desktop', 'phone'] as const) {
    const page = pair[device];
    const path = join(SCREENSHOT_DIR, `${screen}-${device}.jpg`);
    const clip = options.upTo ? await clipTo(page, options.upTo(page)) : undefined;
    await page.screenshot({ path, fullPage: options.fullPage ?? true, clip, type: 'jpeg', quality: 80 });
    console.log(`  ${relative(repoRoot, path)}`);
  }
}
