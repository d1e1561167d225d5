import { Link, useParams } from 'react-router';
import { buttonClass } from '@/components/ui/button';
import { Page } from '@/components/ui/page';
import { ManageSeries } from '@/features/admin/components/manage-series';
import { RequireAdmin } from './require-admin';

export function AdminSeriesRoute() {
  const id = Number(useParams().id);
  return (
    <RequireAdmin>
      <Page
        title="Series"
        actions={
          <Link to="/admin" className={buttonClass('ghost')}>
            ← Dashboard
          </Link>
        }
      >
        <ManageSeries key={id} seriesId={id} />
      </Page>
    </RequireAdmin>
  );
}
