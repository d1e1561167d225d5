import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { Card } from '@/components/ui/card';
import { Page } from '@/components/ui/page';
import { LoginForm } from '@/features/auth/components/login-form';
import { useAuth } from '@/features/auth/hooks/use-auth';

/** Where to go after logging in: back to the page that sent us here, if any. */
export function useReturnPath(): string {
  const from = (useLocation().state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && from !== '/login' ? from : '/';
}

export function LoginRoute() {
  const { status, notice } = useAuth();
  const navigate = useNavigate();
  const returnTo = useReturnPath();
  if (status === 'authenticated') return <Navigate to={returnTo} replace />;
  return (
    <Page title="Log in">
      <Card className="mx-auto flex w-full max-w-md flex-col gap-4">
        {notice && (
          <p role="alert" className="rounded-xl bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
            {notice}
          </p>
        )}
        <LoginForm onLoggedIn={() => void navigate(returnTo, { replace: true })} />
        <p className="text-sm">
          New here?{' '}
          <Link to="/register" state={{ from: returnTo }} className="font-semibold text-indigo-700 underline">
            Create an account
          </Link>
        </p>
      </Card>
    </Page>
  );
}
