import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ServerErrorNotice } from '@/components/ui/server-error-notice';
import { Skeleton } from '@/components/ui/skeleton';
import { useAuth } from '../hooks/use-auth';

/** Lets signed-in people through; sends others to log in and brings them back afterwards. */
export function RequireAuth({ children, fallback }: { children: ReactNode; fallback?: ReactNode }) {
  const { status, retry, error } = useAuth();
  const location = useLocation();
  if (status === 'anonymous') return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (status === 'unreachable') {
    return <ServerErrorNotice error={error} onRetry={retry} />;
  }
  if (status === 'loading') return fallback ?? <Skeleton className="h-40" />;
  return children;
}
