import { act, render } from '@testing-library/preact';
import { useMemo } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyDraft, type EntryDraft } from '../../src/domain/logbook/drafts';
import type { DraftHandle } from '../../src/state/drafts';
import { flushAll } from '../../src/state/flush';

const saved: { key: string; draft: EntryDraft; at: number }[] = [];
const keptNow: string[] = [];
/** A save lands when this settles: a test can hold it back, as a slow device does. */
let landing: Promise<void> = Promise.resolve();
vi.mock('../../src/state/drafts', () => ({
  saveDraft: vi.fn(async (handle: DraftHandle, draft: EntryDraft) => {
    saved.push({ key: handle.key, draft, at: Date.now() });
    await landing;
  }),
  keepDraftNow: vi.fn((_handle: DraftHandle, draft: EntryDraft) => {
    keptNow.push(draft.notes);
  }),
}));

const { useAutosave } = await import('../../src/ui/logbook/use-autosave');
const HANDLE: DraftHandle = { key: 'tab|new:free', tab: 'tab', target: 'new:free' };

function Harness({ text, dirty = true }: { text: string; dirty?: boolean }) {
  useAutosave(HANDLE, { ...emptyDraft(), notes: text }, dirty);
  return null;
}

/** Like the entry form, the draft object changes only when the text does. */
function StableHarness({ text }: { text: string }) {
  const draft = useMemo(() => ({ ...emptyDraft(), notes: text }), [text]);
  useAutosave(HANDLE, draft, true);
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
    await act(async () => void (await vi.advanceTimersByTimeAsync(250)));
    expect(saved).toEqual([]);
    await act(async () => void (await vi.advanceTimersByTimeAsync(100)));
    expect(saved.map((s) => s.draft.notes)).toEqual(['abc']);
  });

  it('saves during steady typing with no pause, never more than a second after a key', async () => {
    const start = Date.now();
    let text = '';
    const { rerender } = render(<StableHarness text={text} />);
    const typedAt: number[] = [];
    // A key every 150 ms for ten seconds: never a pause long enough to wait for.
    for (let i = 0; i < 66; i++) {
      text += 'x';
      typedAt.push(Date.now());
      rerender(<StableHarness text={text} />);
      await act(async () => void (await vi.advanceTimersByTimeAsync(150)));
    }
    await act(async () => void (await vi.advanceTimersByTimeAsync(1000)));
    expect(saved.length).toBeGreaterThan(10);
    // Every key was in a save that started within a second of it.
    typedAt.forEach((at, i) => {
      const save = saved.find((s) => s.draft.notes.length > i);
      expect(save, `key ${i}`).toBeDefined();
      expect(save!.at - at, `key ${i} at ${at - start} ms`).toBeLessThanOrEqual(1000);
    });
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
