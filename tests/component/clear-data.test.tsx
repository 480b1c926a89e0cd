import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { emptyDraft } from '../../src/domain/logbook/drafts';
import { loadDraft, saveEntry, selectDatabase } from '../../src/state/logbook';
import { keepPending, readPending } from '../../src/state/pending-text';
import { ClearDataPanel } from '../../src/ui/settings/clear-data-panel';

describe('deleting all data', () => {
  it('leaves no draft or emergency copy of typed text behind', async () => {
    selectDatabase('clear-data-test');
    await saveEntry({ ...emptyDraft(), notes: 'A saved entry' });
    // Text typed on a page that closed before its save landed.
    keepPending('draft:new:free', { ...emptyDraft(), notes: 'Typed, never saved' });
    keepPending('session:s1:notes', 'Session notes never saved');
    expect((await loadDraft('new:free'))?.draft.notes).toBe('Typed, never saved');

    render(<ClearDataPanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete all data…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Delete everything' })).toBeNull());

    expect(await loadDraft('new:free')).toBeUndefined();
    expect(readPending('session:s1:notes')).toBeUndefined();
  });
});
