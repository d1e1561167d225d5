import { useState } from 'react';
import { Button } from '@/components/ui/button';

/** The reference, large enough to read out at a desk, and one click to copy it. */
export function ReceiptReference({ reference }: { reference: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(reference).then(
      () => setCopied('yes'),
      () => setCopied('no'),
    );
  return (
    <div className="flex flex-col items-start gap-2">
      <p className="text-sm font-semibold text-slate-700" id="receipt-reference-label">
        Reference
      </p>
      <p
        aria-labelledby="receipt-reference-label"
        className="font-mono text-4xl font-bold tracking-[0.2em] break-all text-indigo-950 select-all"
      >
        {reference}
      </p>
      <div className="flex items-center gap-3 print:hidden">
        <Button variant="secondary" onClick={() => void copy()}>
          Copy reference
        </Button>
        <span aria-live="polite" className="text-sm text-slate-700">
          {copied === 'yes' ? 'Copied' : copied === 'no' ? 'Could not copy: select it instead' : ''}
        </span>
      </div>
    </div>
  );
}
