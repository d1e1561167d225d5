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
