import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_TEXT } from '../../domain/records/fields';
import { clearPending, keepPending, readPending } from '../../state/pending-text';
import { Field } from '../logbook/field';
import { useDebouncedSave } from '../shell/use-debounced-save';

interface Props<V> {
  /** Names the text for its emergency copy, e.g. "session:ID:notes". */
  id: string;
  label: string;
  hint?: string;
  /** The stored text; updates from another window replace it unless the user is typing. */
  stored: string;
  /** The stored record the text belongs to: typing starts from this version (see storage/sessions.ts). */
  version: V;
  save: (text: string, base: V) => Promise<void>;
  rows?: number;
}

/**
 * A text box saved as you type, for notes that belong to a record rather than a draft: each
 * change reaches IndexedDB within a second (see useDebouncedSave).
 */
export function DebouncedText<V>({ id, label, hint, stored, version, save, rows = 4 }: Props<V>) {
  // Text typed last time but never saved (the page closed first) comes back, to be saved now.
  const [recovered] = useState(() => {
    const pending = readPending<string>(id);
    return pending && typeof pending.value === 'string' && pending.value !== stored ? pending.value : null;
  });
  const [text, setText] = useState(recovered ?? stored);
  const [dirty, setDirty] = useState(recovered !== null);
  // What was typed, as of the last key: a change stored elsewhere (another box of the same record)
  // can be rendered before the state set by that key, and must not put the older text back.
  const typed = useRef({ text, dirty });
  /** The version the typing started from: what another window changed since is kept beside it. */
  const base = useRef(version);
  const { status } = useDebouncedSave(
    text,
    dirty,
    async (value) => {
      await save(value, base.current);
      clearPending(id, value);
    },
    (value) => keepPending(id, value),
  );
  useEffect(() => {
    // Our own save coming back: nothing is unsaved any more. Someone else's change: take it,
    // unless the user is in the middle of typing here.
    if (stored === typed.current.text) {
      typed.current = { text: stored, dirty: false };
      setDirty(false);
      base.current = version;
      clearPending(id);
    } else if (!typed.current.dirty) {
      typed.current = { text: stored, dirty: false };
      setText(stored);
      base.current = version;
    }
  }, [stored, version]);
  return (
    <Field label={label} {...(hint ? { hint } : {})}>
      {({ id: fieldId, describedBy }) => (
        <>
          <textarea
            id={fieldId}
            rows={rows}
            maxLength={MAX_TEXT}
            aria-describedby={describedBy}
            value={text}
            onInput={(e) => {
              if (!typed.current.dirty) base.current = version;
              const value = (e.currentTarget as HTMLTextAreaElement).value;
              typed.current = { text: value, dirty: true };
              setText(value);
              setDirty(true);
            }}
          />
          <span class="autosave" role="status">
            {status.state === 'failed' ? `Not saved: ${status.message} What you wrote is still here.` : status.state === 'saved' && !dirty ? 'Saved' : ''}
          </span>
        </>
      )}
    </Field>
  );
}
