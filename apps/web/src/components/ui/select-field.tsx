import { useId, type SelectHTMLAttributes } from 'react';
import { cn } from './cn';

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  options: readonly string[];
  error?: string;
};

/** A labelled native select (keyboard and screen reader behaviour for free); its error tied as Field's is. */
export function SelectField({ label, options, error, className, id, ...props }: SelectFieldProps) {
  const generatedId = useId();
  const selectId = id ?? generatedId;
  const errorId = `${selectId}-error`;
  return (
    <div className={cn('flex min-w-0 flex-col gap-1', className)}>
      <label htmlFor={selectId} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={selectId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={cn(
          'min-h-11 w-full min-w-0 rounded-xl border bg-white/80 px-3 py-2 text-base',
          error ? 'border-rose-500' : 'border-indigo-200',
        )}
        {...props}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      {error && (
        <p id={errorId} className="text-sm text-rose-700">
          {error}
        </p>
      )}
    </div>
  );
}
