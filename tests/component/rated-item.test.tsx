import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { CHECKIN, withEvidence, withRating, type CheckinRecord } from '../../src/domain/records/checkin';
import { mergeRecords, writeRecord } from '../../src/domain/records/merge';
import { checkinDefaults } from '../../src/domain/records/restore';
import { RatedItem } from '../../src/ui/checkins/rated-item';

const base: CheckinRecord = {
  ...checkinDefaults(),
  id: 'C1',
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-01T09:00:00.000Z',
  deleted: 0,
  deckId: 'power-shifting',
  community: 'Hulme',
  date: '2026-03-01',
};
const at = (device: string, iso: string) => ({ device, now: new Date(iso) });

describe('a rated statement', () => {
  it('shows its rating as the checked choice and its evidence, with nothing about conflicts when there are none', () => {
    const checkin = withEvidence(withRating(base, 'statements', 'people-1', 'getting-there'), 'statements', 'people-1', 'The forum');
    render(<RatedItem checkin={checkin} part="statements" itemId="people-1" text="play active roles" />);
    expect(screen.getByRole('group', { name: 'play active roles' })).toBeTruthy();
    expect((screen.getByRole('radio', { name: 'Getting there' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Evidence (optional)') as HTMLTextAreaElement).value).toBe('The forum');
    expect(screen.queryByTestId('rating-conflict')).toBeNull();
  });

  it('shows a rating and a note given two ways at once in two places, and offers to keep what is shown', () => {
    const first = writeRecord(CHECKIN, undefined, base, at('aaaaaaaa', '2026-03-01T09:00:00Z'));
    const a = writeRecord(CHECKIN, first, withEvidence(withRating(first, 'statements', 'people-1', 'starting'), 'statements', 'people-1', 'Ours'), at('aaaaaaaa', '2026-03-01T09:01:00Z'));
    const b = writeRecord(CHECKIN, first, withEvidence(withRating(first, 'statements', 'people-1', 'not-yet'), 'statements', 'people-1', 'Theirs'), at('bbbbbbbb', '2026-03-01T09:02:00Z'));
    render(<RatedItem checkin={mergeRecords(CHECKIN, a, b)} part="statements" itemId="people-1" text="play active roles" />);
    // The newer write shows; the other waits beside it.
    expect((screen.getByRole('radio', { name: 'Not yet' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId('rating-conflict').textContent).toContain('Also rated “Starting” in another place at the same time');
    expect(screen.getByRole('button', { name: 'Keep “Not yet”' })).toBeTruthy();
    expect((screen.getByLabelText('Evidence (optional)') as HTMLTextAreaElement).value).toBe('Theirs');
    expect(screen.getByText('Ours')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Keep the note as it is' })).toBeTruthy();
  });
});
