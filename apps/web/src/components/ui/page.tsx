import { m } from 'motion/react';
import type { ReactNode } from 'react';

/** Each screen slides in; MotionConfig in the providers turns this off for reduced-motion users. */
export function Page({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <m.section
      // Slide only, no fade: content is visible (and counted as painted) before the motion engine loads.
      initial={{ y: 8 }}
      animate={{ y: 0 }}
      transition={{ duration: 0.25, ease: 'easeOut' }}
      className="flex flex-col gap-5"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{title}</h1>
        {actions}
      </div>
      {children}
    </m.section>
  );
}
