import type { MyWaitlistEntry } from '@holdfast/contracts';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeSocket } from '@/testing/fake-socket';
import { aBooking, aShow, aWaitlistEntry, inSeconds } from '@/testing/factories';
import { apiError, apiUrl, server, signedInOnShowPage } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';

const show = aShow({ name: 'Harbour concert', totalSlots: 4, availableSlots: 0 });
let entries: MyWaitlistEntry[] = [];

// The viewer is in New York and the show in London: its time is told in London's, then the viewer's own.
// Node re-reads TZ when it changes; set before anything in this file formats a time.
const SHOW_IN_LONDON = { showStartTime: '2031-03-04T09:00:00.000Z', showTimeZone: 'Europe/London' };
const TOLD_IN_BOTH = 'Tue, Mar 4, 09:00 AM GMT · 04:00 AM your time';
let savedZone: string | undefined;
beforeAll(() => {
  savedZone = process.env.TZ;
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  process.env.TZ = savedZone;
});

beforeEach(() => {
  entries = [];
  signedInOnShowPage(show);
  server.use(http.get(apiUrl('/waitlist/my-entries'), () => HttpResponse.json(entries)));
});

describe('joining the waitlist', () => {
  it('when a sold-out show is joined, then the quantity is sent and the place in line shows', async () => {
    const sent: unknown[] = [];
    server.use(
      http.post(apiUrl('/shows/:id/waitlist'), async ({ request }) => {
        sent.push(await request.json());
        entries = [aWaitlistEntry({ showId: show.id, showName: show.name, quantity: 3, position: 2 })];
        return HttpResponse.json(entries[0], { status: 201 });
      }),
    );
    const { user } = renderApp(`/shows/${show.id}`);

    const wanted = await screen.findByLabelText('Places wanted');
    await user.clear(wanted);
    await user.type(wanted, '3');
    await user.click(screen.getByRole('button', { name: 'Join the waitlist' }));

    expect(await screen.findByText(/You are number 2 in line for 3 places/)).toBeInTheDocument();
    expect(sent).toEqual([{ quantity: 3 }]);
    expect(screen.getByRole('button', { name: 'Leave the waitlist' })).toBeEnabled();
  });

  it('when the places are free after all, then it says to book them instead', async () => {
    server.use(
      http.post(apiUrl('/shows/:id/waitlist'), () => apiError(409, 'PLACES_AVAILABLE', 'free', { availableSlots: 2 })),
    );
    const { user } = renderApp(`/shows/${show.id}`);
    await user.click(await screen.findByRole('button', { name: 'Join the waitlist' }));
    expect(await screen.findByText('Those places are free right now: book them instead.')).toBeInTheDocument();
  });
});

describe('an offer', () => {
  it('when an offer arrives on the socket, then the banner counts down and Confirm confirms it', async () => {
    const offered = aWaitlistEntry({
      ...SHOW_IN_LONDON,
      showId: show.id,
      showName: show.name,
      quantity: 2,
      status: 'OFFERED',
      position: null,
      bookingId: 77,
      expiresAt: inSeconds(600),
    });
    const confirmed: unknown[] = [];
    server.use(
      http.post(apiUrl('/bookings/confirm'), async ({ request }) => {
        confirmed.push(await request.json());
        entries = [{ ...offered, status: 'ACCEPTED', expiresAt: null }];
        return HttpResponse.json(aBooking({ id: 77, showId: show.id, quantity: 2, status: 'CONFIRMED' }));
      }),
    );
    const { user } = renderApp('/my-bookings');
    await screen.findByRole('heading', { name: 'My bookings' });
    expect(screen.queryByRole('region', { name: 'Places freed up for you' })).not.toBeInTheDocument();

    entries = [offered];
    fakeSocket.serverOffers({ bookingId: 77, showId: show.id, quantity: 2, expiresAt: offered.expiresAt! });

    const banner = await screen.findByRole('region', { name: 'Places freed up for you' });
    expect(within(banner).getByText('Harbour concert')).toBeInTheDocument();
    expect(banner).toHaveTextContent(/2 places on Harbour concert, .+, are held for you\. Confirm to book them\./);
    expect(within(banner).getByText(TOLD_IN_BOTH)).toHaveAttribute('datetime', SHOW_IN_LONDON.showStartTime);
    expect(within(banner).getByRole('timer', { name: 'Time left to accept' })).toHaveTextContent(/^(10:00|9:59)$/);
    await user.click(within(banner).getByRole('button', { name: 'Confirm booking' }));

    expect(confirmed).toEqual([{ bookingId: 77 }]);
    await expect.poll(() => screen.queryByRole('region', { name: 'Places freed up for you' })).toBeNull();
  });
});

describe('my waitlists', () => {
  it('when the person waits for a show, then My bookings lists it with the position and Leave leaves', async () => {
    entries = [aWaitlistEntry({ ...SHOW_IN_LONDON, showId: show.id, showName: show.name, quantity: 1, position: 4 })];
    const left: string[] = [];
    server.use(
      http.delete(apiUrl('/shows/:id/waitlist'), ({ params }) => {
        left.push(String(params.id));
        const [entry] = entries;
        entries = [];
        return HttpResponse.json({ ...entry, status: 'LEFT', position: null });
      }),
    );
    const { user } = renderApp('/my-bookings');

    const section = await screen.findByRole('region', { name: 'Waitlists' });
    expect(within(section).getByText(/Number 4 in line/)).toBeInTheDocument();
    expect(within(section).getByText(TOLD_IN_BOTH)).toHaveAttribute('datetime', SHOW_IN_LONDON.showStartTime);
    await user.click(within(section).getByRole('button', { name: 'Leave the waitlist of Harbour concert' }));

    expect(left).toEqual([String(show.id)]);
    await expect.poll(() => screen.queryByRole('region', { name: 'Waitlists' })).toBeNull();
  });
});
