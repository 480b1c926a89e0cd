import type { EntryDraft } from '../../domain/logbook/drafts';
import { keepDraftNow, saveDraft } from '../../state/logbook';
import { useDebouncedSave } from '../shell/use-debounced-save';

export type { SaveStatus as AutosaveStatus } from '../shell/use-debounced-save';

/** Keeps the entry form's draft on the device as the user types (see useDebouncedSave). */
export function useAutosave(key: string | null, draft: EntryDraft | null, dirty: boolean) {
  return useDebouncedSave(
    key ? draft : null,
    dirty,
    (d) => saveDraft(key as string, d),
    (d) => keepDraftNow(key as string, d),
  );
}
