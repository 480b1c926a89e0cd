import fc from 'fast-check';
import { entryDefaults, sessionDefaults } from '../../src/domain/records/restore';
import { describe, expect, it } from 'vitest';
import { ENTRY, type EntryRecord } from '../../src/domain/records/entry';
import { SESSION, type SessionRecord } from '../../src/domain/records/session';
import { canonical, conflictsOf, mergeRecords, stableJson, writeRecord, type Stamp } from '../../src/domain/records/merge';

const DEVICES = ['aaaaaaaa', 'bbbbbbbb', 'cccccccc'] as const;
const at = (device: string, iso: string): Stamp => ({ device, now: new Date(iso) });

function entry(fields: Partial<EntryRecord> = {}): EntryRecord {
  return {
    ...entryDefaults(),
    id: 'E1',
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    deleted: 0,
    community: '',
    reflection: '',
    notes: '',
    tags: [],
    ...fields,
  };
}

function session(fields: Partial<SessionRecord> = {}): SessionRecord {
  return {
    ...sessionDefaults(),
    id: 'S1',
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    deleted: 0,
    kind: 'workshop',
    title: 'Workshop',
    date: '2026-03-01',
    participants: [],
    series: '',
    status: 'active',
    cards: [],
    cardNotes: [],
    notes: '',
    ...fields,
  };
}

const text = (record: unknown) => stableJson(record);

describe('writing a record', () => {
  it('creates a record with one dot for every field, and changes only what changed', () => {
    const created = writeRecord(ENTRY, undefined, entry({ notes: 'first' }), at('aaaaaaaa', '2026-03-01T09:00:00Z'));
    expect(created.clock?.vv).toEqual({ aaaaaaaa: Date.parse('2026-03-01T09:00:00Z') });
    expect(created.clock?.at).toBeUndefined();
    const same = writeRecord(ENTRY, created, { ...created }, at('aaaaaaaa', '2026-03-01T09:01:00Z'));
    expect(same).toBe(created);
    const edited = writeRecord(ENTRY, created, { ...created, notes: 'second' }, at('aaaaaaaa', '2026-03-01T09:02:00Z'));
    expect(edited.notes).toBe('second');
    expect(edited.clock?.vv).toEqual({ aaaaaaaa: Date.parse('2026-03-01T09:02:00Z') });
    expect(Object.keys(edited.clock?.at ?? {})).toEqual(['notes']);
    expect(edited.updatedAt).toBe('2026-03-01T09:02:00.000Z');
  });

  it('a save from an out-of-date copy keeps the fields changed elsewhere, field by field', () => {
    const base = writeRecord(ENTRY, undefined, entry({ notes: 'n0', reflection: 'r0' }), at('aaaaaaaa', '2026-03-01T09:00:00Z'));
    // Tab A saves a new reflection; tab B, still on the base copy, saves new notes.
    const a = writeRecord(ENTRY, base, { ...base, reflection: 'r1 from A' }, at('aaaaaaaa', '2026-03-01T09:01:00Z'));
    const b = writeRecord(ENTRY, a, { ...base, notes: 'n1 from B' }, at('aaaaaaaa', '2026-03-01T09:02:00Z'), { base });
    expect(b.reflection).toBe('r1 from A');
    expect(b.notes).toBe('n1 from B');
    expect(conflictsOf(ENTRY, b)).toEqual([]);
  });

  it('a save from an out-of-date copy that changed the same field keeps both versions, the newer showing', () => {
    const base = writeRecord(ENTRY, undefined, entry({ notes: 'n0' }), at('aaaaaaaa', '2026-03-01T09:00:00Z'));
    const a = writeRecord(ENTRY, base, { ...base, notes: 'words from tab A' }, at('aaaaaaaa', '2026-03-01T09:01:00Z'));
    const b = writeRecord(ENTRY, a, { ...base, notes: 'words from tab B' }, at('aaaaaaaa', '2026-03-01T09:02:00Z'), { base });
    expect(b.notes).toBe('words from tab B');
    expect(conflictsOf(ENTRY, b)).toEqual(['notes']);
    expect(b.clock?.alt?.notes?.map((x) => x.value)).toEqual(['words from tab A']);
    // Choosing one settles it.
    const settled = writeRecord(ENTRY, b, { ...b, notes: 'words from tab A' }, at('aaaaaaaa', '2026-03-01T09:03:00Z'), { settle: ['notes'] });
    expect(settled.notes).toBe('words from tab A');
    expect(conflictsOf(ENTRY, settled)).toEqual([]);
  });

  it('never stamps a write earlier than one the record holds, whatever the device clock says', () => {
    const created = writeRecord(ENTRY, undefined, entry(), at('aaaaaaaa', '2026-03-01T09:00:00Z'));
    const edited = writeRecord(ENTRY, created, { ...created, notes: 'x' }, at('bbbbbbbb', '2020-01-01T00:00:00Z'));
    expect(edited.clock!.at!.notes! > edited.clock!.o).toBe(true);
  });
});

