/** The form's working copy: what the user typed, before or instead of saving. */
import type { ActionStatus, CardSnapshot, FollowUp } from './records';

export interface ActionDraft {
  /** Present when editing an action already saved. */
  id?: string;
  what: string;
  owner: string;
  due: string;
  status: ActionStatus;
  followUp: FollowUp;
}

export interface EntryDraft {
  /** Present when editing a saved entry. */
  id?: string;
  card?: CardSnapshot;
  capabilityNumber?: number;
  sessionId?: string;
  community: string;
  reflection: string;
  notes: string;
  tags: string[];
  actions: ActionDraft[];
}

export function emptyAction(): ActionDraft {
  return { what: '', owner: '', due: '', status: 'planned', followUp: { happened: '', learned: '' } };
}

export function emptyDraft(card?: CardSnapshot, capabilityNumber?: number): EntryDraft {
  return {
    ...(card ? { card, capabilityNumber: card.capabilityNumber } : {}),
    ...(capabilityNumber !== undefined && !card ? { capabilityNumber } : {}),
    community: '',
    reflection: '',
    notes: '',
    tags: [],
    actions: [],
  };
}

const filled = (text: string) => text.trim().length > 0;

export function isBlankAction(action: ActionDraft): boolean {
  return ![action.what, action.owner, action.due, action.followUp.happened, action.followUp.learned].some(filled);
}

/** "Nothing is mandatory except something to save." */
export function hasContent(draft: EntryDraft): boolean {
  return (
    [draft.community, draft.reflection, draft.notes].some(filled) ||
    draft.tags.some(filled) ||
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
