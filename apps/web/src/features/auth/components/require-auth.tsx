import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { Skeleton } from '@/components/ui/skeleton';
import { useAuth } from '../hooks/use-auth';

/** Lets signed-in people through; sends others to log in and brings them back afterwards. */
export function RequireAuth({ children, fallback }: { children: ReactNode; fallback?: ReactNode }) {
  const { status, retry } = useAuth();
  const location = useLocation();
  if (status === 'anonymous') return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (status === 'unreachable') {
    return (
      <Notice role="alert" title="Server unreachable" action={<Button onClick={retry}>Try again</Button>}>
        We could not check your session because the server does not answer.
      </Notice>
    );
  }
  if (status === 'loading') return fallback ?? <Skeleton className="h-40" />;
  return children;
}