describe('merging two copies', () => {
  it('lets the newer of two copies from before clocks win, and keeps an older version’s edit beside a newer one', () => {
    const older = entry({ community: 'OLD', updatedAt: '2026-01-01T00:00:00.000Z' });
    const newer = entry({ community: 'NEW', updatedAt: '2026-02-01T00:00:00.000Z' });
    expect(mergeRecords(ENTRY, older, newer).community).toBe('NEW');
    expect(mergeRecords(ENTRY, older, newer).clock).toBeUndefined();
    // Edited in this version since the older copy: the edit wins over that copy…
    const edited = writeRecord(ENTRY, older, { ...older, community: 'Hulme' }, at('aaaaaaaa', '2026-03-01T09:00:00Z'));
    expect(mergeRecords(ENTRY, edited, older).community).toBe('Hulme');
    expect(conflictsOf(ENTRY, mergeRecords(ENTRY, edited, older))).toEqual([]);
    // …but the newer copy, edited by an older version of the app without seeing it, is kept beside it.
    const both = mergeRecords(ENTRY, newer, edited);
    expect(both.community).toBe('Hulme');
    expect(both.clock?.alt?.community?.map((a) => a.value)).toEqual(['NEW']);
  });

  it('compares times as instants: an edit five hours earlier loses, whatever its offset', () => {
    const older = entry({ notes: 'older', updatedAt: '2026-03-02T09:00:00+14:00' }); // 2026-03-01T19:00Z
    const newer = entry({ notes: 'newer', updatedAt: '2026-03-02T00:00:00Z' });
    expect(mergeRecords(ENTRY, older, newer).notes).toBe('newer');
    expect(mergeRecords(ENTRY, newer, older).notes).toBe('newer');
  });

  it('breaks a tie between equal times the same way whatever the order', () => {
    const one = entry({ notes: 'one' });
    const two = entry({ notes: 'two' });
    expect(text(mergeRecords(ENTRY, one, two))).toBe(text(mergeRecords(ENTRY, two, one)));
  });

  it('keeps both values of a field edited on two devices without seeing each other', () => {
    const base = writeRecord(ENTRY, undefined, entry(), at('aaaaaaaa', '2026-03-01T09:00:00Z'));
    const onA = writeRecord(ENTRY, base, { ...base, notes: 'from A' }, at('aaaaaaaa', '2026-03-01T10:00:00Z'));
    const onB = writeRecord(ENTRY, base, { ...base, notes: 'from B', community: 'Hulme' }, at('bbbbbbbb', '2026-03-01T11:00:00Z'));
    const merged = mergeRecords(ENTRY, onA, onB);
    expect(merged.notes).toBe('from B');
    expect(merged.community).toBe('Hulme');
    expect(merged.clock?.alt?.notes?.[0]?.value).toBe('from A');
    expect(text(merged)).toBe(text(mergeRecords(ENTRY, onB, onA)));
  });

  it('merges a session’s card notes card by card, and the cards dealt as a growing list', () => {
    const base = writeRecord(SESSION, undefined, session(), at('aaaaaaaa', '2026-03-01T09:00:00Z'));
    const onA = writeRecord(
      SESSION,
      base,
      { ...base, cards: [{ deckId: 'd', cardId: 'c1', at: '2026-03-01T09:05:00.000Z' }], cardNotes: [{ cardId: 'c1', text: 'A on c1' }] },
      at('aaaaaaaa', '2026-03-01T09:06:00Z'),
    );
    const onB = writeRecord(
      SESSION,
      base,
      { ...base, cards: [{ deckId: 'd', cardId: 'c2', at: '2026-03-01T09:07:00.000Z' }], cardNotes: [{ cardId: 'c2', text: 'B on c2' }] },
      at('bbbbbbbb', '2026-03-01T09:08:00Z'),
    );
    const merged = mergeRecords(SESSION, onA, onB);
    expect(merged.cards.map((c) => c.cardId)).toEqual(['c1', 'c2']);
    expect(merged.cardNotes).toEqual([
      { cardId: 'c1', text: 'A on c1' },
      { cardId: 'c2', text: 'B on c2' },
    ]);
    expect(conflictsOf(SESSION, merged)).toEqual([]);
  });

  it('keeps fields it does not know, and merges them like any other', () => {
    const base = writeRecord(ENTRY, undefined, { ...entry(), mood: 'calm' } as EntryRecord, at('aaaaaaaa', '2026-03-01T09:00:00Z'));
    const edited = writeRecord(ENTRY, base, { ...base, mood: 'hopeful' } as EntryRecord, at('bbbbbbbb', '2026-03-01T09:01:00Z'));
    const merged = mergeRecords(ENTRY, base, edited) as EntryRecord & { mood: string };
    expect(merged.mood).toBe('hopeful');
  });
});

