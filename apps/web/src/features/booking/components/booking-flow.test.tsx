import { idempotencyKeySchema } from '@holdfast/contracts';
import { fireEvent, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { aBooking, aShow, inSeconds } from '@/testing/factories';
import { apiError, apiUrl, recordKeyedRequests, recordRequests, server, signedInOnShowPage } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';

const show = aShow({ name: 'Ferry crossing', totalSlots: 6, availableSlots: 4 });

// The page first asks whether the person already holds places on this show: here, none.
beforeEach(() => signedInOnShowPage(show));

describe('booking a show', () => {
  it('when a person books and confirms, then both are sent, a countdown and then "Confirmed" show', async () => {
    const hold = aBooking({ showId: show.id, quantity: 2 });
    const bodies: unknown[] = [];
    server.use(
      http.post(apiUrl('/bookings'), async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json(hold, { status: 201 });
      }),
      http.post(apiUrl('/bookings/confirm'), async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({ ...hold, status: 'CONFIRMED' });
      }),
    );
    const { user } = renderApp(`/shows/${show.id}`);

    const quantity = await screen.findByLabelText('Quantity');
    await user.clear(quantity);
    await user.type(quantity, '2');
    await user.click(screen.getByRole('button', { name: 'Book' }));

    expect(await screen.findByRole('timer', { name: 'Time left to confirm' })).toHaveTextContent(/^(2:00|1:59)$/);
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));

    expect(await screen.findByText('Confirmed')).toBeInTheDocument();
    expect(bodies).toEqual([{ showId: show.id, quantity: 2 }, { bookingId: hold.id }]);
    expect(sessionStorage.getItem('holdfast.inFlightBooking')).toBeNull();
  });

  it('when a person books, releases and books again, then each attempt carries a key of its own', async () => {
    const holds = [aBooking({ showId: show.id }), aBooking({ showId: show.id })];
    server.use(
      http.post(apiUrl('/bookings'), () => HttpResponse.json(holds.shift(), { status: 201 })),
      http.post(apiUrl('/bookings/:id/cancel'), ({ params }) =>
        HttpResponse.json(aBooking({ id: Number(params.id), showId: show.id, status: 'CANCELLED' })),
      ),
      http.post(apiUrl('/bookings/confirm'), async ({ request }) => {
        const { bookingId } = (await request.json()) as { bookingId: number };
        return HttpResponse.json(aBooking({ id: bookingId, showId: show.id, status: 'CONFIRMED' }));
      }),
    );
    const requests = recordKeyedRequests();
    const { user } = renderApp(`/shows/${show.id}`);

    await user.click(await screen.findByRole('button', { name: 'Book' }));
    await user.click(await screen.findByRole('button', { name: 'Release places' }));
    await user.click(await screen.findByRole('button', { name: 'Book' }));
    await user.click(await screen.findByRole('button', { name: 'Confirm booking' }));
    expect(await screen.findByText('Confirmed')).toBeInTheDocument();

    const sent = requests.filter(({ request }) => request.startsWith('POST'));
    expect(sent.map(({ request }) => request.replace(/\d+/, ':id'))).toEqual([
      'POST /bookings',
      'POST /bookings/:id/cancel',
      'POST /bookings',
      'POST /bookings/confirm',
    ]);
    const keys = sent.map(({ key }) => key);
    keys.forEach((key) => expect(idempotencyKeySchema.safeParse(key).success).toBe(true));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('when Book is pressed twice before the screen updates, then only one hold is requested', async () => {
    const hold = aBooking({ showId: show.id, quantity: 1 });
    const requests = recordRequests();
    server.use(http.post(apiUrl('/bookings'), () => HttpResponse.json(hold, { status: 201 })));
    renderApp(`/shows/${show.id}`);

    const book = await screen.findByRole('button', { name: 'Book' });
    // Two submits in one task, as a fast double click or a repeated Enter delivers them.
    fireEvent.submit(book.closest('form')!);
    fireEvent.submit(book.closest('form')!);

    expect(await screen.findByRole('timer', { name: 'Time left to confirm' })).toBeInTheDocument();
    expect(requests.filter((request) => request === 'POST /bookings')).toEqual(['POST /bookings']);
  });

  it('when fewer places are left than asked, then it says how many in plain words, not the code', async () => {
    server.use(
      http.post(apiUrl('/bookings'), () => apiError(409, 'SOLD_OUT', 'Not enough places', { availableSlots: 1 })),
    );
    const requests = recordRequests();
    const { user } = renderApp(`/shows/${show.id}`);

    await user.type(await screen.findByLabelText('Quantity'), '{backspace}3');
    await user.click(screen.getByRole('button', { name: 'Book' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Someone booked while you were looking: only 1 place left now. Choose fewer and try again.',
    );
    expect(screen.queryByText(/SOLD_OUT/)).not.toBeInTheDocument();
    expect(requests.filter((request) => request === 'POST /bookings')).toHaveLength(1);
  });

  it('when the quantity is not a whole number, then the field says so and nothing is sent', async () => {
    const requests = recordRequests();
    const { user } = renderApp(`/shows/${show.id}`);

    await user.type(await screen.findByLabelText('Quantity'), '{backspace}1.5');
    await user.click(screen.getByRole('button', { name: 'Book' }));

    expect(screen.getByLabelText('Quantity')).toHaveAccessibleDescription(/Quantity must be a whole number/);
    expect(requests).not.toContain('POST /bookings');
  });

  it('when the hold runs out before confirming, then it says so and "Try again" offers a new one', async () => {
    server.use(
      http.post(apiUrl('/bookings'), () =>
        HttpResponse.json(aBooking({ showId: show.id, expiresAt: inSeconds(1.2) }), { status: 201 }),
      ),
    );
    const { user } = renderApp(`/shows/${show.id}`);

    await user.click(await screen.findByRole('button', { name: 'Book' }));

    expect(await screen.findByText('Hold expired', {}, { timeout: 3000 })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByLabelText('Quantity')).toBeInTheDocument();
  });

  it('when the server says the hold expired at confirm time, then the screen says so', async () => {
    const hold = aBooking({ showId: show.id });
    server.use(
      http.post(apiUrl('/bookings'), () => HttpResponse.json(hold, { status: 201 })),
      http.post(apiUrl('/bookings/confirm'), () => apiError(409, 'HOLD_EXPIRED', 'The hold expired')),
    );
    const { user } = renderApp(`/shows/${show.id}`);

    await user.click(await screen.findByRole('button', { name: 'Book' }));
    await user.click(await screen.findByRole('button', { name: 'Confirm booking' }));

    expect(await screen.findByText('Hold expired')).toBeInTheDocument();
  });
});
