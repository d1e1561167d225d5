import { Button } from '@/components/ui/button';
import { explainError } from '@/lib/explain-error';

export interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
  fetchNextPage(): Promise<unknown>;
}

/** "Show more" for a paged list (useInfiniteQuery), and why the next page did not come when it failed. */
export function MorePages({ pages }: { pages: PagedQuery }) {
  return (
    <>
      {pages.hasNextPage && (
        <Button
          className="self-center"
          variant="secondary"
          aria-busy={pages.isFetchingNextPage}
          disabled={pages.isFetchingNextPage}
          onClick={() => void pages.fetchNextPage()}
        >
          Show more
        </Button>
      )}
      {pages.isFetchNextPageError && (
        <p role="alert" className="text-center text-sm">
          {explainError(pages.error)}
        </p>
      )}
    </>
  );
}
