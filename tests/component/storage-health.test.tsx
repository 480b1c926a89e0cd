import { render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeBackup } from '../../src/domain/exports/backup';
import { restore } from '../../src/state/exports';
import { selectDatabase } from '../../src/state/logbook';
import { useNotices } from '../../src/state/notices';
import { checkNotVanished, checkSpace, noteEntryCount } from '../../src/state/storage-health';
import { Notices } from '../../src/ui/shell/notices';

function stubStorage(estimate: { usage: number; quota: number }, persist = vi.fn(async () => true)) {
  Object.defineProperty(navigator, 'storage', {
    configurable: true,
    value: { estimate: async () => estimate, persisted: async () => false, persist },
  });
  return persist;
}

afterEach(() => {
  useNotices.setState({ problem: null, warning: null, toast: null });
  Reflect.deleteProperty(navigator, 'storage');
});

describe('warnings before storage fails', () => {
  it('warns, with a way to save a backup, when the browser says little space is left', async () => {
    stubStorage({ usage: 40e6, quota: 40e6 + 12 * 1024 * 1024 });
    render(<Notices />);
    await checkSpace(true);
    const warning = await screen.findByTestId('warning-banner');
    expect(warning.textContent).toContain('almost out of storage space (about 12 MB left for the app)');
    expect(screen.getByRole('button', { name: 'Save a backup now' })).toBeTruthy();
    // And the warning goes once there is room again.
    stubStorage({ usage: 40e6, quota: 4e9 });
    await checkSpace(true);
    await waitFor(() => expect(screen.queryByTestId('warning-banner')).toBeNull());
  });

  it('says so when the logbook is found empty although it held entries here before, until entries are back', async () => {
    noteEntryCount(12);
    render(<Notices />);
    checkNotVanished(0);
    expect((await screen.findByTestId('warning-banner')).textContent).toContain('it held 12 entries when it was last used here');
    expect(screen.getByRole('link', { name: 'Restore a backup' })).toBeTruthy();
    useNotices.setState({ warning: null });
    // Still remembered after a reload, until the logbook holds entries again.
    checkNotVanished(0);
    expect(useNotices.getState().warning?.kind).toBe('vanished');
    useNotices.setState({ warning: null });
    checkNotVanished(3);
    checkNotVanished(0);
    expect(useNotices.getState().warning?.message).toContain('it held 3 entries');
    // Entries restored or written: the warning goes without being dismissed.
    noteEntryCount(3);
    await waitFor(() => expect(screen.queryByTestId('warning-banner')).toBeNull());
  });
});

describe('persistent storage', () => {
  it('is asked for before the first import, not only after the first entry', async () => {
    selectDatabase('persist-before-import');
    const persist = stubStorage({ usage: 0, quota: 4e9 });
    const result = await restore(makeBackup({ entries: [], actions: [], sessions: [], checkins: [] }, new Date(), '0.1.0'));
    expect(result.ok).toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
  });
});
