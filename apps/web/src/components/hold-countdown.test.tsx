import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { observeServerTime, resetServerClock } from '@/lib/server-clock';
import { inSeconds } from '@/testing/factories';
import { HoldCountdown } from './hold-countdown';

/** Moves the fake clock on and lets React render what the timers caused. */
const elapse = (ms: number) =>
  act(() => {
    vi.advanceTimersByTime(ms);
  });

describe('HoldCountdown', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2030-01-01T10:00:00Z') }));
  afterEach(() => {
    vi.useRealTimers();
    resetServerClock();
  });

  it('when time passes, then it counts down to expiresAt and announces the last seconds', () => {
    const onExpire = vi.fn();
    render(<HoldCountdown expiresAt={inSeconds(65)} onExpire={onExpire} />);
    const timer = screen.getByRole('timer', { name: 'Time left to confirm' });
    expect(timer).toHaveTextContent('1:05');

    elapse(35_000);
    expect(timer).toHaveTextContent('0:30');
    expect(screen.getByText('30 seconds left to confirm.')).toBeInTheDocument();

    elapse(20_000);
    expect(timer).toHaveTextContent('0:10');
    expect(screen.getByText('10 seconds left to confirm.')).toBeInTheDocument();
    expect(onExpire).not.toHaveBeenCalled();
  });

  it('when a hold is resumed with 40 s left, then screen readers hear 40 seconds, not a minute', () => {
    render(<HoldCountdown expiresAt={inSeconds(40)} onExpire={vi.fn()} />);
    expect(screen.getByText('40 seconds left to confirm.')).toBeInTheDocument();
    elapse(5_000);
    expect(screen.getByText('40 seconds left to confirm.')).toBeInTheDocument();
    elapse(5_000);
    expect(screen.getByText('30 seconds left to confirm.')).toBeInTheDocument();
  });

  it('when expiresAt is reached, then it shows 0:00 and reports the expiry exactly once', () => {
    const onExpire = vi.fn();
    render(<HoldCountdown expiresAt={inSeconds(3)} onExpire={onExpire} />);

    elapse(2_900);
    expect(onExpire).not.toHaveBeenCalled();
    elapse(200);
    expect(screen.getByRole('timer')).toHaveTextContent('0:00');
    expect(onExpire).toHaveBeenCalledTimes(1);

    elapse(5_000);
    expect(onExpire).toHaveBeenCalledTimes(1);
  });

  it('when this device clock is behind the server, then it counts to the server deadline, not a local one', () => {
    // The server's clock reads one minute ahead of ours.
    const serverTime = Date.now() + 60_000;
    observeServerTime(serverTime, Date.now(), Date.now());

    render(<HoldCountdown expiresAt={inSeconds(120, serverTime)} onExpire={() => {}} />);

    expect(screen.getByRole('timer')).toHaveTextContent('2:00');
  });

  it('when the hold already ran out (e.g. resumed after a long reload), then it ends at once', () => {
    const onExpire = vi.fn();
    render(<HoldCountdown expiresAt={inSeconds(-5)} onExpire={onExpire} />);
    expect(screen.getByRole('timer')).toHaveTextContent('0:00');
    expect(onExpire).toHaveBeenCalledTimes(1);
  });
});
