/** Records for the tests of the notes and their renderers, and text that tries to break out of every format. */
import type { ActionRecord } from '../../src/domain/records/action';
import type { EntryRecord } from '../../src/domain/records/entry';
import type { SessionRecord } from '../../src/domain/records/session';
import { entryDefaults, sessionDefaults } from '../../src/domain/records/restore';

export const T = '2026-03-01T09:00:00.000Z';
export const HOSTILE = [
  '# Not a heading',
  '- not a list',
  '1. not ordered',
  '> not a quote',
  '***',
  '[link](javascript:alert(1))',
  '<script>alert("x")</script>',
  '`code` and *stars* and _under_',
  'Setext\n===',
  '    indented code?',
  'Trailing backslash \\',
  'Line one\nline two\n\n- dash after blank',
  '| table | row |',
  '&amp; &copy; entity',
  '![image](x.png)',
  '"Quotes" & \'apostrophes\'',
  '<img src=x onerror="alert(1)">',
  '</li></ul><h1>Injected</h1>',
];

export function entry(id: string, text: string, extra: Partial<EntryRecord> = {}): EntryRecord {
  return {
    ...entryDefaults(),
    id,
    createdAt: T,
    updatedAt: T,
    deleted: 0,
    card: {
      deckId: 'power-shifting',
      cardId: 'cap-01-public-1',
      capabilityNumber: 1,
      capabilityHeading: 'We get to know our people and communities',
      groupId: 'public',
      groupName: 'Public service leaders',
      text: 'Have open, strengths-based conversations with people and communities, taking a genuine interest.',
    },
    community: text,
    reflection: text,
    notes: text,
    tags: [],
    ...extra,
  };
}

export function action(id: string, entryId: string, what: string, extra: Partial<ActionRecord> = {}): ActionRecord {
  return {
    id,
    entryId,
    createdAt: T,
    updatedAt: T,
    deleted: 0,
    what,
    owner: what,
    due: '2026-04-01',
    status: 'planned',
    followUp: { happened: what, learned: what },
    order: 0,
    ...extra,
  };
}

export function session(extra: Partial<SessionRecord> = {}): SessionRecord {
  return {
    ...sessionDefaults(),
    id: 'S1',
    createdAt: T,
    updatedAt: T,
    deleted: 0,
    kind: 'supervision',
    title: 'Supervision with A.B.',
    date: '2026-03-01',
    participants: ['A.B.', 'C.D.'],
    series: 'Supervision with A.B.',
    status: 'ended',
    cards: [{ deckId: 'power-shifting', cardId: 'cap-01-public-1', at: T }],
    cardNotes: [],
    notes: '',
    ...extra,
  };
}
