import { apiClient, type ApiCall } from '../../support/http.js';
import { dateIn, wallClock } from './wall-clock.js';

interface Person {
  name: string;
  email: string;
  password: string;
  token: string;
}
interface Show {
  id: number;
  name: string;
  startTime: string;
}

const PASSWORD = 'screenshots-password-1';
const HOLD_POLL_MS = 500;

async function register(api: ApiCall, name: string): Promise<Person> {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const email = `${ascii.toLowerCase().replace(/\W+/g, '.')}@example.org`;
  const { token } = await api<{ token: string }>('/auth/register', {
    method: 'POST',
    body: { name, email, password: PASSWORD },
  });
  return { name, email, password: PASSWORD, token };
}

/** What the screens show, made as people and admins make it: through the HTTP API only. */
export async function seed(apiUrl: string, admin: { email: string; password: string }, holdSeconds: number) {
  const api = apiClient(apiUrl);
  const { token: adminToken } = await api<{ token: string }>('/auth/login', { method: 'POST', body: admin });
  const createShow = (body: Record<string, unknown>) =>
    api<Show>('/shows', { method: 'POST', token: adminToken, body });
  const hold = (who: Person, show: Show, quantity: number) =>
    api<{ id: number }>('/bookings', { method: 'POST', token: who.token, body: { showId: show.id, quantity } });
  const book = async (who: Person, show: Show, quantity: number) => {
    const { id } = await hold(who, show, quantity);
    return api<{ id: number; reference: string }>('/bookings/confirm', {
      method: 'POST',
      token: who.token,
      body: { bookingId: id },
    });
  };
  const cancel = (who: Person, bookingId: number) =>
    api(`/bookings/${bookingId}/cancel`, { method: 'POST', token: who.token });

  const [patient, waiter, priya, jonas, lucia, sam] = await Promise.all(
    ['Amara Mensah', 'Tom Whitfield', 'Priya Nair', 'Jonas Weber', 'Lucía Romero', 'Sam Carter'].map((name) =>
      register(api, name),
    ),
  );

  // Starts in under a minute: booked now, it is in the past (My bookings, "Past") by the time that is shot.
  const physio = await createShow({
    name: 'Physiotherapy drop-in',
    startTime: new Date(Date.now() + 40_000).toISOString(),
    totalSlots: 8,
    timeZone: 'Europe/London',
    location: 'Riverside Health Centre, Room 4',
  });
  await book(patient!, physio, 1);
  await book(priya!, physio, 2);

  const series = await api<{ id: number; shows: Show[] }>('/series', {
    method: 'POST',
    token: adminToken,
    body: {
      name: 'Dr. Osei: general practice',
      timeZone: 'Europe/London',
      startDate: dateIn(1, 'Europe/London'),
      endDate: dateIn(28, 'Europe/London'),
      weekdays: [1, 3],
      times: ['09:00', '14:00'],
      totalSlots: 6,
    },
  });
  // Busier soon, emptier later, one session full: the occupancy chart has a shape.
  for (const [i, quantity] of [6, 4, 5, 3, 2, 4, 1, 2].entries()) {
    const session = series.shows[i + 2]!;
    await book(priya!, session, Math.min(quantity, 3));
    if (quantity > 3) await book(jonas!, session, quantity - 3);
  }
  await book(patient!, series.shows[0]!, 1);

  const ferry = await createShow({
    name: 'Casco Bay ferry: Portland to Peaks Island',
    startTime: wallClock(2, '07:45', 'America/New_York'),
    totalSlots: 40,
    timeZone: 'America/New_York',
    location: 'Casco Bay Lines terminal, 56 Commercial St, Portland, Maine',
  });
  const receipt = await book(patient!, ferry, 2);
  await book(priya!, ferry, 3);
  const jonasFerry = await book(jonas!, ferry, 1);
  await cancel(jonas!, jonasFerry.id);
  // Left to lapse: the ferry's history and the report show an expired hold.
  const lapsing = await hold(lucia!, ferry, 2);

  const flu = await createShow({
    name: 'Flu vaccination clinic',
    startTime: wallClock(1, '10:30', 'Europe/London'),
    totalSlots: 25,
    timeZone: 'Europe/London',
    location: 'Riverside Health Centre',
  });
  const changedMind = await book(patient!, flu, 1);
  await cancel(patient!, changedMind.id);
  await book(lucia!, flu, 4);

  const kyoto = await createShow({
    name: 'Kyoto morning walk: Fushimi Inari',
    startTime: wallClock(4, '06:30', 'Asia/Tokyo'),
    totalSlots: 12,
    timeZone: 'Asia/Tokyo',
    location: 'Inari Station, JR Nara Line',
  });

  const screening = await createShow({
    name: 'Screening: Metropolis (1927)',
    startTime: wallClock(3, '20:00', 'Europe/Berlin'),
    totalSlots: 4,
    timeZone: 'Europe/Berlin',
    location: 'Kino Babylon, Rosa-Luxemburg-Straße 30, Berlin',
  });
  await book(priya!, screening, 3);
  const samScreening = await book(sam!, screening, 1);
  await api(`/shows/${screening.id}/waitlist`, { method: 'POST', token: waiter!.token, body: { quantity: 1 } });

  return {
    admin,
    patient: patient!,
    waiter: waiter!,
    shows: { physio, ferry, screening, kyoto },
    seriesId: series.id,
    receiptId: receipt.id,
    /** Sam gives back the screening's last place: the first in line (the waiter) is offered it. */
    freeScreeningPlace: () => cancel(sam!, samScreening.id),
    /** A hold the patient has not confirmed yet (My bookings: pending, "Continue booking"). */
    holdForPatient: () => hold(patient!, series.shows[1]!, 2),
    /** A live hold in the ferry's bookings table beside the confirmed, cancelled and expired ones. */
    holdOnFerry: () => hold(sam!, ferry, 1),
    /** Until the sweeper has marked Lucía's ferry hold EXPIRED (it runs every second: a minute past is broken). */
    async untilHoldLapsed() {
      const deadline = Date.now() + (holdSeconds + 60) * 1000;
      while (Date.now() < deadline) {
        const mine = await api<{ id: number; status: string }[]>('/bookings/my-bookings', { token: lucia!.token });
        if (mine.find((booking) => booking.id === lapsing.id)?.status === 'EXPIRED') return;
        await new Promise((resolve) => setTimeout(resolve, HOLD_POLL_MS));
      }
      throw new Error(`Lucía's hold #${lapsing.id} was not EXPIRED ${holdSeconds + 60} s after it was made`);
    },
    async untilStarted(show: Show) {
      const wait = Date.parse(show.startTime) - Date.now() + 1_000;
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    },
  };
}
export type Seeded = Awaited<ReturnType<typeof seed>>;
