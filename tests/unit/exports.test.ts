import { Parser, type Node } from 'commonmark';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { logbookCsv } from '../../src/domain/exports/csv';
import { actionsIcs, foldLine } from '../../src/domain/exports/ics';
import { toMarkdown } from '../../src/domain/exports/markdown';
import { ALL_NOTES, logbookNotes, sessionNotes, type NotesOptions, type SessionBundle } from '../../src/domain/exports/notes-document';
import { fileNames } from '../../src/domain/exports/file-names';
import type { EntryWithActions } from '../../src/domain/records/entry';
import { action, entry, HOSTILE, session } from './notes-fixtures';

const sessionNotesMarkdown = (bundle: SessionBundle, options?: NotesOptions) => toMarkdown(sessionNotes(bundle, options));

/** Every text a reader sees, per block, from a real CommonMark parse. */
function blocks(markdown: string) {
  const doc = new Parser().parse(markdown);
  const found = { headings: [] as string[], items: 0, html: 0, links: 0, code: 0, texts: [] as string[] };
  const walker = doc.walker();
  let event;
  let current: string[] | null = null;
  while ((event = walker.next())) {
    const node: Node = event.node;
    if (event.entering) {
      if (node.type === 'heading' || node.type === 'paragraph') current = [];
      if (node.type === 'item') found.items++;
      if (node.type === 'html_block' || node.type === 'html_inline') found.html++;
      if (node.type === 'link' || node.type === 'image') found.links++;
      if (node.type === 'code' || node.type === 'code_block') found.code++;
      if (node.type === 'text' && current) current.push(node.literal ?? '');
      if ((node.type === 'softbreak' || node.type === 'linebreak') && current) current.push('\n');
    } else if (node.type === 'heading' || node.type === 'paragraph') {
      const text = (current ?? []).join('');
      if (node.type === 'heading') found.headings.push(text);
      found.texts.push(text);
      current = null;
    }
  }
  return found;
}

describe('session notes as Markdown', () => {
  it('keeps its structure and shows hostile user text as plain text', () => {
    for (const text of HOSTILE) {
      const e = entry('E1', text, { tags: [text] });
      const bundle: SessionBundle = {
        number: 1,
        session: session({ title: text, participants: [text], series: text, notes: text, cardNotes: [{ cardId: 'cap-01-public-1', text }] }),
        cards: [{ cardId: 'cap-01-public-1', card: e.card }],
        entries: [{ entry: e, actions: [action('A1', 'E1', text)] }],
        review: [],
      };
      const markdown = sessionNotesMarkdown(bundle, ALL_NOTES);
      const found = blocks(markdown);
      const expectedLines = text.split('\n').map((l) => l.trim()).filter(Boolean).join('\n');
      expect(found.html, `${text}: no HTML`).toBe(0);
      expect(found.links, `${text}: no links`).toBe(0);
      expect(found.code, `${text}: no code`).toBe(0);
      expect(found.headings, text).toEqual([
        text.replace(/\s*\n\s*/g, ' ').trim(),
        'Cards discussed',
        'Reflections and actions',
        'Have open, strengths-based conversations with people and communities, taking a genuine interest.',
        'Actions',
        'Session notes',
      ]);
      // The reflection, the notes and the session notes come back word for word.
      expect(found.texts.filter((t) => t === expectedLines).length, text).toBeGreaterThanOrEqual(3);
    }
  });

  it('leaves out what the user chooses to keep private', () => {
    const e = entry('E1', 'Private thoughts about Jo', { community: 'Hulme' });
    const bundle: SessionBundle = {
      number: 1,
      session: session({ notes: 'Session-wide notes' }),
      cards: [{ cardId: 'cap-01-public-1', card: e.card }],
      entries: [{ entry: e, actions: [action('A1', 'E1', 'Call the forum', { owner: 'Jo Bloggs' })] }],
      review: [],
    };
    const markdown = sessionNotesMarkdown(bundle, { ...ALL_NOTES, reflections: false, names: false, notes: false });
    expect(markdown).not.toContain('Private thoughts');
    expect(markdown).not.toContain('Jo Bloggs');
    expect(markdown).not.toContain('A.B., C.D.');
    expect(markdown).not.toContain('Session-wide notes');
    expect(markdown).toContain('Call the forum');
    const full = sessionNotesMarkdown(bundle, ALL_NOTES);
    expect(full).toContain('Private thoughts about Jo');
    expect(full).toContain('Who: Jo Bloggs');
    expect(full).toContain('Participants: A.B., C.D.');
  });

  it('lists the cards, marking one that has left the deck, and last time’s open actions', () => {
    const bundle: SessionBundle = {
      number: 1,
      session: session(),
      cards: [{ cardId: 'cap-99-public-1', card: undefined }],
      entries: [],
      review: [{ action: action('A0', 'E0', 'Carry on from last time'), entry: entry('E0', 'x') }],
    };
    const found = blocks(sessionNotesMarkdown(bundle));
    expect(found.headings).toEqual(['Supervision with A.B.', 'Actions from last time', 'Cards discussed']);
    expect(found.texts.join('\n')).toContain('cap-99-public-1 (card no longer in the deck)');
    expect(found.texts.join('\n')).toContain('Carry on from last time');
  });
});

