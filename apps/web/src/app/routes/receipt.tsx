import { useParams } from 'react-router';
import { Page } from '@/components/ui/page';
import { RequireAuth } from '@/features/auth/components/require-auth';
import { BookingReceipt } from '@/features/receipt/components/booking-receipt';
import { NotFoundRoute } from './not-found';

export function ReceiptRoute() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundRoute />;
  return (
    <Page title="Booking receipt">
      <RequireAuth>
        <BookingReceipt bookingId={id} />
      </RequireAuth>
    </Page>
  );
}
