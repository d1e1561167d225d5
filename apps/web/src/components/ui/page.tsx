import type { ReactNode } from 'react';

/**
 * Each screen slides in with a CSS animation (index.css `page-in`), off for reduced-motion users: no fade, so
 * the content counts as painted at once, and no animation library in the first page's JavaScript.
 */
export function Page({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="page-in flex flex-col gap-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{title}</h1>
        {actions}
      </div>
      {children}
    </section>
  );
}
