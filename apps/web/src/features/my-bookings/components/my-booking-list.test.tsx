import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aMyBooking, aUser, signIn } from '@/testing/factories';
import { apiError, fakeApi, json } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

const me = () => {
  const user = signIn(aUser());
  return { 'GET /auth/me': () => json(200, { user }) };
};

describe('my bookings', () => {
  it('when a person has bookings, then each shows its status and quantity, with cancel only where allowed', async () => {
    const confirmed = aMyBooking({ showName: 'Ferry crossing', status: 'CONFIRMED', quantity: 2 });
    const expired = aMyBooking({ showName: 'Flu clinic', status: 'EXPIRED' });
    fakeApi({ ...me(), 'GET /bookings/my-bookings': () => json(200, [confirmed, expired]) });
    renderApp('/my-bookings');

    const ferry = await screen.findByRole('article', { name: 'Ferry crossing' });
    expect(ferry).toHaveTextContent('2 places');
    expect(within(ferry).getByText('Confirmed')).toBeInTheDocument();
    expect(within(ferry).getByRole('button', { name: 'Cancel booking' })).toBeInTheDocument();
    const flu = screen.getByRole('article', { name: 'Flu clinic' });
    expect(within(flu).getByText('Expired')).toBeInTheDocument();
    expect(within(flu).queryByRole('button', { name: 'Cancel booking' })).not.toBeInTheDocument();
  });

  it('when cancelling, then it asks first, and only "Yes, cancel" sends the cancellation', async () => {
    let booking = aMyBooking({ showName: 'Ferry crossing', status: 'CONFIRMED' });
    const calls = fakeApi({
      ...me(),
      'GET /bookings/my-bookings': () => json(200, [booking]),
      'POST /bookings/:id/cancel': () => {
        booking = { ...booking, status: 'CANCELLED', cancelledAt: new Date().toISOString() };
        return json(200, booking);
      },
    });
    const { user } = renderApp('/my-bookings');
    const card = await screen.findByRole('article', { name: 'Ferry crossing' });

    await user.click(within(card).getByRole('button', { name: 'Cancel booking' }));
    await user.click(within(card).getByRole('button', { name: 'Keep booking' }));
    expect(calls).not.toContain(`POST /bookings/${booking.id}/cancel`);

    await user.click(within(card).getByRole('button', { name: 'Cancel booking' }));
    await user.click(within(card).getByRole('button', { name: 'Yes, cancel' }));

    expect(await within(card).findByText('Cancelled')).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Cancel booking' })).not.toBeInTheDocument();
  });

  it('when the server refuses the cancellation, then it says why in plain words', async () => {
    const booking = aMyBooking({ showName: 'Ferry crossing', status: 'CONFIRMED' });
    fakeApi({
      ...me(),
      'GET /bookings/my-bookings': () => json(200, [booking]),
      'POST /bookings/:id/cancel': () => apiError(409, 'BOOKING_NOT_CANCELLABLE', 'Show started'),
    });
    const { user } = renderApp('/my-bookings');

    await user.click(await screen.findByRole('button', { name: 'Cancel booking' }));
    await user.click(screen.getByRole('button', { name: 'Yes, cancel' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('This booking can no longer be cancelled.');
  });

  it('when there are none, then it says so', async () => {
    fakeApi({ ...me(), 'GET /bookings/my-bookings': () => json(200, []) });
    renderApp('/my-bookings');
    expect(await screen.findByRole('heading', { name: 'No bookings yet' })).toBeInTheDocument();
  });

  it('when nobody is signed in, then it asks to log in', async () => {
    fakeApi({});
    renderApp('/my-bookings');
    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
  });
});
