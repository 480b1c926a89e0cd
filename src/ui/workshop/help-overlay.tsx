import { useEffect, useRef } from 'preact/hooks';
import { KeyList } from '../shell/key-list';
import { WORKSHOP_KEYS } from './workshop-keys';

/** The keys, on request, in a modal dialog that keeps focus and closes with Escape. */
export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog ref={dialog} class="help" aria-labelledby="help-title" onClose={onClose} onCancel={onClose}>
      <h2 id="help-title">Keys for the presenter view</h2>
      <KeyList items={WORKSHOP_KEYS} class="help__keys" />
      <button type="button" class="button button--primary" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}