// ---- Properties ----------------------------------------------------------------------------

type Op =
  | { type: 'edit'; replica: number; field: 'notes' | 'community' | 'deleted' | 'tags'; value: string; skew: number }
  | { type: 'note'; replica: number; card: 'c1' | 'c2'; value: string; skew: number }
  | { type: 'deal'; replica: number; card: 'c1' | 'c2' | 'c3'; skew: number }
  | { type: 'sync'; from: number; to: number }
  /** An older version of the app edits its copy: the record comes back without a clock, newer updatedAt wins there. */
  | { type: 'legacy'; replica: number; value: string; skew: number };

const replica = fc.integer({ min: 0, max: 2 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    type: fc.constant('edit' as const),
    replica,
    field: fc.constantFrom('notes' as const, 'community' as const, 'deleted' as const, 'tags' as const),
    value: fc.constantFrom('x', 'y', 'z', ''),
    skew: fc.integer({ min: -5, max: 5 }),
  }),
  fc.record({ type: fc.constant('note' as const), replica, card: fc.constantFrom('c1' as const, 'c2' as const), value: fc.constantFrom('p', 'q', ''), skew: fc.integer({ min: -5, max: 5 }) }),
  fc.record({ type: fc.constant('deal' as const), replica, card: fc.constantFrom('c1' as const, 'c2' as const, 'c3' as const), skew: fc.integer({ min: -5, max: 5 }) }),
  fc.record({ type: fc.constant('sync' as const), from: replica, to: replica }),
  fc.record({ type: fc.constant('legacy' as const), replica, value: fc.constantFrom('old-1', 'old-2'), skew: fc.integer({ min: -5, max: 5 }) }),
);

interface World {
  entries: EntryRecord[];
  sessions: SessionRecord[];
}

