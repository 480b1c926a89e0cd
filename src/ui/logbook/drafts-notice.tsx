import { useEffect, useState } from 'preact/hooks';
import { formatTime } from '../../domain/dates';
import type { EntryDraft } from '../../domain/logbook/drafts';
import { watchDrafts, type DraftRecord } from '../../state/drafts';
import { tabId } from '../../state/tab';
import { paths } from '../routing/routes';
import { useLive } from '../shell/use-live';
import type { FollowUpDraft } from './follow-up-fields';

/** Where a draft is opened: this tab's own through its usual screen, any other by its key. */
function hrefOf(draft: DraftRecord, tab: string | null): string {
  const { target } = draft;
  if (draft.tab === tab) {
    if (target.startsWith('edit:')) return paths.entry(target.slice(5));
    if (target.startsWith('new:card:')) return paths.newEntry(target.slice(9));
    if (target === 'new:free') return paths.newEntry();
    if (target.startsWith('followup:')) return paths.actions();
  }
  return paths.draft(draft.key);
}

function titleOf(draft: DraftRecord): string {
  if (draft.target.startsWith('followup:')) {
    const value = draft.value as FollowUpDraft;
    return `Follow-up to “${value.base?.what || 'an action'}”`;
  }
  const value = draft.value as EntryDraft;
  const words = (value.card?.text ?? (value.reflection || value.notes) ?? '').trim();
  if (!words) return 'Untitled draft';
  return words.length > 90 ? `${words.slice(0, 90)}…` : words;
}

/** Every draft kept on the device, from this window or any other: each always reachable from here. */
export function DraftsNotice() {
  const drafts = useLive(watchDrafts, []);
  const [tab, setTab] = useState<string | null>(null);
  useEffect(() => void tabId().then(setTab), []);
  const list = [...(drafts.value ?? [])].sort((a, b) => (a.savedAt < b.savedAt ? 1 : -1));
  if (!list.length) return null;
  return (
    <div class="notice" data-testid="drafts-notice">
      <p>You have {list.length === 1 ? 'an unsaved draft' : `${list.length} unsaved drafts`}, kept on this device:</p>
      <ul class="drafts">
        {list.map((d) => (
          <li key={d.key}>
            <a href={hrefOf(d, tab)}>{titleOf(d)}</a>{' '}
            <span class="muted">
              ({formatTime(d.savedAt)}
              {d.tab !== tab ? ', from another window' : ''})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
