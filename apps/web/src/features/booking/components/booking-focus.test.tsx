import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { aBooking, aShow } from '@/testing/factories';
import { apiUrl, server, signedInOnShowPage } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';

const show = aShow({ name: 'Ferry crossing', totalSlots: 6, availableSlots: 4 });

beforeEach(() => signedInOnShowPage(show));

// The button pressed is gone once its step is over: focus must land on what happened, never on <body>.
describe('focus after each booking action', () => {
  it('when a person books and confirms, then focus lands on the hold, then on "Confirmed"', async () => {
    const hold = aBooking({ showId: show.id, quantity: 2 });
    server.use(
      http.post(apiUrl('/bookings'), () => HttpResponse.json(hold, { status: 201 })),
      http.post(apiUrl('/bookings/confirm'), () =>
        HttpResponse.json({
          ...hold,
          status: 'CONFIRMED',
          confirmedAt: new Date().toISOString(),
          reference: 'K7M2P9QX',
        }),
      ),
    );
    const { user } = renderApp(`/shows/${show.id}`);

    await user.click(await screen.findByRole('button', { name: 'Book' }));
    const held = await screen.findByRole('heading', { name: 'Places held' });
    expect(document.activeElement).toBe(held);

    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    const confirmed = await screen.findByRole('heading', { name: 'Confirmed' });
    expect(document.activeElement).toBe(confirmed);
    expect(screen.getByText('K7M2P9QX')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See your receipt' })).toHaveAttribute('href', `/bookings/${hold.id}`);
  });

  it('when a person releases the hold, then focus lands on "Places released"', async () => {
    const hold = aBooking({ showId: show.id });
    server.use(
      http.post(apiUrl('/bookings'), () => HttpResponse.json(hold, { status: 201 })),
      http.post(apiUrl('/bookings/:id/cancel'), () =>
        HttpResponse.json({ ...hold, status: 'CANCELLED', cancelledAt: new Date().toISOString() }),
      ),
    );
    const { user } = renderApp(`/shows/${show.id}`);

    await user.click(await screen.findByRole('button', { name: 'Book' }));
    await user.click(await screen.findByRole('button', { name: 'Release places' }));
    const released = await screen.findByRole('heading', { name: 'Places released' });
    expect(document.activeElement).toBe(released);
    expect(screen.getByRole('button', { name: 'Book' })).toBeInTheDocument();
  });
});
