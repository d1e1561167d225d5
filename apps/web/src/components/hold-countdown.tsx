import { useId, useState } from 'react';
import { cn } from '@/components/ui/cn';
import { formatRemaining } from '@/lib/format';
import { useCountdown } from '@/hooks/use-countdown';

/** Screen readers hear the countdown only as it crosses these marks (seconds left), not every second. */
const MARKS = [60, 30, 10, 5];

/** The mark the countdown is at or below: it changes only when a mark is crossed. */
const markOf = (seconds: number) => (seconds === 0 ? 0 : (MARKS.filter((mark) => seconds <= mark).at(-1) ?? null));

/**
 * What was true when the last mark was crossed, in the seconds actually left then: a hold resumed with 40 s left
 * says "40 seconds", never "1 minute".
 */
function sayLeft(seconds: number): string {
  if (seconds === 0) return 'Time is up.';
  if (seconds === 60) return '1 minute left to confirm.';
  return `${seconds} ${seconds === 1 ? 'second' : 'seconds'} left to confirm.`;
}

/** State adjusted while rendering (React's pattern for a value derived from a change of props). */
function useCountdownAnnouncement(seconds: number): string {
  const [said, setSaid] = useState<{ mark: number | null; text: string }>({ mark: null, text: '' });
  const mark = markOf(seconds);
  if (mark === said.mark) return said.text;
  const next = { mark, text: mark === null ? '' : sayLeft(seconds) };
  setSaid(next);
  return next.text;
}

/** A hold's time left, for the booking flow and a waitlist offer alike (`label` names what the time is for). */
export function HoldCountdown({
  expiresAt,
  onExpire,
  label = 'Time left to confirm',
}: {
  expiresAt: string;
  onExpire: () => void;
  label?: string;
}) {
  const labelId = useId();
  const seconds = useCountdown(expiresAt, onExpire);
  const announcement = useCountdownAnnouncement(seconds);
  const urgent = seconds <= 10;
  return (
    <div className="flex flex-col items-center gap-1">
      <p id={labelId} className="text-sm text-slate-700">
        {label}
      </p>
      <div
        role="timer"
        aria-labelledby={labelId}
        className={cn(
          'w-[5ch] text-center text-4xl font-bold tabular-nums',
          urgent ? 'text-rose-700' : 'text-indigo-900',
        )}
      >
        {formatRemaining(seconds * 1000)}
      </div>
      <p aria-live="assertive" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
