import { useEffect, useState } from 'preact/hooks';
import { Field } from '../logbook/field';
import { clearPending, keepPending, readPending } from '../../state/pending-text';
import { useDebouncedSave } from '../shell/use-debounced-save';

interface Props {
  /** Names the text for its emergency copy, e.g. "session:ID:notes". */
  id: string;
  label: string;
  hint?: string;
  /** The stored text; updates from another window replace it unless the user is typing. */
  stored: string;
  save: (text: string) => Promise<void>;
  rows?: number;
}

/** A text box saved as you type, for notes that belong to a session rather than a draft. */
export function DebouncedText({ id, label, hint, stored, save, rows = 4 }: Props) {
  // Text typed last time but never saved (the page closed first) comes back, to be saved now.
  const [recovered] = useState(() => {
    const pending = readPending<string>(id);
    return pending && typeof pending.value === 'string' && pending.value !== stored ? pending.value : null;
  });
  const [text, setText] = useState(recovered ?? stored);
  const [dirty, setDirty] = useState(recovered !== null);
  const { status } = useDebouncedSave(
    text,
    dirty,
    async (value) => {
      await save(value);
      clearPending(id, value);
    },
    (value) => keepPending(id, value),
  );
  useEffect(() => {
    // Our own save coming back: nothing is unsaved any more. Someone else's change: take it,
    // unless the user is in the middle of typing here.
    if (stored === text) {
      setDirty(false);
      clearPending(id);
    } else if (!dirty) setText(stored);
  }, [stored]);
  return (
    <Field label={label} {...(hint ? { hint } : {})}>
      {({ id, describedBy }) => (
        <>
          <textarea
            id={id}
            rows={rows}
            aria-describedby={describedBy}
            value={text}
            onInput={(e) => {
              setText((e.currentTarget as HTMLTextAreaElement).value);
              setDirty(true);
            }}
          />
          <span class="autosave" role="status">
            {status.state === 'failed' ? `Not saved: ${status.message}` : status.state === 'saved' ? 'Saved' : ''}
          </span>
        </>
      )}
    </Field>
  );
}
