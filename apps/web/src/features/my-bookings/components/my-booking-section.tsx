import type { MyBooking } from '@holdfast/contracts';
import { useId } from 'react';
import { MyBookingItem } from './my-booking-item';

export function MyBookingSection({ title, bookings, empty }: { title: string; bookings: MyBooking[]; empty: string }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <h2 id={headingId} className="text-lg font-semibold">
        {title}
      </h2>
      {bookings.length === 0 ? (
        <p className="text-slate-700">{empty}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {bookings.map((booking) => (
            <li key={booking.id}>
              <MyBookingItem booking={booking} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
