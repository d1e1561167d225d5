import type { BookingEvent, OccupancyReport, ShowOccupancy } from '@holdfast/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aShow, aUser, signIn } from '@/testing/factories';
import { apiError, apiUrl, recordRequests, server } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';

const asAdmin = () => {
  const admin = signIn(aUser({ role: 'admin', name: 'Admin' }));
  return http.get(apiUrl('/auth/me'), () => HttpResponse.json({ user: admin }));
};
const anEvent = (id: number, overrides: Partial<BookingEvent>): BookingEvent => ({
  id,
  kind: 'HELD',
  occurredAt: new Date(Date.UTC(2030, 0, 1, 12, id)).toISOString(),
  showId: 1,
  bookingId: null,
  userId: null,
  quantity: null,
  actor: { kind: 'system', id: null, name: null },
  details: null,
  ...overrides,
});

/** What the page handed the browser to save: the anchor's file name and the blob's text. */
let saved: { name: string; text: Promise<string> }[];
beforeEach(() => {
  saved = [];
  let blob: Blob | undefined;
  URL.createObjectURL = vi.fn((object: Blob) => {
    blob = object;
    return 'blob:holdfast/1';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, text: blob!.text() });
  });
});
afterEach(() => vi.restoreAllMocks());

describe("a show's history and bookings CSV", () => {
  it('when the admin opens the history, then events show what, who and when, and older ones on request', async () => {
    const show = aShow({ name: 'Ferry crossing' });
    const newest = [
      anEvent(4, {
        kind: 'SHOW_EDITED',
        actor: { kind: 'admin', id: 1, name: 'Ada' },
        details: { before: { totalSlots: 10 }, after: { totalSlots: 12 } },
      }),
      anEvent(3, { kind: 'EXPIRED', bookingId: 7, quantity: 2 }),
    ];
    const oldest = [
      anEvent(2, { kind: 'HELD', bookingId: 7, quantity: 2, actor: { kind: 'user', id: 5, name: 'Grace' } }),
    ];
    server.use(
      asAdmin(),
      http.get(apiUrl('/shows/:id'), () => HttpResponse.json(show)),
      http.get(apiUrl('/shows/:id/bookings'), () => HttpResponse.json([])),
      http.get(apiUrl('/shows/:id/events'), ({ request }) => {
        const before = new URL(request.url).searchParams.get('before');
        if (before === '3') return HttpResponse.json(oldest);
        return HttpResponse.json(newest, {
          headers: { Link: `</shows/${show.id}/events?limit=2&before=3>; rel="next"` },
        });
      }),
    );
    const requests = recordRequests();
    const { user } = renderApp(`/admin/shows/${show.id}`);

    const toggle = await screen.findByRole('button', { name: 'Show history' });
    expect(requests).not.toContain(`GET /shows/${show.id}/events`);
    await user.click(toggle);

    const list = await screen.findByRole('list', { name: 'Events, newest first' });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const items = () =>
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent);
    expect(items()[0]).toMatch(/^Show edited: places 10 → 12Ada \(admin\) · /);
    expect(items()[1]).toMatch(/^Hold of 2 places expiredSystem · .* · booking #7$/);

    await user.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(items()).toHaveLength(3));
    expect(items()[2]).toMatch(/^Held 2 placesGrace · .* · booking #7$/);
  });

  it('when the admin downloads the bookings, then the CSV is fetched with the token and saved by name', async () => {
    const show = aShow();
    let authorization: string | null = null;
    server.use(
      asAdmin(),
      http.get(apiUrl('/shows/:id'), () => HttpResponse.json(show)),
      http.get(apiUrl('/shows/:id/bookings'), () => HttpResponse.json([])),
      http.get(apiUrl('/shows/:id/bookings.csv'), ({ request }) => {
        authorization = request.headers.get('authorization');
        return new HttpResponse('\uFEFFBooking,Status\r\n1,CONFIRMED\r\n', {
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': `attachment; filename="show-${show.id}-bookings-2030-01-01.csv"`,
          },
        });
      }),
    );
    const { user } = renderApp(`/admin/shows/${show.id}`);

    await user.click(await screen.findByRole('button', { name: 'Download bookings (CSV)' }));

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(authorization).toMatch(/^Bearer /);
    expect(saved[0]!.name).toBe(`show-${show.id}-bookings-2030-01-01.csv`);
    expect(await saved[0]!.text).toContain('1,CONFIRMED');
  });

  it('when the download is refused, then the admin is told why', async () => {
    const show = aShow();
    server.use(
      asAdmin(),
      http.get(apiUrl('/shows/:id'), () => HttpResponse.json(show)),
      http.get(apiUrl('/shows/:id/bookings'), () => HttpResponse.json([])),
      http.get(apiUrl('/shows/:id/bookings.csv'), () => apiError(403, 'FORBIDDEN', 'Only administrators')),
    );
    const { user } = renderApp(`/admin/shows/${show.id}`);

    await user.click(await screen.findByRole('button', { name: 'Download bookings (CSV)' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Your account is not allowed to do that.');
    expect(saved).toHaveLength(0);
  });
});

describe('the occupancy report', () => {
  const row = (overrides: Partial<ShowOccupancy>): ShowOccupancy => ({
    showId: 1,
    name: 'Ferry crossing',
    startTime: '2031-03-02T09:00:00.000Z',
    timeZone: 'UTC',
    total: 10,
    confirmed: 3,
    held: 2,
    free: 5,
    holdsExpired: 1,
    cancellations: 4,
    waiting: 2,
    ...overrides,
  });

  it('when the admin picks days, then the chart and the figures show, and the CSV downloads', async () => {
    let asked: URLSearchParams | undefined;
    server.use(
      asAdmin(),
      http.get(apiUrl('/reports/occupancy'), ({ request }) => {
        asked = new URL(request.url).searchParams;
        if (asked.get('format') === 'csv') {
          return new HttpResponse('\uFEFFShow,Name\r\n1,Ferry crossing\r\n', {
            headers: { 'Content-Disposition': 'attachment; filename="occupancy-2031-03-01-to-2031-03-08.csv"' },
          });
        }
        const report: OccupancyReport = {
          from: asked.get('from')!,
          to: asked.get('to')!,
          shows: [row({}), row({ showId: 2, name: 'Night bus', total: 4, confirmed: 4, held: 0, free: 0 })],
        };
        return HttpResponse.json(report);
      }),
    );
    const { user } = renderApp('/admin/reports');

    const first = await screen.findByLabelText('First day');
    await user.clear(first);
    await user.type(first, '2031-03-01');
    await user.clear(screen.getByLabelText('Last day'));
    await user.type(screen.getByLabelText('Last day'), '2031-03-07');
    await user.click(screen.getByRole('button', { name: 'Show report' }));

    const table = await screen.findByRole('table');
    expect(asked?.get('from')).toBe(new Date('2031-03-01T00:00').toISOString());
    expect(asked?.get('to')).toBe(new Date('2031-03-08T00:00').toISOString());
    const ferry = within(table)
      .getByRole('rowheader', { name: /Ferry crossing/ })
      .closest('tr')!;
    expect(
      within(ferry)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['10', '3', '2', '5', '1', '4', '2']);
    // The chart arrives in its own chunk, with a name for screen readers.
    expect(await screen.findByRole('img', { name: /Occupancy of 2 shows/ })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '2 shows' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Download report (CSV)' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(asked?.get('format')).toBe('csv');
    expect(saved[0]!.name).toBe('occupancy-2031-03-01-to-2031-03-08.csv');
  });

  it('when the last day comes before the first, then the form says so and asks nothing', async () => {
    server.use(asAdmin());
    const requests = recordRequests();
    const { user } = renderApp('/admin/reports');

    const first = await screen.findByLabelText('First day');
    await user.clear(first);
    await user.type(first, '2031-03-09');
    await user.clear(screen.getByLabelText('Last day'));
    await user.type(screen.getByLabelText('Last day'), '2031-03-01');
    await user.click(screen.getByRole('button', { name: 'Show report' }));

    expect(screen.getByLabelText('Last day')).toHaveAccessibleDescription('The last day cannot come before the first');
    expect(requests).not.toContain('GET /reports/occupancy');
  });

  it('when the server refuses the window, then its reason is shown', async () => {
    server.use(
      asAdmin(),
      http.get(apiUrl('/reports/occupancy'), () =>
        apiError(400, 'REPORT_TOO_LARGE', 'Over 5000 shows start in this window: choose a shorter one'),
      ),
    );
    const { user } = renderApp('/admin/reports');

    await user.click(await screen.findByRole('button', { name: 'Show report' }));

    expect(await screen.findByRole('alert')).toBeInTheDocument();
  });
});
