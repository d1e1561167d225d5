import { createBookingRequestSchema, MAX_QUANTITY } from '@holdfast/contracts';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { formatPlaces } from '@/lib/format';

type QuantityFormProps = {
  showId: number;
  availableSlots: number;
  busy: boolean;
  serverError?: string;
  onBook: (quantity: number) => void;
};

export function QuantityForm({ showId, availableSlots, busy, serverError, onBook }: QuantityFormProps) {
  const [quantity, setQuantity] = useState('1');
  const [error, setError] = useState<string | undefined>();
  const max = Math.max(1, Math.min(MAX_QUANTITY, availableSlots));

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = createBookingRequestSchema.safeParse({
      showId,
      quantity: quantity === '' ? undefined : Number(quantity),
    });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    if (parsed.data.quantity > availableSlots) return setError(`Only ${formatPlaces(availableSlots)} left.`);
    setError(undefined);
    onBook(parsed.data.quantity);
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-3 sm:flex-row sm:items-start">
      <Field
        label="Quantity"
        type="number"
        inputMode="numeric"
        min={1}
        max={max}
        step={1}
        value={quantity}
        onChange={(event) => setQuantity(event.target.value)}
        error={error ?? serverError}
        hint={`Up to ${formatPlaces(max)} at once.`}
        className="sm:w-40"
      />
      <Button type="submit" disabled={busy} className="sm:mt-6">
        {busy ? 'Holding…' : 'Book'}
      </Button>
    </form>
  );
}
