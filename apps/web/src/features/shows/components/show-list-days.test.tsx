import { act, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aShow } from '@/testing/factories';
import { apiUrl, server } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';

// A Thursday, 10:00 in the viewer's zone; the clock runs on by itself, and a test can jump it ahead.
const now = new Date(2030, 0, 3, 10, 0);
const at = (day: number, hour: number, minute = 0) => new Date(2030, 0, day, hour, minute).toISOString();

/** Moves the fake clock on and lets React render what the timers caused. */
const elapse = (ms: number) =>
  act(() => {
    vi.advanceTimersByTime(ms);
  });

describe('show list by day', () => {
  beforeEach(() => vi.useFakeTimers({ now, shouldAdvanceTime: true }));
  afterEach(() => vi.useRealTimers());

  it('when shows fall on several days, then each day has a heading: Today, Tomorrow, then the date', async () => {
    server.use(
      http.get(apiUrl('/shows'), () =>
        HttpResponse.json([
          aShow({ name: 'Morning clinic', startTime: at(3, 12) }),
          aShow({ name: 'Evening ferry', startTime: at(3, 19) }),
          aShow({ name: 'Night bus', startTime: at(4, 23, 30) }),
          aShow({ name: 'Screening', startTime: at(5, 9) }),
        ]),
      ),
    );
    renderApp('/');
    const today = await screen.findByRole('region', { name: 'Today' });
    expect(
      within(today)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Morning clinic', 'Evening ferry']);
    expect(within(screen.getByRole('region', { name: 'Tomorrow' })).getByRole('article')).toHaveAccessibleName(
      'Night bus',
    );
    const saturday = screen.getByRole('region', { name: /Saturday/ });
    expect(saturday).toHaveAccessibleName(expect.stringMatching(/January/));
    expect(within(saturday).getByRole('article')).toHaveAccessibleName('Screening');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Today',
      'Tomorrow',
      expect.stringMatching(/^Saturday/),
    ]);
  });

  it('when a show reaches its start, then its card turns Started without a reload and cannot be booked', async () => {
    server.use(
      http.get(apiUrl('/shows'), () =>
        HttpResponse.json([
          aShow({ name: 'Flu clinic', startTime: new Date(now.getTime() + 60_000).toISOString() }),
          aShow({ name: 'Ferry crossing', startTime: new Date(now.getTime() + 120_000).toISOString() }),
        ]),
      ),
    );
    renderApp('/');
    const clinic = await screen.findByRole('article', { name: 'Flu clinic' });
    const ferry = screen.getByRole('article', { name: 'Ferry crossing' });
    expect(within(clinic).getByRole('link', { name: 'Book' })).toBeInTheDocument();
    expect(within(clinic).queryByText('Started')).not.toBeInTheDocument();

    elapse(60_000);

    expect(within(clinic).getByText('Started')).toBeInTheDocument();
    expect(within(clinic).queryByRole('link', { name: 'Book' })).not.toBeInTheDocument();
    expect(clinic).toHaveAccessibleDescription('Booking has closed: this show has started.');
    expect(screen.getByText('Flu clinic: started, booking has closed')).toBeInTheDocument();
    expect(within(ferry).getByRole('link', { name: 'Book' })).toBeInTheDocument();

    elapse(60_000);
    expect(within(ferry).getByText('Started')).toBeInTheDocument();
    expect(screen.getByText('Ferry crossing: started, booking has closed')).toBeInTheDocument();
  });

  it('when midnight passes, then Tomorrow becomes Today without a reload', async () => {
    vi.setSystemTime(new Date(2030, 0, 3, 23, 59));
    server.use(
      http.get(apiUrl('/shows'), () => HttpResponse.json([aShow({ name: 'Early ferry', startTime: at(4, 7) })])),
    );
    renderApp('/');
    expect(await screen.findByRole('region', { name: 'Tomorrow' })).toBeInTheDocument();

    elapse(61_000);

    expect(screen.getByRole('region', { name: 'Today' })).toHaveTextContent('Early ferry');
    expect(screen.queryByRole('region', { name: 'Tomorrow' })).not.toBeInTheDocument();
  });
});
