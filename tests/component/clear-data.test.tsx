import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { emptyDraft, type EntryDraft } from '../../src/domain/logbook/drafts';
import { handleOf, keepDraftNow, openDraft } from '../../src/state/drafts';
import { saveEntry, selectDatabase } from '../../src/state/logbook';
import { keepPending, readPending } from '../../src/state/pending-text';
import { ClearDataPanel } from '../../src/ui/settings/clear-data-panel';

describe('deleting all data', () => {
  it('leaves no draft or emergency copy of typed text behind', async () => {
    selectDatabase('clear-data-test');
    await saveEntry({ ...emptyDraft(), notes: 'A saved entry' });
    // Text typed on a page that closed before its save landed.
    keepDraftNow(handleOf('closed-tab|new:free'), { ...emptyDraft(), notes: 'Typed, never saved' });
    keepPending('session:s1:notes', 'Session notes never saved');
    expect((await openDraft<EntryDraft>('new:free')).draft?.value.notes).toBe('Typed, never saved');

    render(<ClearDataPanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete all data…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Delete everything' })).toBeNull());

    expect((await openDraft('new:free')).draft).toBeUndefined();
    expect(readPending('session:s1:notes')).toBeUndefined();
  });
});
