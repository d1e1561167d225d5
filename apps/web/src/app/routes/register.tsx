import { Link, Navigate, useNavigate } from 'react-router';
import { Card } from '@/components/ui/card';
import { Page } from '@/components/ui/page';
import { RegisterForm } from '@/features/auth/components/register-form';
import { useAuth } from '@/features/auth/hooks/use-auth';
import { useReturnPath } from './login';

export function RegisterRoute() {
  const { status } = useAuth();
  const navigate = useNavigate();
  const returnTo = useReturnPath();
  if (status === 'authenticated') return <Navigate to={returnTo} replace />;
  return (
    <Page title="Create an account">
      <Card className="mx-auto flex w-full max-w-md flex-col gap-4">
        <RegisterForm onRegistered={() => void navigate(returnTo, { replace: true })} />
        <p className="text-sm">
          Already have an account?{' '}
          <Link to="/login" state={{ from: returnTo }} className="font-semibold text-indigo-700 underline">
            Log in
          </Link>
        </p>
      </Card>
    </Page>
  );
}
