import { Link } from 'react-router';
import { buttonClass } from '@/components/ui/button';
import { Page } from '@/components/ui/page';
import { AdminDashboard } from '@/features/admin/components/admin-dashboard';
import { RequireAdmin } from './require-admin';

export function AdminRoute() {
  return (
    <RequireAdmin>
      <Page
        title="Admin dashboard"
        actions={
          <Link to="/admin/reports" className={buttonClass('secondary')}>
            Occupancy report
          </Link>
        }
      >
        <AdminDashboard />
      </Page>
    </RequireAdmin>
  );
}
