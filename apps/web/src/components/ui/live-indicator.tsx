import { cn } from './cn';

/** A quiet dot while live updates flow; words when they do not, so nobody trusts a stale count. */
export function LiveIndicator({ connected }: { connected: boolean }) {
  return (
    <p
      role="status"
      data-state={connected ? 'connected' : 'disconnected'}
      className={cn(
        'inline-flex items-center gap-2 rounded-full px-3 py-1 text-xs font-medium',
        connected ? 'text-emerald-800' : 'bg-amber-100 text-amber-900',
      )}
    >
      <span aria-hidden="true" className={cn('size-2 rounded-full', connected ? 'bg-emerald-500' : 'bg-amber-500')} />
      {connected ? 'Live updates on' : 'Live updates off, reconnecting…'}
    </p>
  );
}
