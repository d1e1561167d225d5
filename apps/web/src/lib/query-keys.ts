const personal = ['personal'] as const;

/**
 * Every query key in the app. Public data (the shows) lives under `shows`; everything cached for the
 * signed-in person lives under `personal`, so logging in or out removes one root and nothing leaks
 * from one person to the next.
 */
export const queryKeys = {
  shows: {
    all: ['shows'] as const,
    /** Every paged list, whatever its window: the root the live hook and invalidations use. */
    lists: () => ['shows', 'list'] as const,
    list: (window: { from?: string; to?: string; order?: string }) => ['shows', 'list', window] as const,
    detail: (showId: number) => ['shows', 'detail', showId] as const,
  },
  personal: {
    all: personal,
    me: () => [...personal, 'me'] as const,
    myBookings: () => [...personal, 'my-bookings'] as const,
    myWaitlistEntries: () => [...personal, 'my-waitlist-entries'] as const,
    /** One booking with its show, as its receipt shows them. */
    receipt: (bookingId: number) => [...personal, 'receipt', bookingId] as const,
    /** A show's bookings with the names and emails of the people who made them: admins only. */
    allShowBookings: () => [...personal, 'show-bookings'] as const,
    showBookings: (showId: number) => [...personal, 'show-bookings', showId] as const,
    /** A show's audit trail (admins only). */
    showEvents: (showId: number) => [...personal, 'show-events', showId] as const,
    occupancyReport: (window: { from: string; to: string }) => [...personal, 'occupancy', window] as const,
    /** The series (admins only): the list, and one with its shows. */
    allSeries: () => [...personal, 'series'] as const,
    series: (seriesId: number) => [...personal, 'series', seriesId] as const,
  },
};
