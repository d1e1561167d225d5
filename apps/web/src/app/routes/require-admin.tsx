import type { ReactNode } from 'react';
import { RequireAuth } from '@/features/auth/components/require-auth';
import { useAuth } from '@/features/auth/hooks/use-auth';
import { Forbidden } from './forbidden';

/** The server enforces this too; here it only spares non-admins a screen of FORBIDDEN errors. */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  return <RequireAuth>{user?.role === 'admin' ? children : <Forbidden />}</RequireAuth>;
}
