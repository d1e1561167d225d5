import { loginRequestSchema } from '@holdfast/contracts';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldErrorsOf, hasCode } from '@/lib/api-error';
import { explainError } from '@/lib/explain-error';
import { zodFieldErrors, type FieldErrors } from '@/lib/form-errors';
import { useAuth } from '../hooks/auth-context';

export function LoginForm({ onLoggedIn }: { onLoggedIn: () => void }) {
  const { logIn } = useAuth();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = loginRequestSchema.safeParse({ email: data.get('email'), password: data.get('password') });
    setFormError(null);
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    setSubmitting(true);
    try {
      await logIn(parsed.data);
      onLoggedIn();
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      setFormError(hasCode(error, 'INVALID_CREDENTIALS') ? 'Wrong email or password.' : explainError(error));
      setSubmitting(false);
    }
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-4" aria-label="Log in">
      <FormAlert message={formError} />
      <Field label="Email" name="email" type="email" autoComplete="email" error={errors.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" error={errors.password} />
      <Button type="submit" disabled={submitting}>
        {submitting ? 'Logging in…' : 'Log in'}
      </Button>
    </form>
  );
}
