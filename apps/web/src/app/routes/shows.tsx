import { Page } from '@/components/ui/page';
import { ShowList } from '@/features/shows/components/show-list';

export function ShowsRoute() {
  return (
    <Page title="Shows">
      <ShowList />
    </Page>
  );
}
