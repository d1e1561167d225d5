import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aBooking, aShow, aUser, signIn } from '@/testing/factories';
import { apiError, apiUrl, server } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';

const show = aShow({ name: 'Flu clinic', location: 'Room 4, 1 High Street' });
const booking = aBooking({
  showId: show.id,
  quantity: 2,
  status: 'CONFIRMED',
  confirmedAt: new Date().toISOString(),
  reference: 'K7M2P9QX',
});

beforeEach(() => {
  const user = signIn(aUser());
  server.use(
    http.get(apiUrl('/auth/me'), () => HttpResponse.json({ user })),
    http.get(apiUrl(`/shows/${show.id}`), () => HttpResponse.json(show)),
    http.get(apiUrl(`/bookings/${booking.id}`), () => HttpResponse.json(booking)),
  );
});

describe('booking receipt', () => {
  it('when the booking is confirmed, then it shows the reference, what, when, where and status', async () => {
    renderApp(`/bookings/${booking.id}`);

    expect(await screen.findByLabelText('Reference')).toHaveTextContent('K7M2P9QX');
    expect(screen.getByRole('heading', { level: 1, name: 'Booking receipt' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Flu clinic' })).toHaveAttribute('href', `/shows/${show.id}`);
    expect(screen.getByText(/2 places/)).toBeInTheDocument();
    expect(screen.getByText('Room 4, 1 High Street')).toBeInTheDocument();
    expect(screen.getByText('Confirmed')).toBeInTheDocument();
    expect(document.querySelector('time')).toHaveAttribute('dateTime', show.startTime);
  });

  it('when "Copy reference" is pressed, then the reference is on the clipboard and it says so', async () => {
    const { user } = renderApp(`/bookings/${booking.id}`);
    await user.click(await screen.findByRole('button', { name: 'Copy reference' }));
    expect(await navigator.clipboard.readText()).toBe('K7M2P9QX');
    expect(screen.getByText('Copied')).toBeInTheDocument();
  });

  describe('add to calendar', () => {
    let saved: { name: string; href: string }[];
    beforeEach(() => {
      saved = [];
      // jsdom has no object URLs nor downloads: these stand in for the browser's, and record what was saved.
      Object.assign(URL, { createObjectURL: () => 'blob:calendar', revokeObjectURL: () => {} });
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        saved.push({ name: this.download, href: this.href });
      });
    });
    afterEach(() => vi.restoreAllMocks());

    it('when pressed, then the file is fetched with the token and saved as holdfast-<reference>.ics', async () => {
      let authorization: string | null = null;
      server.use(
        http.get(apiUrl(`/bookings/${booking.id}/calendar.ics`), ({ request }) => {
          authorization = request.headers.get('authorization');
          return new HttpResponse('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', {
            headers: { 'content-type': 'text/calendar' },
          });
        }),
      );
      const { user } = renderApp(`/bookings/${booking.id}`);
      await user.click(await screen.findByRole('button', { name: 'Add to calendar' }));

      await vi.waitFor(() => expect(saved).toEqual([{ name: 'holdfast-K7M2P9QX.ics', href: 'blob:calendar' }]));
      expect(authorization).toBe('Bearer test-token');
    });

    it('when the server refuses, then it says why and saves nothing', async () => {
      server.use(
        http.get(apiUrl(`/bookings/${booking.id}/calendar.ics`), () =>
          apiError(404, 'BOOKING_NOT_FOUND', 'Booking not found'),
        ),
      );
      const { user } = renderApp(`/bookings/${booking.id}`);
      await user.click(await screen.findByRole('button', { name: 'Add to calendar' }));
      expect(await screen.findByRole('alert')).toBeInTheDocument();
      expect(saved).toEqual([]);
    });
  });

  it('when the booking is not confirmed, then there is no reference and no calendar', async () => {
    const held = aBooking({ showId: show.id });
    server.use(http.get(apiUrl(`/bookings/${held.id}`), () => HttpResponse.json(held)));
    renderApp(`/bookings/${held.id}`);
    expect(await screen.findByText(/only a confirmed booking gets one/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add to calendar' })).not.toBeInTheDocument();
  });

  it('when the booking is not the person\u2019s or does not exist, then "Booking not found"', async () => {
    server.use(http.get(apiUrl('/bookings/999'), () => apiError(404, 'BOOKING_NOT_FOUND', 'Booking not found')));
    renderApp('/bookings/999');
    expect(await screen.findByText('Booking not found')).toBeInTheDocument();
  });
});
