import { useState } from 'preact/hooks';

/**
 * A form's submit handler: one submission at a time, and a failure shown in the form with the
 * button free again. On success the button stays disabled, as the form is leaving the screen,
 * unless the form `stays` (adding one action after another, say).
 */
export function useSubmit(run: () => Promise<void>, { stays = false }: { stays?: boolean } = {}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await run();
      setError(null);
      if (stays) setBusy(false);
    } catch (problem) {
      setError((problem as Error).message);
      setBusy(false);
    }
  };
  return { submit, busy, error };
}
