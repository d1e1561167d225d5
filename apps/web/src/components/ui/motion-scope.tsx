import { LazyMotion, MotionConfig } from 'motion/react';
import type { ReactNode } from 'react';

const loadMotionFeatures = () => import('./motion-features').then((module) => module.default);

/**
 * Motion for the screens that animate with it (the booking steps). Kept out of the app's providers so that
 * the shows page, which animates with CSS alone, ships none of Motion in its initial JavaScript.
 */
export function MotionScope({ children }: { children: ReactNode }) {
  return (
    <LazyMotion features={loadMotionFeatures} strict>
      <MotionConfig reducedMotion="user">{children}</MotionConfig>
    </LazyMotion>
  );
}