function run(ops: Op[]): World {
  const start = writeRecord(ENTRY, undefined, entry(), at('aaaaaaaa', '2026-03-01T09:00:00Z'));
  const startSession = writeRecord(SESSION, undefined, session(), at('aaaaaaaa', '2026-03-01T09:00:00Z'));
  const world: World = { entries: [start, start, start], sessions: [startSession, startSession, startSession] };
  let minute = 0;
  for (const o of ops) {
    minute++;
    if (o.type === 'sync') {
      world.entries[o.to] = mergeRecords(ENTRY, world.entries[o.to]!, world.entries[o.from]!);
      world.sessions[o.to] = mergeRecords(SESSION, world.sessions[o.to]!, world.sessions[o.from]!);
      continue;
    }
    // Device clocks disagree by a few minutes either way.
    const stamp = at(DEVICES[o.replica]!, new Date(Date.UTC(2026, 2, 1, 10, minute + o.skew)).toISOString());
    if (o.type === 'legacy') {
      const { clock: _clock, ...current } = world.entries[o.replica]!;
      world.entries[o.replica] = { ...current, community: o.value, updatedAt: stamp.now.toISOString() };
      continue;
    }
    if (o.type === 'edit') {
      const current = world.entries[o.replica]!;
      const value = o.field === 'deleted' ? (o.value === 'x' ? 1 : 0) : o.field === 'tags' ? [o.value] : o.value;
      world.entries[o.replica] = writeRecord(ENTRY, current, { ...current, [o.field]: value }, stamp);
    } else if (o.type === 'note') {
      const current = world.sessions[o.replica]!;
      const others = current.cardNotes.filter((n) => n.cardId !== o.card);
      world.sessions[o.replica] = writeRecord(SESSION, current, { ...current, cardNotes: o.value ? [...others, { cardId: o.card, text: o.value }] : others }, stamp);
    } else {
      const current = world.sessions[o.replica]!;
      world.sessions[o.replica] = writeRecord(SESSION, current, { ...current, cards: [...current.cards, { deckId: 'd', cardId: o.card, at: stamp.now.toISOString() }] }, stamp);
    }
  }
  return world;
}

/** Merges every copy into one, in the given order. */
function gather<R extends EntryRecord | SessionRecord>(kind: typeof ENTRY, copies: R[], order: number[]): R {
  let out = copies[order[0]!]!;
  for (const i of order.slice(1)) out = mergeRecords(kind, out, copies[i]!);
  return out;
}

describe('merge properties', () => {
  it('replicas that exchange edits in any order converge to identical records', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), fc.shuffledSubarray([0, 1, 2], { minLength: 3 }), fc.shuffledSubarray([0, 1, 2], { minLength: 3 }), (ops, order1, order2) => {
        const world = run(ops);
        expect(text(gather(ENTRY, world.entries, order1))).toBe(text(gather(ENTRY, world.entries, order2)));
        expect(text(gather(SESSION, world.sessions, order1))).toBe(text(gather(SESSION, world.sessions, order2)));
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('merging is commutative, associative and idempotent', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const { entries: [a, b, c], sessions: [s, t, u] } = run(ops) as { entries: EntryRecord[]; sessions: SessionRecord[] };
        for (const [kind, x, y, z] of [
          [ENTRY, a!, b!, c!],
          [SESSION, s!, t!, u!],
        ] as const) {
          const m = (p: typeof x, q: typeof x) => mergeRecords(kind, p, q);
          expect(text(m(x, y))).toBe(text(m(y, x)));
          expect(text(m(m(x, y), z))).toBe(text(m(x, m(y, z))));
          expect(text(m(x, x))).toBe(text(canonical(kind, x)));
          expect(text(m(m(x, y), y))).toBe(text(m(x, y)));
        }
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('loses no value written without seeing another: concurrent values are all kept until one is chosen', () => {
    fc.assert(
      fc.property(fc.constantFrom('x', 'y'), fc.constantFrom('p', 'q'), (one, two) => {
        const world = run([
          { type: 'edit', replica: 0, field: 'notes', value: one, skew: 0 },
          { type: 'edit', replica: 1, field: 'notes', value: two, skew: 0 },
        ]);
        const merged = gather(ENTRY, world.entries, [0, 1, 2]);
        const values = [merged.notes, ...(merged.clock?.alt?.notes ?? []).map((x) => x.value)];
        expect(values.sort()).toEqual([one, two].sort());
      }),
    );
  });
});
