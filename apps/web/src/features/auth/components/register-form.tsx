import { registerRequestSchema } from '@holdfast/contracts';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldErrorsOf, hasCode } from '@/lib/api-error';
import { explainError } from '@/lib/explain-error';
import { zodFieldErrors, type FieldErrors } from '@/lib/form-errors';
import { useAuth } from '../hooks/auth-context';

export function RegisterForm({ onRegistered }: { onRegistered: () => void }) {
  const { register } = useAuth();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = registerRequestSchema.safeParse({
      name: data.get('name'),
      email: data.get('email'),
      password: data.get('password'),
    });
    setFormError(null);
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    setSubmitting(true);
    try {
      await register(parsed.data);
      onRegistered();
    } catch (error) {
      if (hasCode(error, 'EMAIL_TAKEN')) setErrors({ email: 'An account with this email already exists. Log in instead.' });
      else {
        setErrors(fieldErrorsOf(error));
        setFormError(explainError(error));
      }
      setSubmitting(false);
    }
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-4" aria-label="Create account">
      <FormAlert message={formError} />
      <Field label="Name" name="name" autoComplete="name" error={errors.name} />
      <Field label="Email" name="email" type="email" autoComplete="email" error={errors.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters."
        error={errors.password}
      />
      <Button type="submit" disabled={submitting}>
        {submitting ? 'Creating account…' : 'Create account'}
      </Button>
    </form>
  );
}
