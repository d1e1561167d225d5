import { cn } from '@/components/ui/cn';
import { formatRemaining } from '@/lib/format';
import { useCountdown } from '../hooks/use-countdown';

/** Screen readers hear the countdown only as it crosses these marks, not every second. */
function announcementFor(seconds: number): string {
  if (seconds === 0) return 'Time is up.';
  if (seconds <= 5) return '5 seconds left to confirm.';
  if (seconds <= 10) return '10 seconds left to confirm.';
  if (seconds <= 30) return '30 seconds left to confirm.';
  if (seconds <= 60) return '1 minute left to confirm.';
  return '';
}

export function HoldCountdown({ expiresAt, onExpire }: { expiresAt: string; onExpire: () => void }) {
  const seconds = useCountdown(expiresAt, onExpire);
  const urgent = seconds <= 10;
  return (
    <div className="flex flex-col items-center gap-1">
      <p id="hold-timer-label" className="text-sm text-slate-700">
        Time left to confirm
      </p>
      <div
        role="timer"
        aria-labelledby="hold-timer-label"
        className={cn(
          'w-[5ch] text-center text-4xl font-bold tabular-nums',
          urgent ? 'text-rose-700' : 'text-indigo-900',
        )}
      >
        {formatRemaining(seconds * 1000)}
      </div>
      <p aria-live="assertive" className="sr-only">
        {announcementFor(seconds)}
      </p>
    </div>
  );
}
