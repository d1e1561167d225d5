import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { aMyBooking, aUser, signIn } from '@/testing/factories';
import { apiError, apiUrl, recordKeyedRequests, recordRequests, replayed, server } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';

const signedIn = () => {
  const user = signIn(aUser());
  return http.get(apiUrl('/auth/me'), () => HttpResponse.json({ user }));
};

describe('my bookings', () => {
  it('when a person has bookings, then each shows status and quantity, cancel only where allowed', async () => {
    const confirmed = aMyBooking({ showName: 'Ferry crossing', status: 'CONFIRMED', quantity: 2 });
    const expired = aMyBooking({ showName: 'Flu clinic', status: 'EXPIRED' });
    server.use(
      signedIn(),
      http.get(apiUrl('/bookings/my-bookings'), () => HttpResponse.json([confirmed, expired])),
    );
    renderApp('/my-bookings');

    const ferry = await screen.findByRole('article', { name: 'Ferry crossing' });
    expect(ferry).toHaveTextContent('2 places');
    expect(within(ferry).getByText('Confirmed')).toBeInTheDocument();
    expect(within(ferry).getByRole('button', { name: 'Cancel booking' })).toBeInTheDocument();
    const flu = screen.getByRole('article', { name: 'Flu clinic' });
    expect(within(flu).getByText('Expired')).toBeInTheDocument();
    expect(within(flu).queryByRole('button', { name: 'Cancel booking' })).not.toBeInTheDocument();
  });

  it('when cancelling, then it asks first, and only "Yes, cancel" sends it and shows "Cancelled"', async () => {
    let booking = aMyBooking({ showName: 'Ferry crossing', status: 'CONFIRMED' });
    server.use(
      signedIn(),
      http.get(apiUrl('/bookings/my-bookings'), () => HttpResponse.json([booking])),
      http.post(apiUrl('/bookings/:id/cancel'), () => {
        booking = { ...booking, status: 'CANCELLED', cancelledAt: new Date().toISOString() };
        return HttpResponse.json(booking);
      }),
    );
    const requests = recordRequests();
    const { user } = renderApp('/my-bookings');
    const card = await screen.findByRole('article', { name: 'Ferry crossing' });

    await user.click(within(card).getByRole('button', { name: 'Cancel booking' }));
    await user.click(within(card).getByRole('button', { name: 'Keep booking' }));
    expect(requests).not.toContain(`POST /bookings/${booking.id}/cancel`);

    await user.click(within(card).getByRole('button', { name: 'Cancel booking' }));
    await user.click(within(card).getByRole('button', { name: 'Yes, cancel' }));

    expect(await within(card).findByText('Cancelled')).toBeInTheDocument();
    expect(requests).toContain(`POST /bookings/${booking.id}/cancel`);
    expect(within(card).queryByRole('button', { name: 'Cancel booking' })).not.toBeInTheDocument();
  });

  it('when the answer to a cancellation is lost, then it is sent again with the same key, once', async () => {
    let booking = aMyBooking({ showName: 'Ferry crossing', status: 'CONFIRMED' });
    let cancels = 0;
    server.use(
      signedIn(),
      http.get(apiUrl('/bookings/my-bookings'), () => HttpResponse.json([booking])),
      http.post(apiUrl('/bookings/:id/cancel'), () => {
        booking = { ...booking, status: 'CANCELLED', cancelledAt: new Date().toISOString() };
        return ++cancels === 1 ? HttpResponse.error() : replayed(booking);
      }),
    );
    const requests = recordKeyedRequests();
    const { user } = renderApp('/my-bookings');
    const card = await screen.findByRole('article', { name: 'Ferry crossing' });

    await user.click(within(card).getByRole('button', { name: 'Cancel booking' }));
    await user.click(within(card).getByRole('button', { name: 'Yes, cancel' }));

    expect(await within(card).findByText('Cancelled')).toBeInTheDocument();
    expect(within(card).queryByRole('alert')).not.toBeInTheDocument();
    const keys = requests.filter(({ request }) => request.endsWith('/cancel')).map(({ key }) => key);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
  });

  it('when a hold is pending, then "Continue booking" links to that very hold on its show', async () => {
    const hold = aMyBooking({ showName: 'Ferry crossing', status: 'PENDING', showId: 42 });
    server.use(
      signedIn(),
      http.get(apiUrl('/bookings/my-bookings'), () => HttpResponse.json([hold])),
    );
    renderApp('/my-bookings');

    expect(await screen.findByRole('link', { name: 'Continue booking' })).toHaveAttribute(
      'href',
      `/shows/42?booking=${hold.id}`,
    );
  });

  it('when the server refuses the cancellation, then it says why in plain words', async () => {
    const booking = aMyBooking({ showName: 'Ferry crossing', status: 'CONFIRMED' });
    server.use(
      signedIn(),
      http.get(apiUrl('/bookings/my-bookings'), () => HttpResponse.json([booking])),
      http.post(apiUrl('/bookings/:id/cancel'), () => apiError(409, 'BOOKING_NOT_CANCELLABLE', 'Show started')),
    );
    const { user } = renderApp('/my-bookings');

    await user.click(await screen.findByRole('button', { name: 'Cancel booking' }));
    await user.click(screen.getByRole('button', { name: 'Yes, cancel' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('This booking can no longer be cancelled.');
  });

  it('when there are none, then it says so', async () => {
    server.use(
      signedIn(),
      http.get(apiUrl('/bookings/my-bookings'), () => HttpResponse.json([])),
    );
    renderApp('/my-bookings');
    expect(await screen.findByRole('heading', { name: 'No bookings yet' })).toBeInTheDocument();
  });

  it('when nobody is signed in, then it sends them to log in without asking for bookings', async () => {
    const requests = recordRequests();
    renderApp('/my-bookings');
    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    expect(requests).toEqual([]);
  });
});

describe('my bookings, upcoming and past', () => {
  const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

  it('when bookings are of shows to come and shows gone, then they are split, soonest and latest first', async () => {
    const later = aMyBooking({ showName: 'Harbour tour', showStartTime: hoursFromNow(48) });
    const sooner = aMyBooking({ showName: 'Ferry crossing', showStartTime: hoursFromNow(2) });
    const past = aMyBooking({ showName: 'Flu clinic', showStartTime: hoursFromNow(-3), status: 'CONFIRMED' });
    const older = aMyBooking({ showName: 'Night bus', showStartTime: hoursFromNow(-30), status: 'EXPIRED' });
    server.use(
      signedIn(),
      http.get(apiUrl('/bookings/my-bookings'), () => HttpResponse.json([older, later, past, sooner])),
    );
    renderApp('/my-bookings');

    const upcoming = await screen.findByRole('region', { name: 'Upcoming' });
    const gone = screen.getByRole('region', { name: 'Past' });
    const names = (region: HTMLElement) =>
      within(region)
        .getAllByRole('article')
        .map((a) => a.textContent);
    expect(names(upcoming)).toEqual([
      expect.stringContaining('Ferry crossing'),
      expect.stringContaining('Harbour tour'),
    ]);
    expect(names(gone)).toEqual([expect.stringContaining('Flu clinic'), expect.stringContaining('Night bus')]);
    // A past confirmed booking cannot be cancelled any more.
    expect(within(gone).queryByRole('button', { name: 'Cancel booking' })).not.toBeInTheDocument();
  });

  it('when there is nothing to come, then "Upcoming" says so', async () => {
    const past = aMyBooking({ showName: 'Flu clinic', showStartTime: hoursFromNow(-3) });
    server.use(
      signedIn(),
      http.get(apiUrl('/bookings/my-bookings'), () => HttpResponse.json([past])),
    );
    renderApp('/my-bookings');
    const upcoming = await screen.findByRole('region', { name: 'Upcoming' });
    expect(within(upcoming).getByText('Nothing coming up.')).toBeInTheDocument();
  });

  it('when a booking is confirmed, then it links to its show and to its receipt with the reference', async () => {
    const confirmed = aMyBooking({ showName: 'Ferry crossing', status: 'CONFIRMED', reference: 'K7M2P9QX' });
    const held = aMyBooking({ showName: 'Flu clinic', status: 'PENDING' });
    server.use(
      signedIn(),
      http.get(apiUrl('/bookings/my-bookings'), () => HttpResponse.json([confirmed, held])),
    );
    renderApp('/my-bookings');

    const ferry = await screen.findByRole('article', { name: 'Ferry crossing' });
    expect(within(ferry).getByRole('link', { name: 'Ferry crossing' })).toHaveAttribute(
      'href',
      `/shows/${confirmed.showId}`,
    );
    expect(within(ferry).getByRole('link', { name: 'Receipt for Ferry crossing' })).toHaveAttribute(
      'href',
      `/bookings/${confirmed.id}`,
    );
    expect(ferry).toHaveTextContent('K7M2P9QX');
    const flu = screen.getByRole('article', { name: 'Flu clinic' });
    expect(within(flu).getByRole('link', { name: 'Flu clinic' })).toBeInTheDocument();
    expect(within(flu).queryByRole('link', { name: /Receipt/ })).not.toBeInTheDocument();
  });

  it('when a booking is cancelled, then focus lands on the result in its card, not on the page', async () => {
    let booking = aMyBooking({ showName: 'Ferry crossing', status: 'CONFIRMED', reference: 'K7M2P9QX' });
    server.use(
      signedIn(),
      http.get(apiUrl('/bookings/my-bookings'), () => HttpResponse.json([booking])),
      http.post(apiUrl('/bookings/:id/cancel'), () => {
        booking = { ...booking, status: 'CANCELLED', cancelledAt: new Date().toISOString() };
        return HttpResponse.json(booking);
      }),
    );
    const { user } = renderApp('/my-bookings');
    const card = await screen.findByRole('article', { name: 'Ferry crossing' });
    await user.click(within(card).getByRole('button', { name: 'Cancel booking' }));
    await user.click(within(card).getByRole('button', { name: 'Yes, cancel' }));

    const result = await within(card).findByRole('heading', { name: /Booking cancelled/ });
    expect(document.activeElement).toBe(result);
  });
});
