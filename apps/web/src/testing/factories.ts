import type { Booking, MyBooking, MyWaitlistEntry, Show, User } from '@holdfast/contracts';

let nextId = 1;
const id = () => nextId++;
const inMinutes = (minutes: number, from = Date.now()) => new Date(from + minutes * 60_000).toISOString();
/** An ISO time `seconds` from now (or from `from`): hold expiries in tests. */
export const inSeconds = (seconds: number, from = Date.now()) => new Date(from + seconds * 1000).toISOString();

const VIEWER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

export const aUser = (overrides: Partial<User> = {}): User => ({
  id: id(),
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  role: 'user',
  ...overrides,
});

export const aShow = (overrides: Partial<Show> = {}): Show => ({
  id: id(),
  name: 'Night bus 42',
  startTime: inMinutes(24 * 60),
  totalSlots: 40,
  availableSlots: 40,
  version: 1,
  // The viewer's own zone, so that a test shows one time unless it asks for another zone.
  timeZone: VIEWER_ZONE,
  seriesId: null,
  ...overrides,
});

export const aBooking = (overrides: Partial<Booking> = {}): Booking => {
  const createdAt = overrides.createdAt ?? new Date().toISOString();
  return {
    id: id(),
    showId: 1,
    quantity: 1,
    status: 'PENDING',
    createdAt,
    expiresAt: inMinutes(2, Date.parse(createdAt)),
    confirmedAt: null,
    cancelledAt: null,
    ...overrides,
  };
};

export const aMyBooking = (overrides: Partial<MyBooking> = {}): MyBooking => ({
  ...aBooking(overrides),
  showName: 'Night bus 42',
  showStartTime: inMinutes(24 * 60),
  showTimeZone: VIEWER_ZONE,
  ...overrides,
});

export const aWaitlistEntry = (overrides: Partial<MyWaitlistEntry> = {}): MyWaitlistEntry => ({
  id: id(),
  showId: 1,
  quantity: 1,
  position: 1,
  status: 'WAITING',
  bookingId: null,
  expiresAt: null,
  createdAt: new Date().toISOString(),
  showName: 'Night bus 42',
  showStartTime: inMinutes(24 * 60),
  showTimeZone: VIEWER_ZONE,
  ...overrides,
});

/** A signed-in session as the app keeps it, plus the /auth/me answer that goes with it. */
export function signIn(user: User = aUser()) {
  localStorage.setItem('holdfast.token', 'test-token');
  return user;
}
