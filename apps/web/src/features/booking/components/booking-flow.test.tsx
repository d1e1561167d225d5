import type { Booking } from '@holdfast/contracts';
import { fireEvent, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { aBooking, aMyBooking, aShow, aUser, signIn } from '@/testing/factories';
import { apiError, apiUrl, recordRequests, server } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';

const show = aShow({ name: 'Ferry crossing', totalSlots: 6, availableSlots: 4 });
const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
const storeInFlight = (value: object) => sessionStorage.setItem('holdfast.inFlightBooking', JSON.stringify(value));

beforeEach(() => {
  const user = signIn(aUser());
  server.use(
    http.get(apiUrl('/auth/me'), () => HttpResponse.json({ user })),
    http.get(apiUrl('/shows/:id'), () => HttpResponse.json(show)),
  );
});

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
    const { user } = renderApp(`/shows/${show.id}`);

    await user.type(await screen.findByLabelText('Quantity'), '{backspace}3');
    await user.click(screen.getByRole('button', { name: 'Book' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Someone booked while you were looking: only 1 place left now. Choose fewer and try again.',
    );
    expect(screen.queryByText(/SOLD_OUT/)).not.toBeInTheDocument();
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

describe('recovering an interrupted booking', () => {
  it('when the tab reloads during a hold, then the server is asked and the countdown resumes', async () => {
    const hold = aBooking({ showId: show.id, expiresAt: inSeconds(45) });
    storeInFlight({ showId: show.id, quantity: 1, requestedAt: Date.now() - 75_000, bookingId: hold.id });
    server.use(http.get(apiUrl('/bookings/:id'), () => HttpResponse.json(hold)));
    const requests = recordRequests();
    renderApp(`/shows/${show.id}`);

    expect(await screen.findByRole('timer')).toHaveTextContent(/^0:4[45]$/);
    expect(requests).toContain(`GET /bookings/${hold.id}`);
    expect(screen.getByRole('button', { name: 'Confirm booking' })).toBeEnabled();
  });

  it('when the answer to confirm is lost but the server did confirm, then it shows "Confirmed"', async () => {
    const hold = aBooking({ showId: show.id });
    let confirmed = false;
    server.use(
      http.post(apiUrl('/bookings'), () => HttpResponse.json(hold, { status: 201 })),
      http.post(apiUrl('/bookings/confirm'), () => {
        confirmed = true;
        return HttpResponse.error();
      }),
      http.get(apiUrl('/bookings/:id'), () =>
        HttpResponse.json({ ...hold, status: confirmed ? 'CONFIRMED' : 'PENDING' }),
      ),
    );
    const { user } = renderApp(`/shows/${show.id}`);

    await user.click(await screen.findByRole('button', { name: 'Book' }));
    await user.click(await screen.findByRole('button', { name: 'Confirm booking' }));

    expect(await screen.findByText('Confirmed')).toBeInTheDocument();
  });

  it('when the answer to confirm is lost and the server never got it, then the hold is shown again', async () => {
    const hold = aBooking({ showId: show.id });
    server.use(
      http.post(apiUrl('/bookings'), () => HttpResponse.json(hold, { status: 201 })),
      http.post(apiUrl('/bookings/confirm'), () => HttpResponse.error()),
      http.get(apiUrl('/bookings/:id'), () => HttpResponse.json(hold)),
    );
    const { user } = renderApp(`/shows/${show.id}`);

    await user.click(await screen.findByRole('button', { name: 'Book' }));
    await user.click(await screen.findByRole('button', { name: 'Confirm booking' }));

    expect(await screen.findByRole('button', { name: 'Confirm booking' })).toBeEnabled();
    expect(screen.getByRole('timer')).toBeInTheDocument();
    expect(screen.queryByText('Confirmed')).not.toBeInTheDocument();
  });

  it('when the answer to "book" is lost, then the hold is found in my bookings, remembered and shown', async () => {
    const mine = [
      aMyBooking({ showId: show.id, quantity: 2, createdAt: new Date().toISOString(), expiresAt: inSeconds(100) }),
      aMyBooking({ showId: show.id, quantity: 2, status: 'CONFIRMED', createdAt: inSeconds(-86_400) }),
    ];
    server.use(
      http.post(apiUrl('/bookings'), () => HttpResponse.error()),
      http.get(apiUrl('/bookings/my-bookings'), () => HttpResponse.json(mine)),
    );
    const { user } = renderApp(`/shows/${show.id}`);

    await user.type(await screen.findByLabelText('Quantity'), '{backspace}2');
    await user.click(screen.getByRole('button', { name: 'Book' }));

    expect(await screen.findByRole('timer')).toHaveTextContent(/^1:(40|39)$/);
    const stored = JSON.parse(sessionStorage.getItem('holdfast.inFlightBooking')!) as { bookingId: number };
    expect(stored.bookingId).toBe(mine[0]!.id);
  });

  it('when the answer to "book" is lost and nothing was held, then it says nothing was booked', async () => {
    const old: Booking = aMyBooking({ showId: show.id, quantity: 1, createdAt: inSeconds(-3_600) });
    server.use(
      http.post(apiUrl('/bookings'), () => HttpResponse.error()),
      http.get(apiUrl('/bookings/my-bookings'), () => HttpResponse.json([old])),
    );
    const { user } = renderApp(`/shows/${show.id}`);

    await user.click(await screen.findByRole('button', { name: 'Book' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('that booking did not go through and nothing is held');
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();
  });

  it('when a reload finds the server unreachable, then it says so and "Check again" finds the outcome', async () => {
    const hold = aBooking({ showId: show.id, status: 'CONFIRMED' });
    storeInFlight({ showId: show.id, quantity: 1, requestedAt: Date.now(), bookingId: hold.id });
    let online = false;
    server.use(http.get(apiUrl('/bookings/:id'), () => (online ? HttpResponse.json(hold) : HttpResponse.error())));
    const { user } = renderApp(`/shows/${show.id}`);

    expect(await screen.findByText('Connection lost')).toBeInTheDocument();
    online = true;
    await user.click(screen.getByRole('button', { name: 'Check again' }));

    expect(await screen.findByText('Confirmed')).toBeInTheDocument();
  });
});
