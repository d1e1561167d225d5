import { Link, useParams } from 'react-router';
import { buttonClass } from '@/components/ui/button';
import { Page } from '@/components/ui/page';
import { ManageShow } from '@/features/admin/components/manage-show';
import { RequireAdmin } from './require-admin';

export function AdminShowRoute() {
  const id = Number(useParams().id);
  return (
    <RequireAdmin>
      <Page
        title="Manage show"
        actions={
          <Link to="/admin" className={buttonClass('ghost')}>
            ← Dashboard
          </Link>
        }
      >
        <ManageShow key={id} showId={id} />
      </Page>
    </RequireAdmin>
  );
}
