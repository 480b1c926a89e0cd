import { keepDraftNow, saveDraft, type DraftHandle } from '../../state/drafts';
import { useDebouncedSave } from '../shell/use-debounced-save';

export type { SaveStatus as AutosaveStatus } from '../shell/use-debounced-save';

/** Keeps a form's draft on the device as the user types (see useDebouncedSave). */
export function useAutosave<T>(handle: DraftHandle | null, draft: T | null, dirty: boolean) {
  return useDebouncedSave(
    handle ? draft : null,
    dirty,
    (d) => saveDraft(handle as DraftHandle, d),
    (d) => keepDraftNow(handle as DraftHandle, d),
  );
}
