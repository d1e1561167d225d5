import { Link } from 'react-router';
import { Button, buttonClass } from '@/components/ui/button';
import { FocusHeading } from '@/components/ui/focus-heading';
import { formatPlaces } from '@/lib/format';
import { useBookingFlow } from '../hooks/use-booking-flow';

/** Where the flow ends (or pauses while we ask the server): always says what is true and what next. */
export function BookingOutcome() {
  const { state, startOver, checkAgain } = useBookingFlow();
  switch (state.step) {
    case 'confirmed':
      return (
        <div role="status" className="flex flex-col items-center gap-3 text-center">
          <FocusHeading className="text-2xl font-bold text-emerald-700">Confirmed</FocusHeading>
          <p>Your {formatPlaces(state.booking.quantity)} are booked. See you there.</p>
          {state.booking.reference && (
            <p>
              Reference <strong className="font-mono text-lg tracking-widest">{state.booking.reference}</strong>
            </p>
          )}
          <div className="flex flex-wrap justify-center gap-2">
            <Link to={`/bookings/${state.booking.id}`} className={buttonClass()}>
              See your receipt
            </Link>
            <Link to="/my-bookings" className={buttonClass('secondary')}>
              See my bookings
            </Link>
            <Link to="/" className={buttonClass('secondary')}>
              Back to shows
            </Link>
          </div>
        </div>
      );
    case 'expired':
      return (
        <div role="alert" className="flex flex-col items-center gap-3 text-center">
          <FocusHeading className="text-2xl font-bold text-rose-700">Hold expired</FocusHeading>
          <p>The time to confirm ran out, so the places were released for others.</p>
          <Button onClick={startOver}>Try again</Button>
        </div>
      );
    case 'cancelled':
      return (
        <div role="status" className="flex flex-col items-center gap-3 text-center">
          <FocusHeading className="text-2xl font-bold">Cancelled</FocusHeading>
          <p>This booking was cancelled and its places released.</p>
          <Button onClick={startOver}>Book again</Button>
        </div>
      );
    case 'unreachable':
      return (
        <div role="alert" className="flex flex-col items-center gap-3 text-center">
          <p className="text-xl font-semibold">Connection lost</p>
          <p>
            We could not reach the server to find out what happened to your booking. Nothing is lost: check again when
            you are back online.
          </p>
          <Button onClick={() => void checkAgain()}>Check again</Button>
        </div>
      );
    default:
      return (
        <p role="status" className="text-center text-slate-700">
          Checking with the server for a booking of yours on this show…
        </p>
      );
  }
}
