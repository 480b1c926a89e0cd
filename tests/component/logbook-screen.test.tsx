import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { emptyAction, emptyDraft } from '../../src/domain/logbook/drafts';
import { saveEntry, selectDatabase } from '../../src/state/logbook';
import { LogbookScreen } from '../../src/ui/logbook/logbook-screen';
import { Notices } from '../../src/ui/shell/notices';

let n = 0;
beforeEach(() => selectDatabase(`list-test-${++n}`));

describe('the logbook list', () => {
  it('teaches the next step when empty', async () => {
    render(<LogbookScreen />);
    expect(await screen.findByRole('heading', { name: 'Your logbook is empty' })).toBeTruthy();
    expect(screen.getAllByRole('link', { name: 'Deal a card' }).length).toBeGreaterThan(0);
  });

  it('lists entries newest first under a day heading, and searches as you type', async () => {
    await saveEntry({ ...emptyDraft(), community: 'Ardwick', notes: 'older note about benches' });
    await new Promise((r) => setTimeout(r, 5));
    await saveEntry({
      ...emptyDraft(undefined, 4),
      community: 'Gorton',
      reflection: 'Newer reflection',
      tags: ['parks'],
      actions: [{ ...emptyAction(), what: 'Ask about the park', status: 'done' }],
    });
    render(<LogbookScreen />);
    await waitFor(() => expect(screen.getAllByTestId('entry-summary')).toHaveLength(2));
    const [first, second] = screen.getAllByTestId('entry-summary');
    expect(first!.textContent).toContain('Gorton');
    expect(first!.textContent).toContain('1 action: 0 open, 1 done');
    expect(second!.textContent).toContain('Ardwick');
    expect(screen.getByRole('heading', { level: 2, name: 'Today' })).toBeTruthy();

    fireEvent.input(screen.getByLabelText('Search your logbook'), { target: { value: 'BENCH' } });
    await waitFor(() => expect(screen.getAllByTestId('entry-summary')).toHaveLength(1));
    expect(screen.getByText('1 of 2 entries match')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Search your logbook'), { target: { value: '' } });
    await waitFor(() => expect(screen.getAllByTestId('entry-summary')).toHaveLength(2));
    const tag = screen.getByLabelText('Tag') as HTMLSelectElement;
    tag.value = 'parks';
    // happy-dom only delivers a select's change event when it is dispatched as a real Event.
    await act(() => void tag.dispatchEvent(new Event('change', { bubbles: true })));
    await waitFor(() => expect(screen.getAllByTestId('entry-summary')).toHaveLength(1));
    expect(screen.getByTestId('entry-summary').textContent).toContain('Gorton');
  });

  it('shows more entries without clearing the list, so the button keeps its focus', async () => {
    for (let i = 0; i < 120; i++) await saveEntry({ ...emptyDraft(), community: `Group ${i}` });
    render(<LogbookScreen />);
    await waitFor(() => expect(screen.getAllByTestId('entry-summary')).toHaveLength(50));
    await screen.findByText('120 entries');
    const more = screen.getByRole('button', { name: 'Show 50 more' });
    more.focus();
    fireEvent.click(more);
    expect(screen.queryByText('Opening your logbook…')).toBeNull();
    expect(screen.getAllByTestId('entry-summary')).toHaveLength(50);
    await waitFor(() => expect(screen.getAllByTestId('entry-summary')).toHaveLength(100));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Show 20 more' }));
    expect(screen.getByText('120 entries')).toBeTruthy();
  });

  it('deletes an entry and brings it back with Undo', async () => {
    await saveEntry({ ...emptyDraft(), notes: 'keep me really' });
    render(
      <>
        <LogbookScreen />
        <Notices />
      </>,
    );
    const item = await screen.findByTestId('entry-summary');
    fireEvent.click(within(item).getByRole('button', { name: /^Delete/ }));
    expect(await screen.findByRole('heading', { name: 'Your logbook is empty' })).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    expect((await screen.findByTestId('entry-summary')).textContent).toContain('keep me really');
  });
});