describe('logbook as CSV', () => {
  const items: EntryWithActions[] = [
    {
      entry: entry('E1', 'Line one\nline "two", with comma', { tags: ['a', 'b'], sessionId: 'S1' }),
      actions: [
        action('A1', 'E1', '=SUM(A1:A9)'),
        action('A2', 'E1', '+44 161 000', { status: 'done' }),
        action('A3', 'E1', 'gone', { deleted: 1 }),
      ],
    },
    { entry: entry('E2', '@mention\ttab', { card: undefined, capabilityNumber: 4 }), actions: [] },
    { entry: entry('E3', '-minus\rreturn'), actions: [action('A4', 'E3', '\tTabbed')] },
  ];
  const csv = logbookCsv(items, new Map([['S1', session()]])).join('');

  it('is RFC 4180 with CRLF line ends and a UTF-8 byte-order mark', () => {
    expect(csv.startsWith('\uFEFF"Entry ID"')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv, { bom: true, record_delimiter: '\r\n' }) as string[][];
    expect(rows).toHaveLength(1 + 2 + 1 + 1);
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
  });

  it('has one row per action, keeps text exactly and defuses formulas', () => {
    const [header, ...rows] = parseCsv(csv, { bom: true }) as string[][];
    const col = (name: string) => header!.indexOf(name);
    expect(rows.map((r) => r[col('Action ID')])).toEqual(['A1', 'A2', '', 'A4']);
    expect(rows[0]![col('Community')]).toBe('Line one\nline "two", with comma');
    expect(rows[0]![col('Session')]).toBe('Supervision with A.B.');
    expect(rows[0]![col('Tags')]).toBe('a; b');
    expect(rows[0]![col('Action')]).toBe("'=SUM(A1:A9)");
    expect(rows[1]![col('Action')]).toBe("'+44 161 000");
    expect(rows[1]![col('Status')]).toBe('Done');
    expect(rows[2]![col('Community')]).toBe("'@mention\ttab");
    expect(rows[2]![col('Capability')]).toBe('4');
    expect(rows[3]![col('Community')]).toBe("'-minus\rreturn");
    expect(rows[3]![col('Action')]).toBe("'\tTabbed");
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('says which cards were made in the app', () => {
    const published = entry('E5', 'x');
    const own = entry('E6', 'y', { card: { ...published.card!, cardId: 'OWN1', text: 'Invite the youth forum.', own: true } });
    const [header, ...rows] = parseCsv(logbookCsv([{ entry: published, actions: [] }, { entry: own, actions: [] }]).join(''), { bom: true }) as string[][];
    expect(rows.map((r) => r[header!.indexOf('Own card')])).toEqual(['', 'Yes']);
  });
});

describe('actions as iCalendar', () => {
  const long = 'Meet the residents’ panel, the ward councillors; and the youth forum — all together, in the library, to agree a “menu” of measures 🙂 '.repeat(2);
  const ics = actionsIcs(
    [
      { action: action('A1', 'E1', long, { owner: 'Sam, Priya; Jo' }), entry: entry('E1', 'Hulme') },
      { action: action('A2', 'E1', 'No date', { due: '' }) },
      { action: action('A3', 'E1', 'New year', { due: '2026-12-31' }) },
    ],
    new Date('2026-03-01T10:00:00Z'),
  );

  it('parses with a real iCalendar parser and round-trips the text', () => {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events).toHaveLength(2);
    expect(events[0]!.summary).toBe(`Action: ${long}`);
    expect(events[0]!.description).toBe('Who: Sam, Priya; Jo\nCard: Have open, strengths-based conversations with people and communities, taking a genuine interest. (capability 1)\nCommunity: Hulme');
    expect(events[0]!.startDate.toString()).toBe('2026-04-01');
    expect(events[0]!.startDate.isDate).toBe(true);
    expect(events[1]!.endDate.toString()).toBe('2027-01-01');
    expect(events[0]!.uid).toBe('A1@power-shifting');
    expect(calendar.getFirstSubcomponent('vevent')!.getFirstSubcomponent('valarm')).toBeTruthy();
  });

  it('holds only what is still to do: a done or dropped action with a date is left out', () => {
    const calendar = actionsIcs(
      [
        { action: action('A1', 'E1', 'Open one') },
        { action: action('A2', 'E1', 'Done one', { status: 'done' }) },
        { action: action('A3', 'E1', 'Dropped one', { status: 'dropped' }) },
        { action: action('A4', 'E1', 'Doing one', { status: 'doing' }) },
      ],
      new Date('2026-03-01T10:00:00Z'),
    );
    const summaries = new ICAL.Component(ICAL.parse(calendar)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e).summary);
    expect(summaries).toEqual(['Action: Open one', 'Action: Doing one']);
  });

  it('folds long lines at 75 octets with CRLF and never splits a character', () => {
    expect(ics.includes('\n') && !/[^\r]\n/.test(ics)).toBe(true);
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(foldLine('é'.repeat(80)).split('\r\n ').join('')).toBe('é'.repeat(80));
  });
});

