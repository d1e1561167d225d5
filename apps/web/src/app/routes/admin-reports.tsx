import { Link } from 'react-router';
import { buttonClass } from '@/components/ui/button';
import { Page } from '@/components/ui/page';
import { OccupancyReport } from '@/features/admin/components/occupancy-report';
import { RequireAdmin } from './require-admin';

export function AdminReportsRoute() {
  return (
    <RequireAdmin>
      <Page
        title="Occupancy report"
        actions={
          <Link to="/admin" className={buttonClass('ghost')}>
            ← Dashboard
          </Link>
        }
      >
        <OccupancyReport />
      </Page>
    </RequireAdmin>
  );
}
