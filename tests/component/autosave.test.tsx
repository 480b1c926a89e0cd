import { act, render } from '@testing-library/preact';
import { useMemo } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyDraft, type EntryDraft } from '../../src/domain/logbook/drafts';
import { flushAll } from '../../src/state/flush';

const saved: { key: string; draft: EntryDraft }[] = [];
const keptNow: string[] = [];
/** A save lands when this settles: a test can hold it back, as a slow device does. */
let landing: Promise<void> = Promise.resolve();
vi.mock('../../src/state/logbook', () => ({
  saveDraft: vi.fn(async (key: string, draft: EntryDraft) => {
    saved.push({ key, draft });
    await landing;
  }),
  keepDraftNow: vi.fn((_key: string, draft: EntryDraft) => {
    keptNow.push(draft.notes);
  }),
}));

const { useAutosave } = await import('../../src/ui/logbook/use-autosave');

function Harness({ text, dirty = true }: { text: string; dirty?: boolean }) {
  useAutosave('new:free', { ...emptyDraft(), notes: text }, dirty);
  return null;
}

/** Like the entry form, the draft object changes only when the text does. */
function StableHarness({ text }: { text: string }) {
  const draft = useMemo(() => ({ ...emptyDraft(), notes: text }), [text]);
  useAutosave('new:free', draft, true);
  return null;
}

describe('draft autosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    saved.length = 0;
    keptNow.length = 0;
  });
  afterEach(() => vi.useRealTimers());

  it('waits for a pause in typing, then saves only the latest text', async () => {
    const { rerender } = render(<Harness text="a" />);
    rerender(<Harness text="ab" />);
    rerender(<Harness text="abc" />);
    await act(async () => void (await vi.advanceTimersByTimeAsync(300)));
    expect(saved).toEqual([]);
    await act(async () => void (await vi.advanceTimersByTimeAsync(200)));
    expect(saved.map((s) => s.draft.notes)).toEqual(['abc']);
  });

  it('keeps an emergency copy of text whose save has started but not landed when the page goes', async () => {
    let land = () => undefined as void;
    landing = new Promise((settle) => (land = settle));
    try {
      render(<StableHarness text="typed" />);
      await act(async () => void (await vi.advanceTimersByTimeAsync(500)));
      // The save is under way: the page going now could stop it before it lands.
      expect(saved.map((s) => s.draft.notes)).toEqual(['typed']);
      await act(async () => void window.dispatchEvent(new Event('pagehide')));
      expect(keptNow).toEqual(['typed']);
    } finally {
      land();
      landing = Promise.resolve();
    }
  });

  it('does not save a form the user has not changed', async () => {
    render(<Harness text="loaded" dirty={false} />);
    await act(async () => void (await vi.advanceTimersByTimeAsync(2000)));
    expect(saved).toEqual([]);
  });

  it('saves at once when the page is hidden', async () => {
    render(<Harness text="typed" />);
    await act(async () => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(saved.map((s) => s.draft.notes)).toEqual(['typed']);
    // …and keeps a synchronous emergency copy in case the page goes before the save lands.
    expect(keptNow).toEqual(['typed']);
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  });

  it('saves at once on pagehide, on leaving the form, and when the app asks (before an update)', async () => {
    const { rerender, unmount } = render(<Harness text="one" />);
    await act(async () => void window.dispatchEvent(new Event('pagehide')));
    expect(saved.map((s) => s.draft.notes)).toEqual(['one']);
    rerender(<Harness text="two" />);
    await act(() => flushAll());
    expect(saved.map((s) => s.draft.notes)).toEqual(['one', 'two']);
    rerender(<Harness text="three" />);
    await act(async () => void unmount());
    expect(saved.map((s) => s.draft.notes)).toEqual(['one', 'two', 'three']);
    await act(async () => void (await vi.advanceTimersByTimeAsync(2000)));
    expect(saved).toHaveLength(3);
  });
});
