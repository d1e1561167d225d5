import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FLASH_MS } from '../hooks/use-count-flash';
import { LiveCount } from './live-count';

/** Moves the fake clock on and lets React render what the timers caused. */
const elapse = (ms: number) =>
  act(() => {
    vi.advanceTimersByTime(ms);
  });

describe('LiveCount', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const count = () => screen.getByText('7', { exact: true });

  it('when first shown, then it reads "7 of 40 places left" and does not flash', () => {
    render(<LiveCount available={7} total={40} />);
    expect(screen.getByText(/of 40 places left/)).toHaveTextContent('7 of 40 places left');
    expect(count()).not.toHaveAttribute('data-flash');
  });

  it('when a show has one place, then it reads "1 of 1 place left", not "places"', () => {
    render(<LiveCount available={1} total={1} />);
    expect(screen.getByText(/of 1 place left/)).toHaveTextContent('1 of 1 place left');
  });

  it('when the count drops, then the new number flashes briefly and then settles', () => {
    const { rerender } = render(<LiveCount available={8} total={40} />);
    rerender(<LiveCount available={7} total={40} />);
    expect(count()).toHaveAttribute('data-flash', 'down');
    expect(count()).toHaveClass('flash');

    elapse(FLASH_MS + 10);
    expect(count()).not.toHaveAttribute('data-flash');
    expect(count()).not.toHaveClass('flash');
  });

  it('when the count rises, then it flashes upwards', () => {
    const { rerender } = render(<LiveCount available={6} total={40} />);
    rerender(<LiveCount available={7} total={40} />);
    expect(count()).toHaveAttribute('data-flash', 'up');
  });

  it('when re-rendered with the same count, then nothing flashes', () => {
    const { rerender } = render(<LiveCount available={7} total={40} />);
    rerender(<LiveCount available={7} total={40} />);
    expect(count()).not.toHaveAttribute('data-flash');
  });

  it('when the count changes from two digits to one, then its box keeps the same width', () => {
    const { rerender } = render(<LiveCount available={10} total={40} />);
    const before = screen.getByText('10').style.minWidth;
    rerender(<LiveCount available={7} total={40} />);
    expect(count().style.minWidth).toBe(before);
  });
});