describe('file names', () => {
  it('say what and when, in characters every system accepts', () => {
    const now = new Date(2026, 2, 1, 9, 5);
    expect(fileNames.backup(now)).toBe('power-shifting-backup-2026-03-01-0905.json');
    expect(fileNames.sessionNotes('2026-03-01', 'Supervision with A.B. / Café <team>')).toBe(
      'power-shifting-session-2026-03-01-supervision-with-a-b-cafe-team.md',
    );
    expect(fileNames.logbookCsv(now)).toBe('power-shifting-logbook-2026-03-01-0905.csv');
  });
});

describe('the whole logbook as Markdown', () => {
  it('groups entries by day and keeps hostile text as text', async () => {
    const items: EntryWithActions[] = HOSTILE.slice(0, 6).map((text, i) => ({
      entry: entry(`E${i}`, text, { createdAt: `2026-03-0${1 + (i % 2)}T09:00:00.000Z` }),
      actions: [action(`A${i}`, `E${i}`, text)],
    }));
    const found = blocks(toMarkdown(logbookNotes(items, new Date('2026-03-05T10:00:00Z'))));
    expect(found.html + found.links + found.code).toBe(0);
    expect(found.headings.filter((h) => /^\d+ March 2026$/.test(h)).length).toBeGreaterThanOrEqual(2);
    expect(found.headings[0]).toBe('Power Shifting logbook');
  });
});
