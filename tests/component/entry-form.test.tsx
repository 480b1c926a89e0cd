import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { emptyDraft } from '../../src/domain/logbook/drafts';
import { getEntry, saveEntry, selectDatabase, watchRecent } from '../../src/state/logbook';
import { EntryFormScreen } from '../../src/ui/logbook/entry-form-screen';
import type { EntryWithActions } from '../../src/domain/records/entry';

let n = 0;
beforeEach(() => selectDatabase(`form-test-${++n}`));

function entries(): Promise<EntryWithActions[]> {
  return new Promise((resolve) => {
    const stop = watchRecent(
      100,
      (items) => {
        resolve(items);
        queueMicrotask(() => stop());
      },
      () => resolve([]),
    );
  });
}

const type = (label: string | RegExp, value: string, index = 0) =>
  fireEvent.input(screen.getAllByLabelText(label)[index]!, { target: { value } });

describe('the reflection form', () => {
  it('attaches the card and saves community, reflection, actions and tags', async () => {
    render(<EntryFormScreen cardId="cap-09-community-2" />);
    expect(await screen.findByRole('heading', { name: 'Reflect on this card' })).toBeTruthy();
    expect(screen.getByLabelText('The card').textContent).toContain('develop their own measures');
    type('Which community are you working with?', 'Wythenshawe youth forum');
    type('What does this look like where you work?', 'Measures are set for them, not with them.');
    fireEvent.click(screen.getByRole('button', { name: 'Add an action' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add an action' }));
    type('What will you do?', 'Co-design three measures', 0);
    type('Who with, or who owns it?', 'Youth workers', 0);
    type('By when?', '2027-01-15', 0);
    type('What will you do?', 'Share them with the board', 1);
    fireEvent.click(screen.getByRole('button', { name: 'Remove action 2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add an action' }));
    type('What will you do?', 'Report back to the forum', 1);
    type('Tags (optional)', 'measures,  youth , Measures');
    fireEvent.click(screen.getByRole('button', { name: 'Save to logbook' }));

    await waitFor(() => expect(location.hash).toMatch(/^#\/logbook\/entry\//));
    const [saved] = await entries();
    expect(saved!.entry).toMatchObject({
      community: 'Wythenshawe youth forum',
      reflection: 'Measures are set for them, not with them.',
      tags: ['measures', 'youth'],
      card: { cardId: 'cap-09-community-2', capabilityNumber: 9, groupId: 'community' },
    });
    expect(saved!.actions.map((a) => [a.what, a.owner, a.due, a.status])).toEqual([
      ['Co-design three measures', 'Youth workers', '2027-01-15', 'planned'],
      ['Report back to the forum', '', '', 'planned'],
    ]);
  });

  it('asks for something before saving, and saves nothing', async () => {
    render(<EntryFormScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save to logbook' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Write something before saving: any field will do.');
    expect(await entries()).toEqual([]);
  });

  it('offers communities written before', async () => {
    render(<EntryFormScreen />);
    await screen.findByRole('heading', { name: 'Write a free note' });
    type('Which community are you working with?', 'Old Trafford mums group');
    fireEvent.click(screen.getByRole('button', { name: 'Save to logbook' }));
    await waitFor(() => expect(location.hash).toMatch(/^#\/logbook\/entry\//));
    const { unmount } = render(<EntryFormScreen cardId="cap-01-public-1" />);
    await screen.findByRole('heading', { name: 'Reflect on this card' });
    await waitFor(() => {
      const options = [...document.querySelectorAll('#known-communities option')].map((o) => o.getAttribute('value'));
      expect(options).toContain('Old Trafford mums group');
    });
    unmount();
  });

  it('edits a saved entry and keeps the card text when the card has left the deck', async () => {
    const saved = await saveEntry({
      ...emptyDraft({
        deckId: 'power-shifting',
        cardId: 'cap-99-public-1',
        capabilityNumber: 99,
        capabilityHeading: 'A capability that was withdrawn',
        groupId: 'public',
        groupName: 'Public service leaders',
        text: 'A task that is no longer printed',
      }),
      notes: 'first version',
    });
    render(<EntryFormScreen entryId={saved.entry.id} />);
    expect(await screen.findByRole('heading', { name: 'Edit entry' })).toBeTruthy();
    const card = screen.getByLabelText('The card');
    expect(card.textContent).toContain('A task that is no longer printed');
    // Said once every deck has been looked in (the decks beyond the first load on demand).
    await waitFor(() => expect(card.textContent).toContain('This card is no longer in the deck'));
    expect((screen.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('first version');
    type('Notes', 'second version');
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(async () => expect((await getEntry(saved.entry.id))?.entry.notes).toBe('second version'));
    expect((await entries()).map((e) => e.entry.id)).toEqual([saved.entry.id]);
  });
});
