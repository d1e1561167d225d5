/**
 * Screenshots of the patients' and admins' screens, at desktop (1280x800) and phone (375x812) width, for the
 * README and issue notes: the built product on a fresh embedded PostgreSQL, seeded through its HTTP API.
 * Usage: pnpm screenshots (builds first). Writes docs/screenshots/<screen>-<desktop|phone>.jpg.
 */
import type { Browser, Page } from 'playwright-core';
import { findChromium, launchChromium, MISSING_BROWSER_MESSAGE } from '../support/browser.js';
import { startStack } from '../support/stack.js';
import { onBoth, openPair, shoot } from './screenshots/camera.js';
import { seed, type Seeded } from './screenshots/seed.js';

/** Long enough that a hold made for a screen is still live when it is shot; one is left to lapse on purpose. */
const HOLD_SECONDS = 60;
const visible = { state: 'visible', timeout: 30_000 } as const;

async function patientScreens(browser: Browser, webUrl: string, data: Seeded) {
  const patient = await openPair(browser, webUrl, data.patient);
  await onBoth(patient, async (page) => {
    await page.goto('/');
    await page.getByRole('article', { name: data.shows.ferry.name }).waitFor(visible);
  });
  // Today to the show in Tokyo: every kind of card, and a day heading or two; the rest is more of the series.
  await shoot(patient, 'shows', { upTo: (page) => page.getByRole('article', { name: data.shows.kyoto.name }) });

  await onBoth(patient, async (page) => {
    await page.goto(`/shows/${data.shows.screening.id}`);
    await page.getByRole('button', { name: 'Join the waitlist' }).waitFor(visible);
  });
  await shoot(patient, 'show-sold-out');
  await patient.desktop.getByLabel('Places wanted').fill('2');
  await patient.desktop.getByRole('button', { name: 'Join the waitlist' }).click();
  await onBoth(patient, async (page) => {
    if (page === patient.phone) await page.reload();
    await page.getByText(/You are number 2 in line/).waitFor(visible);
  });
  await shoot(patient, 'show-waitlist-joined');

  await waitlistOffer(browser, webUrl, data);

  await data.holdForPatient();
  await data.untilStarted(data.shows.physio);
  await onBoth(patient, async (page) => {
    await page.goto('/my-bookings');
    await page.getByText(data.shows.physio.name).first().waitFor(visible);
    await page.getByText(data.shows.screening.name).first().waitFor(visible);
  });
  await shoot(patient, 'my-bookings');

  await onBoth(patient, async (page) => {
    await page.goto(`/bookings/${data.receiptId}`);
    await page.getByRole('heading', { name: 'Booking receipt' }).waitFor(visible);
  });
  await shoot(patient, 'receipt');
  await patient.close();
}

/** The second person in line has the list open when a place frees up: the offer arrives live. */
async function waitlistOffer(browser: Browser, webUrl: string, data: Seeded) {
  const waiter = await openPair(browser, webUrl, data.waiter);
  await onBoth(waiter, async (page) => {
    await page.goto('/');
    await page.getByRole('article', { name: data.shows.screening.name }).waitFor(visible);
  });
  await data.freeScreeningPlace();
  await onBoth(waiter, (page) => page.getByRole('region', { name: 'Places freed up for you' }).waitFor(visible));
  await shoot(waiter, 'waitlist-offer', { fullPage: false });
  await waiter.close();
}

async function fillSeriesForm(page: Page) {
  await page.goto('/admin');
  await page.getByRole('button', { name: 'Series: shows from a weekly rule' }).click();
  const form = page.getByRole('form', { name: 'New series' });
  await form.getByLabel('Name').fill('Evening physiotherapy class');
  await form.getByLabel('Time zone').selectOption('Europe/London');
  await form.getByLabel('Places per show').fill('10');
  const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel('First date').fill(day(7));
  await form.getByLabel('Last date').fill(day(20));
  for (const weekday of ['Tue', 'Thu']) await form.getByLabel(weekday).check();
  await form.getByLabel('Times').fill('18:00, 19:30');
  await form.getByRole('button', { name: 'Preview' }).click();
  await page.getByRole('list', { name: "Preview of the series' shows" }).waitFor(visible);
}

async function adminScreens(browser: Browser, webUrl: string, data: Seeded) {
  const admin = await openPair(browser, webUrl, data.admin);
  await onBoth(admin, fillSeriesForm);
  await shoot(admin, 'admin-series-form', {
    upTo: (page) => page.getByRole('list', { name: "Preview of the series' shows" }),
  });

  await onBoth(admin, async (page) => {
    await page.goto(`/admin/series/${data.seriesId}`);
    await page.getByRole('heading', { name: /^Shows \(\d+\)$/ }).waitFor(visible);
  });
  await shoot(admin, 'admin-series');

  await data.untilHoldLapsed();
  await data.holdOnFerry();
  await onBoth(admin, async (page) => {
    await page.goto(`/admin/shows/${data.shows.ferry.id}`);
    await page.getByRole('button', { name: 'Show history' }).click();
    await page.getByRole('list', { name: 'Events, newest first' }).waitFor(visible);
  });
  await shoot(admin, 'admin-show');

  await onBoth(admin, async (page) => {
    await page.goto('/admin/reports');
    await page.getByRole('button', { name: 'Show report' }).click();
    await page.getByRole('img', { name: /Occupancy of \d+ show/ }).waitFor(visible);
  });
  await shoot(admin, 'admin-report');
  await admin.close();
}

async function main() {
  const chromePath = findChromium();
  if (!chromePath) {
    console.warn(MISSING_BROWSER_MESSAGE);
    process.exit(1);
  }
  const stack = await startStack({ holdSeconds: HOLD_SECONDS, sweepCron: '* * * * * *' });
  let browser: Browser | undefined;
  try {
    const data = await seed(stack.apiUrl, stack.admin, HOLD_SECONDS);
    browser = await launchChromium(chromePath);
    console.log('Screenshots:');
    await patientScreens(browser, stack.webUrl, data);
    await adminScreens(browser, stack.webUrl, data);
  } finally {
    await browser?.close();
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
