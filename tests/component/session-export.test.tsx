import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FORMATS } from '../../src/domain/exports/formats';
import type { SessionBundle } from '../../src/domain/exports/notes-document';
import { useNotices } from '../../src/state/notices';
import { SessionExport } from '../../src/ui/sessions/session-export';
import { session } from '../unit/notes-fixtures';

const bundle: SessionBundle = { session: session({ notes: 'Tea & <cake>\nat four' }), number: 1, cards: [], entries: [], review: [] };

/** Gives the page's navigator a browser feature it lacks here, until the test ends. */
function provide<K extends keyof Navigator>(name: K, value: unknown) {
  Object.defineProperty(navigator, name, { value, configurable: true });
}

afterEach(() => {
  for (const name of ['canShare', 'share', 'clipboard'] as const) Reflect.deleteProperty(navigator, name);
  vi.unstubAllGlobals();
  useNotices.setState({ toast: null, problem: null });
});

describe('sharing the notes', () => {
  it('is offered only where the browser can share a Word document', () => {
    render(<SessionExport bundle={bundle} />);
    expect(screen.queryByRole('button', { name: 'Share the notes' })).toBeNull();
    provide('canShare', ({ files }: ShareData) => files?.[0]?.type === FORMATS.word.mime);
    render(<SessionExport bundle={bundle} />);
    expect(screen.getByRole('button', { name: 'Share the notes' })).toBeTruthy();
  });

  it('hands the share sheet the Word file, and keeps it for a second press when the browser wants one', async () => {
    provide('canShare', () => true);
    const shared: File[] = [];
    const share = vi.fn(async ({ files }: ShareData) => {
      shared.push(files![0]!);
      if (shared.length === 1) throw new DOMException('No user activation', 'NotAllowedError');
    });
    provide('share', share);
    render(<SessionExport bundle={bundle} />);
    fireEvent.click(screen.getByRole('button', { name: 'Share the notes' }));
    await waitFor(() => expect(useNotices.getState().toast?.message).toBe('The notes are ready: press Share the notes again.'));
    fireEvent.click(screen.getByRole('button', { name: 'Share the notes' }));
    await waitFor(() => expect(useNotices.getState().toast?.message).toBe('Session notes shared.'));
    expect(shared[1]).toBe(shared[0]);
    expect(shared[0]!.name).toBe('power-shifting-session-2026-03-01-supervision-with-a-b.docx');
    expect(shared[0]!.type).toBe(FORMATS.word.mime);
    // A .docx is a zip file.
    expect([...new Uint8Array(await shared[0]!.arrayBuffer()).slice(0, 2)]).toEqual([0x50, 0x4b]);
    expect(useNotices.getState().problem).toBeNull();
  });
});

describe('copying the notes for email', () => {
  it('puts HTML and plain text on the clipboard in one item, at once, and says so', async () => {
    const written: Record<string, Blob>[] = [];
    vi.stubGlobal('ClipboardItem', class {
      constructor(readonly items: Record<string, Blob>) {}
    });
    provide('clipboard', { write: vi.fn(async (items: { items: Record<string, Blob> }[]) => void written.push(items[0]!.items)) });
    render(<SessionExport bundle={bundle} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy for email' }));
    // Nothing awaited before the write: browsers allow the clipboard only straight from the click.
    expect(written).toHaveLength(1);
    expect(Object.keys(written[0]!).sort()).toEqual(['text/html', 'text/plain']);
    expect(await written[0]!['text/html']!.text()).toContain('<p>Tea &amp; &lt;cake&gt;<br>at four</p>');
    expect(await written[0]!['text/plain']!.text()).toContain('Tea & <cake>\nat four');
    await waitFor(() => expect(useNotices.getState().toast?.message).toBe('Notes copied. Paste them into an email or a document.'));
  });

  it('says in plain words when the browser refuses', async () => {
    vi.stubGlobal('ClipboardItem', class {});
    provide('clipboard', { write: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')) });
    render(<SessionExport bundle={bundle} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy for email' }));
    await waitFor(() =>
      expect(useNotices.getState().problem?.message).toBe('The notes could not be copied: this browser did not allow it. Try Save as a document instead.'),
    );
  });
});
