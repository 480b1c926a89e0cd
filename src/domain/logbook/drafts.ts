/** The entry form's working copy: what the user typed, before or instead of saving. */
import type { ActionRecord } from '../records/action';
import type { CardSnapshot, EntryRecord, EntryWithActions } from '../records/entry';
import { actionDefaults, entryDefaults } from '../records/restore';

type Bookkeeping = 'id' | 'createdAt' | 'updatedAt' | 'deleted' | 'clock';

/** The fields of an action a person fills in; `id` when it is already saved. */
export type ActionDraft = Omit<ActionRecord, Bookkeeping | 'entryId' | 'order'> & { id?: string };

export type EntryDraft = Omit<EntryRecord, Bookkeeping> & {
  /** Present when editing a saved entry. */
  id?: string;
  /**
   * The saved version this copy was made from. Saving merges field by field with whatever
   * was saved since (in another tab, say), instead of overwriting it.
   */
  base?: EntryWithActions;
  actions: ActionDraft[];
};

/** Fields that say what an entry is about, or how it is kept, rather than hold what someone wrote. */
const CONTEXT_FIELDS = new Set(['id', 'base', 'card', 'capabilityNumber', 'sessionId', 'actions', 'template', 'answers', 'private', 'cpdHours', 'participatoryHours', 'codeThemes', 'space']);

export function emptyAction(): ActionDraft {
  const { order: _order, ...fields } = actionDefaults();
  return fields;
}

export function emptyDraft(card?: CardSnapshot, capabilityNumber?: number): EntryDraft {
  return {
    ...(card ? { card, capabilityNumber: card.capabilityNumber } : {}),
    ...(capabilityNumber !== undefined && !card ? { capabilityNumber } : {}),
    ...entryDefaults(),
    actions: [],
  };
}

/** True when a value holds some writing: text that is not blank, anywhere inside it. */
function written(value: unknown): boolean {
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.some(written);
  if (value !== null && typeof value === 'object') return Object.values(value).some(written);
  return false;
}

export function isBlankAction({ id: _id, status: _status, ...fields }: ActionDraft): boolean {
  return !written(fields);
}

/** "Nothing is mandatory except something to save." */
export function hasContent(draft: EntryDraft): boolean {
  return (
    Object.entries(draft).some(([key, value]) => !CONTEXT_FIELDS.has(key) && written(value)) ||
    draft.answers.some((a) => written(a.text)) ||
    draft.actions.some((a) => !isBlankAction(a))
  );
}

/** Splits "housing, Young people ,housing" into distinct trimmed tags, keeping first spelling. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  return tags;
}
