import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { emptyAction, emptyDraft } from '../../src/domain/logbook/drafts';
import { logbook, saveEntry, selectDatabase } from '../../src/state/logbook';
import { ActionsScreen } from '../../src/ui/logbook/actions-screen';

let n = 0;
beforeEach(() => selectDatabase(`actions-test-${++n}`));

describe('the actions screen', () => {
  it('draws open actions fifty at a time, overdue first, with the full count', async () => {
    await saveEntry({ ...emptyDraft(), actions: [{ ...emptyAction(), what: 'Long overdue', due: '2020-01-01' }] });
    for (let i = 0; i < 59; i++) {
      await saveEntry({ ...emptyDraft(), actions: [{ ...emptyAction(), what: `Action ${i}` }, { ...emptyAction(), what: 'Finished', status: 'done' }] });
    }
    render(<ActionsScreen />);
    expect(await screen.findByText('60 open actions, 1 overdue')).toBeTruthy();
    const items = () => screen.getAllByRole('listitem').filter((li) => li.closest('.action-list'));
    expect(items()).toHaveLength(50);
    expect(items()[0]!.textContent).toContain('Long overdue');
    expect(screen.queryByText('Finished')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show 10 more' }));
    expect(screen.queryByText('Opening your logbook…')).toBeNull();
    await waitFor(() => expect(items()).toHaveLength(60));
    expect(screen.queryByRole('button', { name: /more$/ })).toBeNull();
  });

  it('keeps a follow-up typed but not saved, and brings it back with its form open', async () => {
    const saved = await saveEntry({ ...emptyDraft(), actions: [{ ...emptyAction(), what: 'Visit the forum' }] });
    const first = render(<ActionsScreen />);
    fireEvent.click(await screen.findByRole('button', { name: /^Mark done/ }));
    fireEvent.input(screen.getByLabelText('What happened?'), { target: { value: 'Went on a Tuesday.' } });
    // The page closes before anything is saved.
    fireEvent(window, new Event('pagehide'));
    first.unmount();

    render(<ActionsScreen />);
    expect(((await screen.findByLabelText('What happened?')) as HTMLTextAreaElement).value).toBe('Went on a Tuesday.');
    expect(screen.getByText(/What you had typed here before is back/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save as done' }));
    expect(await screen.findByText('No open actions')).toBeTruthy();
    await waitFor(() => expect(Object.keys(localStorage).filter((k) => k.includes('followup:'))).toEqual([]));
    expect(await logbook().drafts.of(`followup:${saved.actions[0]!.id}`)).toEqual([]);
  });

  it('keeps a follow-up in IndexedDB as it is typed, with no page-hide copy needed', async () => {
    const saved = await saveEntry({ ...emptyDraft(), actions: [{ ...emptyAction(), what: 'Visit the forum' }] });
    render(<ActionsScreen />);
    fireEvent.click(await screen.findByRole('button', { name: /^Mark done/ }));
    fireEvent.input(screen.getByLabelText('What happened?'), { target: { value: 'Went on a Tuesday.' } });
    // Within a second, without the page going anywhere, the draft is in the database.
    await waitFor(async () => {
      const [draft] = await logbook().drafts.of(`followup:${saved.actions[0]!.id}`);
      expect((draft?.value as { happened?: string } | undefined)?.happened).toBe('Went on a Tuesday.');
    }, { timeout: 1000 });
    expect(Object.keys(localStorage).filter((k) => k.includes('followup:'))).toEqual([]);
  });
});
