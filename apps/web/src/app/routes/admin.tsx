import { Page } from '@/components/ui/page';
import { AdminDashboard } from '@/features/admin/components/admin-dashboard';
import { RequireAdmin } from './require-admin';

export function AdminRoute() {
  return (
    <RequireAdmin>
      <Page title="Admin dashboard">
        <AdminDashboard />
      </Page>
    </RequireAdmin>
  );
}
