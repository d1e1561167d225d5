import { parse } from 'csv-parse/sync';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  bookViaApi,
  createShow,
  logIn,
  newPerson,
  registerViaApi,
  screenshots,
  stack,
  useBrowser,
  withBrowser,
} from '../support/session.js';

describe.runIf(withBrowser)('admins read the audit trail and download CSV', () => {
  const browser = useBrowser();

  it('when an admin downloads a show’s bookings, then the file holds every booking, escaped', async () => {
    const show = await createShow({ name: `Flu clinic ${Date.now()}`, totalSlots: 10 });
    const sneaky = await registerViaApi('=cmd|calc');
    const plain = await registerViaApi('Zoë, "Jo"');
    const held = await bookViaApi(sneaky.token, show.id, 2);
    const other = await bookViaApi(plain.token, show.id, 1);
    // Confirmed, so that the stack's short holds cannot lapse before the download.
    for (const [who, booking] of [
      [sneaky, held],
      [plain, other],
    ] as const) {
      const confirmed = await fetch(`${stack!.apiUrl}/bookings/confirm`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${who.token}` },
        body: JSON.stringify({ bookingId: booking.id }),
      });
      expect(confirmed.status).toBe(200);
    }

    const admin = await newPerson(browser());
    await logIn(admin.page, stack!.admin);
    await admin.page.goto(`/admin/shows/${show.id}`);
    await admin.page.getByRole('button', { name: 'Show history' }).click();
    await expect.poll(() => admin.page.getByText('Held 2 places').isVisible()).toBe(true);

    const [download] = await Promise.all([
      admin.page.waitForEvent('download'),
      admin.page.getByRole('button', { name: 'Download bookings (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^show-${show.id}-bookings-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const text = await readFile((await download.path())!, 'utf8');
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [Number(row.Booking), row.Status, row.Places, row.Name, row.Email])).toEqual([
      // Its e-mail starts with "-" (made from the name): neutralized like any cell.
      [held.id, 'CONFIRMED', '2', "'=cmd|calc", `'${sneaky.email}`],
      [other.id, 'CONFIRMED', '1', 'Zoë, "Jo"', plain.email],
    ]);
    await screenshots(admin.page, 'admin-show-history');

    await admin.page.goto('/admin/reports');
    await admin.page.getByRole('button', { name: 'Show report' }).click();
    await expect.poll(() => admin.page.getByRole('img', { name: /Occupancy of \d+ show/ }).isVisible()).toBe(true);
    await screenshots(admin.page, 'admin-occupancy-report');
    await admin.context.close();
  });
});
