import { useEffect, useEffectEvent, useState } from 'react';
import { serverNow } from '@/lib/server-clock';

const TICK_MS = 250;

/** Whole seconds until `deadline` (server time, ISO), re-rendering once per second; calls onEnd once. */
export function useCountdown(deadline: string, onEnd: () => void): number {
  const end = Date.parse(deadline);
  const secondsLeft = () => Math.max(0, Math.ceil((end - serverNow()) / 1000));
  const [seconds, setSeconds] = useState(secondsLeft);
  // The latest onEnd, without restarting the timer each time the caller passes a new function.
  const reportEnd = useEffectEvent(onEnd);

  useEffect(() => {
    let ended = false;
    const tick = () => {
      const left = Math.max(0, Math.ceil((end - serverNow()) / 1000));
      setSeconds(left);
      if (left === 0 && !ended) {
        ended = true;
        clearInterval(timer);
        reportEnd();
      }
    };
    const timer = setInterval(tick, TICK_MS);
    tick();
    return () => clearInterval(timer);
  }, [end]);

  return seconds;
}
