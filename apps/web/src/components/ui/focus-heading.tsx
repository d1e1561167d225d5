import { useLayoutEffect, useRef, type HTMLAttributes } from 'react';
import { cn } from './cn';

type FocusHeadingProps = HTMLAttributes<HTMLHeadingElement> & { level?: 2 | 3 };

/**
 * The heading of what an action led to (a hold, a confirmation, a cancel): it takes focus when it appears, so
 * keyboard and screen-reader users land on the outcome instead of on <body> when the button they used is gone.
 * A layout effect moves focus in the same commit that adds the heading: a passive effect runs a task later, so
 * for a moment (longer on a loaded machine) the heading was on screen while focus was still on <body>.
 */
export function FocusHeading({ level = 3, className, ...props }: FocusHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => ref.current?.focus(), []);
  const Tag = level === 2 ? 'h2' : 'h3';
  return <Tag ref={ref} tabIndex={-1} className={cn('outline-none focus-visible:ring-2', className)} {...props} />;
}
