/**
 * Everything the bench starts (API, child processes, the embedded server, scratch databases) registers how to
 * undo it here; main runs the undo list on success, failure and Ctrl-C alike, newest first.
 */
const undo: { name: string; run: () => Promise<void> | void }[] = [];

export function onCleanup(name: string, run: () => Promise<void> | void): () => void {
  const entry = { name, run };
  undo.push(entry);
  return () => {
    const at = undo.indexOf(entry);
    if (at >= 0) undo.splice(at, 1);
  };
}

export async function cleanUp(): Promise<void> {
  while (undo.length > 0) {
    const entry = undo.pop()!;
    try {
      await entry.run();
    } catch (error) {
      // E.g. Ctrl-C reached the embedded server too, which is shutting down (its folder goes all the same).
      console.error(`cleanup of ${entry.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
