import { isApiError } from '@/lib/api-error';
import { explainError } from '@/lib/explain-error';
import { Button } from './button';
import { Notice } from './notice';

/** What went wrong, as its title: the person's connection, or the server, which answered but failed. */
function titleOf(error: unknown): string {
  if (!isApiError(error)) return 'Something went wrong';
  if (error.isNetworkError) return 'Server unreachable';
  if (error.code === 'BUSY' || error.code === 'DATABASE_UNAVAILABLE') return 'The server is busy';
  if (error.isServerFailure) return 'The server ran into a problem';
  return 'This could not be loaded';
}

/**
 * A screen's data could not be loaded: a title that tells "cannot reach the server" from "the server failed",
 * plain words, "Try again", and the request id of a failed answer so support can find it in the logs.
 */
export function ServerErrorNotice({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const requestId = isApiError(error) && error.isServerFailure ? error.requestId : undefined;
  return (
    <Notice role="alert" title={titleOf(error)} action={<Button onClick={onRetry}>Try again</Button>}>
      <p>{explainError(error)}</p>
      {requestId && (
        <p className="mt-2 text-sm">
          If you contact support, quote this reference: <code className="font-mono break-all">{requestId}</code>
        </p>
      )}
    </Notice>
  );
}
