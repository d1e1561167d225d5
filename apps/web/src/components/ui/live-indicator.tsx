import { cn } from './cn';

/** A quiet dot while live updates flow; words when they do not, so nobody trusts a stale count. */
export function LiveIndicator({ connected }: { connected: boolean }) {
  return (
    <p
      role="status"
      data-state={connected ? 'connected' : 'disconnected'}
      className={cn(
        'inline-flex min-w-0 items-center gap-1.5 rounded-full px-2 py-1 text-xs font-medium sm:gap-2 sm:px-3',
        connected ? 'text-emerald-800' : 'bg-amber-100 text-amber-900',
      )}
    >
      <span aria-hidden="true" className={cn('size-2 rounded-full', connected ? 'bg-emerald-500' : 'bg-amber-500')} />
      {connected ? 'Live updates on' : 'Live updates off, reconnecting…'}
    </p>
  );
}
