import type { HTMLAttributes } from 'react';
import { cn } from './cn';

/** The translucent panel everything sits on. */
export function Card({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn('glass rounded-2xl p-5', className)} {...props} />;
}
