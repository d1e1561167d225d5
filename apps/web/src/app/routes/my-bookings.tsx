import { Page } from '@/components/ui/page';
import { RequireAuth } from '@/features/auth/components/require-auth';
import { MyBookingList } from '@/features/my-bookings/components/my-booking-list';

export function MyBookingsRoute() {
  return (
    <Page title="My bookings">
      <RequireAuth>
        <MyBookingList />
      </RequireAuth>
    </Page>
  );
}
