import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { DownloadedFile } from '@/lib/api-client';
import { explainError } from '@/lib/explain-error';
import { saveFile } from '@/lib/save-file';

/** Fetches a file with the session's token and saves it; says why when the server refuses. */
export function DownloadButton({
  label,
  fileName,
  download,
}: {
  label: string;
  /** Used when the server names no file. */
  fileName: string;
  download: () => Promise<DownloadedFile>;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const file = await download();
      saveFile(file.blob, file.fileName ?? fileName);
    } catch (failure) {
      setError(explainError(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="flex flex-col gap-1">
      <Button variant="secondary" aria-busy={busy} disabled={busy} onClick={() => void start()}>
        {busy ? 'Preparing…' : label}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-rose-700">
          {error}
        </p>
      )}
    </div>
  );
}
