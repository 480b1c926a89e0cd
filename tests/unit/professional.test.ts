import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../../src/domain/exports/markdown';
import type { SessionBundle } from '../../src/domain/exports/notes-document';
import { confirmationsOf, cpdRecord, nmcReflectiveAccount, supervisionRecord, supervisionRecordText } from '../../src/domain/exports/professional';
import type { ActionRecord } from '../../src/domain/records/action';
import type { EntryRecord, EntryWithActions } from '../../src/domain/records/entry';
import { actionDefaults, entryDefaults, sessionDefaults } from '../../src/domain/records/restore';
import type { SessionRecord } from '../../src/domain/records/session';

const T = '2026-03-02T10:00:00.000Z';
const made = { name: 'Sam Okoro', at: new Date(T) };

function entry(id: string, fields: Partial<EntryRecord> = {}): EntryRecord {
  return { ...entryDefaults(), id, createdAt: T, updatedAt: T, deleted: 0, sessionId: 'S2', ...fields };
}
function action(id: string, entryId: string, fields: Partial<ActionRecord> = {}): ActionRecord {
  return { ...actionDefaults(), id, entryId, createdAt: T, updatedAt: T, deleted: 0, ...fields };
}
function session(fields: Partial<SessionRecord> = {}): SessionRecord {
  return {
    ...sessionDefaults(),
    id: 'S2',
    createdAt: T,
    updatedAt: T,
    deleted: 0,
    kind: 'supervision',
    title: 'Supervision with A.B.',
    date: '2026-03-02',
    series: 'Supervision with A.B.',
    status: 'ended',
    supervisor: { name: 'Ayo Bello', role: 'Team manager' },
    supervisee: { name: 'Chris Dunn', role: 'Community worker' },
    time: '14:30',
    nextDate: '2026-04-06',
    wellbeing: 'Feeling stretched by the winter rota.',
    ...fields,
  };
}

const open: EntryWithActions = {
  entry: entry('E1', { reflection: 'We listened to the tenants forum.', community: 'Moss Side tenants' }),
  actions: [action('A1', 'E1', { what: 'Book the library room', owner: 'Chris', due: '2026-03-20' })],
};
const secret: EntryWithActions = { entry: entry('E2', { private: true, reflection: 'PRIVATE: worried about my manager' }), actions: [action('A2', 'E2', { what: 'PRIVATE action' })] };

function bundle(fields: Partial<SessionRecord> = {}): SessionBundle {
  return {
    session: session(fields),
    number: 2,
    cards: [],
    entries: [open, secret],
    review: [{ action: action('A0', 'E0', { what: 'Ask carers what would help', status: 'done', followUp: { happened: 'Six carers answered.', learned: 'Evenings suit them.' } }), entry: entry('E0') }],
  };
}

describe('a supervision record', () => {
  it('has the parts supervision records have, and leaves out private entries', () => {
    const text = toMarkdown(supervisionRecord(bundle(), made));
    for (const heading of ['Review of previous actions', 'Cards discussed and notes', 'Actions agreed', 'Wellbeing', 'Agreement']) expect(text).toContain(heading);
    expect(text).toContain('Supervisor: Ayo Bello, Team manager');
    expect(text).toContain('Supervisee: Chris Dunn, Community worker');
    expect(text).toContain('2 March 2026, 14:30');
    expect(text).toContain('Six carers answered');
    expect(text).toContain('Book the library room');
    expect(text).toContain('Next session: 6 April 2026');
    expect(text).toContain('Made by Sam Okoro');
    expect(text).not.toContain('PRIVATE');
    expect(text).toContain('1 private entry is left out');
  });

  it('shows when each party confirmed it, and that it changed after', () => {
    const agreed = supervisionRecordText(bundle());
    const confirmed = bundle({ confirmations: [{ party: 'supervisor', name: 'Ayo Bello', at: T, record: agreed }] });
    expect(confirmationsOf(confirmed)).toEqual([
      { party: 'supervisor', label: 'Supervisor', name: 'Ayo Bello', at: T, changedSince: false },
      { party: 'supervisee', label: 'Supervisee', name: 'Chris Dunn', changedSince: false },
    ]);
    const changed = bundle({ confirmations: [{ party: 'supervisor', name: 'Ayo Bello', at: T, record: agreed }], wellbeing: 'Better now.' });
    expect(confirmationsOf(changed)[0]!.changedSince).toBe(true);
    expect(toMarkdown(supervisionRecord(changed, made))).toContain('the record has changed since');
  });
});

describe('records for registration bodies', () => {
  it('an NMC reflective account has its four questions and the Code’s themes, and names no one', () => {
    const item: EntryWithActions = { ...open, entry: { ...open.entry, codeThemes: ['prioritise-people', 'promote-professionalism'], codeRelevance: 'Listening first.' } };
    const text = toMarkdown(nmcReflectiveAccount(item, session(), made));
    expect(text).toContain('What was the nature of the CPD activity');
    expect(text).toContain('What did you learn');
    expect(text).toContain('How did you change or improve your practice');
    expect(text).toContain('How is this relevant to the Code');
    expect(text).toContain('Prioritise people, Promote professionalism and trust');
    expect(text).not.toContain('Moss Side');
    expect(text).not.toContain('Chris');
    expect(text).not.toContain('Ayo');
  });

  it('a CPD record has activity, date, hours, participatory hours, learning and impact', () => {
    const item: EntryWithActions = { ...open, entry: { ...open.entry, cpdHours: '1.5', participatoryHours: '1' } };
    const text = toMarkdown(cpdRecord(item, session(), made));
    for (const part of ['Activity', 'Date', 'Participatory hours: 1', 'What I learned', 'Impact on my practice']) expect(text).toContain(part);
    // (Markdown escapes a number's full stop at the start of a value: 1\.5 reads as 1.5.)
    expect(text).toMatch(/- Hours: 1\\?\.5/);
  });

  it('gives nothing of a private entry', () => {
    expect(toMarkdown(nmcReflectiveAccount(secret, session(), made))).not.toContain('PRIVATE');
    expect(toMarkdown(cpdRecord(secret, session(), made))).not.toContain('PRIVATE');
  });
});
