import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { zodFieldErrors, type FieldErrors } from './form-errors';

type ContractFormOptions<Schema extends z.ZodType> = {
  /** The contract's request schema, so the form refuses exactly what the API would. */
  schema: Schema;
  /** The form's inputs as the request the schema checks. */
  read: (data: FormData) => unknown;
  /** Sends the checked request; a throw means the server refused it. */
  submit: (request: z.output<Schema>) => Promise<unknown>;
  /** The server's refusal as messages by field, `_form` for one above the form. */
  refused: (error: unknown) => FieldErrors;
  /** Rewords the contract's messages where they read badly in a form (a blank field is "required"). */
  explainInvalid?: (errors: FieldErrors, data: FormData) => FieldErrors;
};

/** Submit machinery shared by every form: check against the contract, send, show what was refused. */
export function useContractForm<Schema extends z.ZodType>(options: ContractFormOptions<Schema>) {
  const { schema, read, submit, refused, explainInvalid } = options;
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = schema.safeParse(read(data));
    if (!parsed.success) {
      const invalid = zodFieldErrors(parsed.error);
      return setErrors(explainInvalid ? explainInvalid(invalid, data) : invalid);
    }
    setErrors({});
    setSubmitting(true);
    try {
      await submit(parsed.data);
    } catch (error) {
      setErrors(refused(error));
    } finally {
      setSubmitting(false);
    }
  }

  // A form ignores what its submit handler returns; a refusal ends up in `errors`, never as a rejection.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => void send(event);

  return { errors, submitting, onSubmit };
}
