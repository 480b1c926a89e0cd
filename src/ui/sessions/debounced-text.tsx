import { useEffect, useState } from 'preact/hooks';
import { Field } from '../logbook/field';
import { useDebouncedSave } from '../shell/use-debounced-save';

interface Props {
  label: string;
  hint?: string;
  /** The stored text; updates from another window replace it unless the user is typing. */
  stored: string;
  save: (text: string) => Promise<void>;
  rows?: number;
}

/** A text box saved as you type, for notes that belong to a session rather than a draft. */
export function DebouncedText({ label, hint, stored, save, rows = 4 }: Props) {
  const [text, setText] = useState(stored);
  const [dirty, setDirty] = useState(false);
  const { status } = useDebouncedSave(text, dirty, save);
  useEffect(() => {
    // Our own save coming back: nothing is unsaved any more. Someone else's change: take it,
    // unless the user is in the middle of typing here.
    if (stored === text) setDirty(false);
    else if (!dirty) setText(stored);
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
