import type { Booking } from '@holdfast/contracts';
import { act, fireEvent, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { aBooking, aMyBooking, aShow, inSeconds } from '@/testing/factories';
import { fakeSocket } from '@/testing/fake-socket';
import { apiError, apiUrl, recordRequests, server, signedInOnShowPage } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';

const show = aShow({ name: 'Ferry crossing', totalSlots: 6, availableSlots: 4 });
const mine = (booking: Booking) => aMyBooking({ ...booking, showName: show.name, showStartTime: show.startTime });

/** The server's view of one booking, which another tab (the test) may change at any time. */
function serverBooking(initial: Booking) {
  let booking = initial;
  server.use(
    http.get(apiUrl('/bookings/:id'), ({ params }) => {
      if (params.id === 'my-bookings') return; // another handler's
      return Number(params.id) === booking.id
        ? HttpResponse.json(booking)
        : apiError(404, 'BOOKING_NOT_FOUND', 'No such booking');
    }),
  );
  return {
    changeElsewhere: (changes: Partial<Booking>) => (booking = { ...booking, ...changes }),
  };
}

/** Resolves once the mock API has answered a request for `path`. */
function answerTo(path: string): Promise<void> {
  return new Promise((resolve) => {
    const onAnswer = ({ request }: { request: Request }) => {
      if (new URL(request.url).pathname !== path) return;
      server.events.removeListener('response:mocked', onAnswer);
      resolve();
    };
    server.events.on('response:mocked', onAnswer);
  });
}

let myBookings: Booking[] = [];
beforeEach(() => {
  myBookings = [];
  signedInOnShowPage(show, () => myBookings.map(mine));
});

describe('resuming a hold from the server, in any tab', () => {
  it('when the person already holds places on the show, then the page opens on that hold, not on Book', async () => {
    const hold = aBooking({ showId: show.id, quantity: 3, expiresAt: inSeconds(80) });
    const finished = aBooking({ showId: show.id, status: 'CONFIRMED' });
    const elsewhere = aBooking({ showId: show.id + 1000 });
    myBookings = [elsewhere, hold, finished];
    serverBooking(hold);
    renderApp(`/shows/${show.id}`);

    expect(await screen.findByRole('timer')).toHaveTextContent(/^1:(20|19)$/);
    expect(screen.getByText('3 places')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Confirm booking' })).toBeEnabled();
    expect(screen.queryByRole('button', { name: 'Book' })).not.toBeInTheDocument();
  });

  it('when the only hold on the show has run out, then the page offers Book', async () => {
    myBookings = [aBooking({ showId: show.id, createdAt: inSeconds(-200), expiresAt: inSeconds(-80) })];
    renderApp(`/shows/${show.id}`);

    expect(await screen.findByRole('button', { name: 'Book' })).toBeEnabled();
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();
  });

  it('when "Continue booking" is followed from My bookings, then that hold opens and Confirm confirms it', async () => {
    const hold = aBooking({ showId: show.id, quantity: 2 });
    myBookings = [hold];
    serverBooking(hold);
    const confirmed: unknown[] = [];
    server.use(
      http.post(apiUrl('/bookings/confirm'), async ({ request }) => {
        confirmed.push(await request.json());
        return HttpResponse.json({ ...hold, status: 'CONFIRMED' });
      }),
    );
    const requests = recordRequests();
    const { user } = renderApp('/my-bookings');

    await user.click(await screen.findByRole('link', { name: 'Continue booking' }));

    expect(await screen.findByRole('timer')).toBeInTheDocument();
    expect(screen.getByText('2 places')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Book' })).not.toBeInTheDocument();
    expect(requests).toContain(`GET /bookings/${hold.id}`);
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    expect(await screen.findByText('Confirmed')).toBeInTheDocument();
    expect(confirmed).toEqual([{ bookingId: hold.id }]);
    expect(requests).not.toContain('POST /bookings');
  });

  it('when the server refuses a second hold (HOLD_EXISTS), then the existing one is resumed, explained', async () => {
    const existing = aBooking({ showId: show.id, quantity: 1 });
    serverBooking(existing);
    server.use(
      http.post(apiUrl('/bookings'), () =>
        apiError(409, 'HOLD_EXISTS', 'You already hold places on this show', { bookingId: existing.id }),
      ),
    );
    const requests = recordRequests();
    const { user } = renderApp(`/shows/${show.id}`);

    await user.type(await screen.findByLabelText('Quantity'), '{backspace}4');
    await user.click(screen.getByRole('button', { name: 'Book' }));

    expect(await screen.findByRole('timer')).toBeInTheDocument();
    expect(screen.getByText(/You already had places held on this show/)).toBeInTheDocument();
    expect(screen.getByText('1 place')).toBeInTheDocument();
    expect(requests).toContain(`GET /bookings/${existing.id}`);
    expect(requests.filter((request) => request === 'POST /bookings')).toHaveLength(1);
  });
});

describe('a hold changed in another tab', () => {
  async function holdOnScreen() {
    const hold = aBooking({ showId: show.id, quantity: 2 });
    myBookings = [hold];
    const booking = serverBooking(hold);
    const view = renderApp(`/shows/${show.id}`);
    expect(await screen.findByRole('timer')).toBeInTheDocument();
    return { ...view, hold, booking };
  }

  it('when it was cancelled elsewhere, then coming back to this tab stops the countdown and says so', async () => {
    const { booking } = await holdOnScreen();

    booking.changeElsewhere({ status: 'CANCELLED', cancelledAt: new Date().toISOString() });
    fireEvent.focus(window);

    expect(await screen.findByText('Cancelled')).toBeInTheDocument();
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();
    expect(sessionStorage.getItem('holdfast.inFlightBooking')).toBeNull();
  });

  it('when it was confirmed elsewhere, then the live update of its show makes this tab say "Confirmed"', async () => {
    const { booking } = await holdOnScreen();

    booking.changeElsewhere({ status: 'CONFIRMED', confirmedAt: new Date().toISOString() });
    act(() => fakeSocket.serverSends([{ id: show.id, totalSlots: 6, availableSlots: 4, version: 2 }]));

    expect(await screen.findByText('Confirmed')).toBeInTheDocument();
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();
  });

  it('when its show changes live but the hold is still pending, then the countdown carries on', async () => {
    const { hold } = await holdOnScreen();
    const reread = answerTo(`/bookings/${hold.id}`);

    // Inside act: the re-read's answer lands while React is told to expect updates.
    await act(async () => {
      fakeSocket.serverSends([{ id: show.id, totalSlots: 6, availableSlots: 1, version: 3 }]);
      await reread;
      await new Promise((resolve) => setTimeout(resolve, 20)); // the client reads the answer and dispatches
    });

    expect(screen.getByRole('timer')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Confirm booking' })).toBeEnabled();
  });

  it('when a hold was made in another tab while the form is open, then coming back shows that hold', async () => {
    renderApp(`/shows/${show.id}`);
    await screen.findByRole('button', { name: 'Book' });

    const hold = aBooking({ showId: show.id, quantity: 2 });
    myBookings = [hold];
    serverBooking(hold);
    fireEvent.focus(window);

    expect(await screen.findByRole('timer')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Book' })).not.toBeInTheDocument();
  });
});
