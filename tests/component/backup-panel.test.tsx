import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { selectDatabase } from '../../src/state/logbook';
import type { ExportFile } from '../../src/state/exports';
import type { SaveOutcome } from '../../src/ui/files/save-export';

/** Each save waits until the test lets it finish, as a big export does. */
const saves: { file: ExportFile; finish: (outcome: SaveOutcome) => void }[] = [];
vi.mock('../../src/ui/files/save-export', () => ({
  isTouch: () => false,
  saveExport: (file: ExportFile) => new Promise<SaveOutcome>((finish) => saves.push({ file, finish })),
}));
const { BackupPanel } = await import('../../src/ui/settings/backup-panel');

let n = 0;
beforeEach(() => {
  saves.length = 0;
  selectDatabase(`backup-panel-test-${++n}`);
});

describe('the backups and exports panel', () => {
  it('says a file is being made, and ignores other export clicks until it is saved', async () => {
    render(<BackupPanel />);
    const backUp = screen.getByRole('button', { name: 'Back up now' });
    const markdown = screen.getByRole('button', { name: 'Export logbook as Markdown' });
    fireEvent.click(backUp);
    expect(await screen.findByText('Making your backup… A large logbook takes a few seconds.')).toBeTruthy();
    expect(markdown.getAttribute('aria-disabled')).toBe('true');
    await waitFor(() => expect(saves).toHaveLength(1));

    fireEvent.click(markdown);
    fireEvent.click(backUp);
    // Long enough for a click that was not ignored to have started its own file.
    await new Promise((settle) => setTimeout(settle, 50));
    expect(screen.getByRole('status').textContent).toBe('Making your backup… A large logbook takes a few seconds.');
    expect(saves).toHaveLength(1);
    saves[0]!.finish('downloaded');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(''));
    expect(saves).toHaveLength(1);
    expect(saves[0]!.file.name).toMatch(/^power-shifting-backup/);
    expect(markdown.getAttribute('aria-disabled')).toBeNull();

    fireEvent.click(markdown);
    expect(await screen.findByText('Making the Markdown file… A large logbook takes a few seconds.')).toBeTruthy();
    await waitFor(() => expect(saves).toHaveLength(2));
    saves[1]!.finish('downloaded');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(''));
  });
});
