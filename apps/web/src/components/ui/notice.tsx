import type { ReactNode } from 'react';
import { Card } from './card';

type NoticeProps = { title: string; children?: ReactNode; action?: ReactNode; role?: 'alert' | 'status' };

/** Empty states, errors and "server unreachable": a heading, plain words, and what to do next. */
export function Notice({ title, children, action, role }: NoticeProps) {
  return (
    <Card role={role} className="flex flex-col items-start gap-3 text-left">
      <h2 className="text-lg font-semibold">{title}</h2>
      {children && <div className="text-slate-700">{children}</div>}
      {action}
    </Card>
  );
}
