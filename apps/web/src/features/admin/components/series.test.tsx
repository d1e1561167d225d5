import type { Series, SeriesDeletion } from '@holdfast/contracts';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { aShow, aUser, signIn } from '@/testing/factories';
import { apiUrl, recordRequests, server } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';

const asAdmin = () => {
  const admin = signIn(aUser({ role: 'admin' }));
  return http.get(apiUrl('/auth/me'), () => HttpResponse.json({ user: admin }));
};
const noShows = http.get(apiUrl('/shows'), () => HttpResponse.json([]));
const noSeries = http.get(apiUrl('/series'), () => HttpResponse.json([]));

const aSeries = (overrides: Partial<Series> = {}): Series => ({
  id: 7,
  name: 'Morning clinic',
  timeZone: 'Europe/London',
  startDate: '2031-03-03',
  endDate: '2031-03-05',
  weekdays: [1, 3],
  times: ['09:00'],
  totalSlots: 6,
  createdAt: '2031-01-01T00:00:00.000Z',
  shows: [
    aShow({ id: 71, startTime: '2031-03-03T09:00:00.000Z', timeZone: 'Europe/London', seriesId: 7 }),
    aShow({ id: 72, startTime: '2031-03-05T09:00:00.000Z', timeZone: 'Europe/London', seriesId: 7 }),
  ],
  ...overrides,
});

// Choosing among the ~400 zones of a native select is slow under jsdom.
const SLOW = { timeout: 30_000 };

describe('the show form', SLOW, () => {
  it('when a zone is chosen, then the start time is read as wall-clock time in that zone', async () => {
    let sent: { startTime: string; timeZone: string } | undefined;
    server.use(
      asAdmin(),
      noShows,
      http.post(apiUrl('/shows'), async ({ request }) => {
        sent = (await request.json()) as typeof sent;
        return HttpResponse.json(aShow({ ...sent }), { status: 201 });
      }),
      http.get(apiUrl('/shows/:id/bookings'), () => HttpResponse.json([])),
    );
    const { user } = renderApp('/admin');
    const form = await screen.findByRole('form', { name: 'New show' });
    await user.type(within(form).getByLabelText('Name'), 'Tokyo talk');
    await user.selectOptions(within(form).getByLabelText('Time zone'), 'Asia/Tokyo');
    await user.type(within(form).getByLabelText('Start time'), '2031-06-01T18:30');
    await user.type(within(form).getByLabelText('Total places'), '5');
    await user.click(within(form).getByRole('button', { name: 'Create show' }));

    expect(await screen.findByText('Created “Tokyo talk”.')).toBeInTheDocument();
    expect(sent).toMatchObject({ startTime: '2031-06-01T09:30:00.000Z', timeZone: 'Asia/Tokyo' });
  });
});

describe('the series form', SLOW, () => {
  it('when previewed, then dryRun is asked and the shows listed; Create sends the same rule', async () => {
    const bodies: Record<string, unknown>[] = [];
    server.use(
      asAdmin(),
      noShows,
      noSeries,
      http.post(apiUrl('/series'), async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        bodies.push(body);
        return body.dryRun
          ? HttpResponse.json(aSeries({ id: null, createdAt: null }), { status: 200 })
          : HttpResponse.json(aSeries(), { status: 201 });
      }),
    );
    const { user } = renderApp('/admin');
    await user.click(await screen.findByRole('button', { name: 'Series: shows from a weekly rule' }));
    const form = screen.getByRole('form', { name: 'New series' });
    await user.type(within(form).getByLabelText('Name'), 'Morning clinic');
    await user.selectOptions(within(form).getByLabelText('Time zone'), 'Europe/London');
    await user.type(within(form).getByLabelText('Places per show'), '6');
    await user.type(within(form).getByLabelText('First date'), '2031-03-03');
    await user.type(within(form).getByLabelText('Last date'), '2031-03-05');
    await user.click(within(form).getByLabelText('Mon'));
    await user.click(within(form).getByLabelText('Wed'));
    await user.type(within(form).getByLabelText('Times'), '09:00');
    expect(within(form).queryByRole('button', { name: /^Create/ })).not.toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Preview' }));

    const preview = await screen.findByRole('list', { name: "Preview of the series' shows" });
    expect(within(preview).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByText('2 shows would be created:')).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Create 2 shows' }));

    expect(await screen.findByText(/Created “Morning clinic” with 2 shows/)).toBeInTheDocument();
    const rule = {
      name: 'Morning clinic',
      timeZone: 'Europe/London',
      startDate: '2031-03-03',
      endDate: '2031-03-05',
      weekdays: [1, 3],
      times: ['09:00'],
      totalSlots: 6,
    };
    expect(bodies).toEqual([
      { ...rule, dryRun: true },
      { ...rule, dryRun: false },
    ]);
    expect(screen.getByRole('link', { name: 'View the series' })).toHaveAttribute('href', '/admin/series/7');
  });

  it('when the rule is incomplete, then each field says why and nothing is sent', async () => {
    server.use(asAdmin(), noShows, noSeries);
    const requests = recordRequests();
    const { user } = renderApp('/admin');
    await user.click(await screen.findByRole('button', { name: 'Series: shows from a weekly rule' }));
    const form = screen.getByRole('form', { name: 'New series' });
    await user.type(within(form).getByLabelText('Times'), '9am');
    await user.click(within(form).getByRole('button', { name: 'Preview' }));

    expect(within(form).getByLabelText('Name')).toHaveAccessibleDescription('Name is required');
    expect(within(form).getByLabelText('First date')).toHaveAccessibleDescription('Start date is required');
    expect(within(form).getByText('Pick at least one weekday')).toBeInTheDocument();
    expect(within(form).getByLabelText('Times')).toHaveAccessibleDescription(
      expect.stringMatching(/Give each time as HH:MM/),
    );
    expect(requests).not.toContain('POST /series');
  });
});

describe('the series page', () => {
  it('when an admin deletes with cancelled bookings, then it confirms first and reports what was kept', async () => {
    let query = '';
    const outcome: SeriesDeletion = {
      deleted: [71],
      kept: [{ showId: 72, activeBookings: 2 }],
      started: [],
      cancelledBookings: [],
      seriesDeleted: false,
    };
    server.use(
      asAdmin(),
      http.get(apiUrl('/series/7'), () =>
        HttpResponse.json(aSeries({ shows: aSeries().shows.map((show) => ({ ...show, timeZone: 'Asia/Tokyo' })) })),
      ),
      http.delete(apiUrl('/series/7'), ({ request }) => {
        query = new URL(request.url).search;
        return HttpResponse.json(outcome);
      }),
    );
    const { user } = renderApp('/admin/series/7');
    expect(await screen.findByRole('heading', { name: 'Shows (2)' })).toBeInTheDocument();
    // In the show's zone, with the viewer's own time beside it (the tests run in UTC, or anywhere but Tokyo).
    expect(screen.getAllByRole('link', { name: /GMT\+9 · .* your time/ })).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Delete future shows' }));
    const confirm = screen.getByRole('group', { name: 'Delete Morning clinic?' });
    await user.click(within(confirm).getByRole('button', { name: 'Yes, delete' }));

    expect(await screen.findByText(/Deleted 1 future show\. Kept 1 with active bookings: show 72/)).toBeInTheDocument();
    expect(query).toBe('?cancelBookings=false');
  });
});
