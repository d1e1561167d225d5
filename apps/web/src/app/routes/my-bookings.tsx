import { Page } from '@/components/ui/page';
import { RequireAuth } from '@/features/auth/components/require-auth';
import { MyBookingList } from '@/features/my-bookings/components/my-booking-list';
import { MyWaitlistEntries } from '@/features/waitlist/components/my-waitlist-entries';

export function MyBookingsRoute() {
  return (
    <Page title="My bookings">
      <RequireAuth>
        <div className="flex flex-col gap-6">
          <MyBookingList />
          <MyWaitlistEntries />
        </div>
      </RequireAuth>
    </Page>
  );
}
