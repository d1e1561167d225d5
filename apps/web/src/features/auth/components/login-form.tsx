import { loginRequestSchema } from '@holdfast/contracts';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { hasCode } from '@/lib/api-error';
import { refusalErrors } from '@/lib/form-errors';
import { useContractForm } from '@/lib/use-contract-form';
import { useAuth } from '../hooks/use-auth';

export function LoginForm({ onLoggedIn }: { onLoggedIn: () => void }) {
  const { logIn } = useAuth();
  const { errors, submitting, onSubmit } = useContractForm({
    schema: loginRequestSchema,
    read: (data) => ({ email: data.get('email'), password: data.get('password') }),
    submit: async (request) => {
      await logIn(request);
      onLoggedIn();
    },
    refused: (error) =>
      hasCode(error, 'INVALID_CREDENTIALS') ? { _form: 'Wrong email or password.' } : refusalErrors(error),
  });

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="Log in">
      <FormAlert message={errors._form} />
      <Field label="Email" name="email" type="email" autoComplete="email" error={errors.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" error={errors.password} />
      <Button type="submit" disabled={submitting}>
        {submitting ? 'Logging in…' : 'Log in'}
      </Button>
    </form>
  );
}
