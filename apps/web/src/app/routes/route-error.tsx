import { Link, useRouteError } from 'react-router';
import { buttonClass } from '@/components/ui/button';

/** Last resort for a render error or a chunk that failed to load (e.g. offline after a deploy). */
export function RouteError() {
  const error = useRouteError();
  const chunkFailed = error instanceof TypeError && /dynamically imported module|import/i.test(error.message);
  return (
    <main className="mx-auto max-w-xl p-6">
      <div role="alert" className="glass flex flex-col gap-3 rounded-2xl p-5">
        <h1 className="text-xl font-semibold">Something went wrong</h1>
        <p>
          {chunkFailed
            ? 'This page could not be loaded. Check your connection.'
            : 'An unexpected error stopped this page.'}
        </p>
        <div className="flex gap-2">
          <button type="button" className={buttonClass()} onClick={() => window.location.reload()}>
            Reload
          </button>
          <Link to="/" className={buttonClass('secondary')} reloadDocument>
            Back to shows
          </Link>
        </div>
      </div>
    </main>
  );
}
