import { MIN_PASSWORD_CHARACTERS, registerRequestSchema } from '@holdfast/contracts';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { hasCode } from '@/lib/api-error';
import { refusalErrors } from '@/lib/form-errors';
import { useContractForm } from '@/lib/use-contract-form';
import { useAuth } from '../hooks/use-auth';

export function RegisterForm({ onRegistered }: { onRegistered: () => void }) {
  const { register } = useAuth();
  const { errors, submitting, onSubmit } = useContractForm({
    schema: registerRequestSchema,
    read: (data) => ({ name: data.get('name'), email: data.get('email'), password: data.get('password') }),
    submit: async (request) => {
      await register(request);
      onRegistered();
    },
    refused: (error) =>
      hasCode(error, 'EMAIL_TAKEN')
        ? { email: 'An account with this email already exists. Log in instead.' }
        : refusalErrors(error),
  });

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="Create account">
      <FormAlert message={errors._form} />
      <Field label="Name" name="name" autoComplete="name" error={errors.name} />
      <Field label="Email" name="email" type="email" autoComplete="email" error={errors.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_CHARACTERS} characters.`}
        error={errors.password}
      />
      <Button type="submit" disabled={submitting}>
        {submitting ? 'Creating account…' : 'Create account'}
      </Button>
    </form>
  );
}
