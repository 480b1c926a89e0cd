/**
 * Drafts of what people are writing: kept in IndexedDB as they type (see
 * ui/shell/use-debounced-save.ts), one per tab and thing being written, and picked up again
 * after a reload, a closed tab or a crash. The localStorage copy made as a page goes (see
 * pending-text.ts) is moved into IndexedDB the next time the app starts.
 */
import { EARLIER_TAB } from '../storage/database';
import { draftKey, type DraftRecord } from '../storage/drafts';
import type { Unsubscribe } from '../storage/logbook';
import type { StorageProblem } from '../storage/storage-problem';
import { logbook } from './logbook';
import { clearPending, keepPending, pendingWith } from './pending-text';
import { currentTab, openTabs, tabId } from './tab';

export type { DraftRecord };

/** Which draft a form writes to. */
export interface DraftHandle {
  key: string;
  tab: string;
  target: string;
}

export interface Draft<T> {
  savedAt: string;
  value: T;
}

/** Another tab's draft of the same thing. */
export interface OtherDraft<T> extends Draft<T> {
  key: string;
  /** True while the tab that wrote it is still open. */
  open: boolean;
}

const PENDING = 'draft:';

export function handleOf(key: string): DraftHandle {
  const bar = key.indexOf('|');
  return bar < 0 ? { key: draftKey(EARLIER_TAB, key), tab: EARLIER_TAB, target: key } : { key, tab: key.slice(0, bar), target: key.slice(bar + 1) };
}

/** This tab's draft of a thing, known at once (see tab.ts). */
export function handleFor(target: string): DraftHandle {
  const tab = currentTab();
  return { key: draftKey(tab, target), tab, target };
}

let rescued: Promise<void> | undefined;

/** Moves copies kept in localStorage as pages went into IndexedDB, where they survive a crash. Once per start. */
export function rescueDrafts(): Promise<void> {
  rescued ??= (async () => {
    for (const { key, pending } of pendingWith<unknown>(PENDING)) {
      const handle = handleOf(key.slice(PENDING.length));
      const stored = await logbook().drafts.get(handle.key);
      if (!stored || stored.savedAt < pending.at) await logbook().drafts.put(handle.tab, handle.target, pending.value);
      clearPending(key);
    }
  })().catch(() => undefined);
  return rescued;
}

/**
 * The draft a form starts from in this tab: its own, or else the newest left by a tab that has
 * closed (which this tab takes over), and any others, which stay where they are.
 */
export async function openDraft<T>(target: string): Promise<{ handle: DraftHandle; draft?: Draft<T>; others: OtherDraft<T>[] }> {
  await rescueDrafts();
  const tab = await tabId();
  const handle = { key: draftKey(tab, target), tab, target };
  const all = await logbook().drafts.of(target);
  const open = await openTabs();
  let own: DraftRecord | undefined = all.find((d) => d.key === handle.key);
  const rest = all.filter((d) => d.key !== handle.key);
  if (!own) {
    const left = rest.find((d) => !open?.has(d.tab));
    if (left) {
      own = await logbook().drafts.move(left.key, tab, target);
      rest.splice(rest.indexOf(left), 1);
    }
  }
  return {
    handle,
    ...(own ? { draft: { savedAt: own.savedAt, value: own.value as T } } : {}),
    others: rest.map((d) => ({ key: d.key, savedAt: d.savedAt, value: d.value as T, open: !!open?.has(d.tab) })),
  };
}

/** A draft by its key (from the Logbook's list of drafts), and whether another open tab is writing it. */
export async function openDraftByKey<T>(key: string): Promise<{ handle: DraftHandle; draft?: Draft<T>; busy: boolean }> {
  await rescueDrafts();
  const handle = handleOf(key);
  const [record, tab, open] = await Promise.all([logbook().drafts.get(handle.key), tabId(), openTabs()]);
  return {
    handle,
    ...(record ? { draft: { savedAt: record.savedAt, value: record.value as T } } : {}),
    busy: handle.tab !== tab && !!open?.has(handle.tab),
  };
}

export async function saveDraft(handle: DraftHandle, value: unknown): Promise<void> {
  await logbook().drafts.put(handle.tab, handle.target, value);
  clearPending(PENDING + handle.key, value);
}

/** Writes the localStorage copy at once, for the moment a page is hidden or closed. */
export function keepDraftNow(handle: DraftHandle, value: unknown): void {
  keepPending(PENDING + handle.key, value);
}

/** Removes a draft: only this one, never another tab's draft of the same thing. */
export async function discardDraft(handle: DraftHandle): Promise<void> {
  clearPending(PENDING + handle.key);
  await logbook().drafts.remove(handle.key);
}

export function watchDrafts(onValue: (drafts: DraftRecord[]) => void, onError: (p: StorageProblem) => void): Unsubscribe {
  void rescueDrafts();
  return logbook().drafts.watchAll(onValue, onError);
}
