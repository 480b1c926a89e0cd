import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { ACTION, type ActionRecord } from '../../src/domain/records/action';
import { CHECKIN, type CheckinRecord } from '../../src/domain/records/checkin';
import { ENTRY, type EntryRecord } from '../../src/domain/records/entry';
import { TRACKED_FIELDS, type RecordKind, type StoredKind } from '../../src/domain/records/kind';
import { mergeRecords, stableJson, writeRecord, type Stamp, type Versioned } from '../../src/domain/records/merge';
import { OWN_DECK, type OwnDeckRecord } from '../../src/domain/records/own-deck';
import { recordKinds, registerKind } from '../../src/domain/records/registry';
import { actionDefaults, checkinDefaults, entryDefaults, sessionDefaults } from '../../src/domain/records/restore';
import { SESSION, type SessionRecord } from '../../src/domain/records/session';
import { incoming, outgoing, recordKey, type Held } from '../../src/domain/sync/exchange';
import { belongsIn, registerScopeRule, spaceSessions, type SpaceScope } from '../../src/domain/sync/space-scope';

const stamp = (device: string, iso = '2026-03-01T09:00:00.000Z'): Stamp => ({ device, now: new Date(iso) });
const T = '2026-03-01T09:00:00.000Z';

const entry = (id: string, fields: Partial<EntryRecord> = {}): EntryRecord =>
  writeRecord(ENTRY, undefined, { ...entryDefaults(), id, createdAt: T, updatedAt: T, deleted: 0, ...fields } as EntryRecord, stamp('devA'));
const action = (id: string, entryId: string, fields: Partial<ActionRecord> = {}): ActionRecord =>
  writeRecord(ACTION, undefined, { ...actionDefaults(), id, entryId, createdAt: T, updatedAt: T, deleted: 0, ...fields } as ActionRecord, stamp('devA'));
const session = (id: string, series: string): SessionRecord =>
  writeRecord(SESSION, undefined, { ...sessionDefaults(), id, createdAt: T, updatedAt: T, deleted: 0, kind: 'supervision', title: series, date: '2026-03-01', status: 'active', series } as SessionRecord, stamp('devA'));

const checkin = (id: string, fields: Partial<CheckinRecord> = {}): CheckinRecord =>
  writeRecord(CHECKIN, undefined, { ...checkinDefaults(), id, createdAt: T, updatedAt: T, deleted: 0, deckId: 'power-shifting', community: 'Levenshulme', date: '2026-03-01', ...fields } as CheckinRecord, stamp('devA'));
const ownDeck = (id: string): OwnDeckRecord =>
  writeRecord(OWN_DECK, undefined, { id, createdAt: T, updatedAt: T, deleted: 0, title: 'Our deck', sectionName: 'Section', summary: '', sections: [], cards: [] } as OwnDeckRecord, stamp('devA'));

const devices: SpaceScope = { kind: 'devices', spaceId: 'DEV' };
const pair: SpaceScope = { kind: 'pair', spaceId: 'PAIR', series: 'Supervision with A.B.' };
const team: SpaceScope = { kind: 'team', spaceId: 'TEAM' };

const sessions = [session('S1', 'Supervision with A.B.'), session('S2', 'Supervision with C.D.')];
const context = { sessions: spaceSessions(pair, sessions) };

describe('which records a space carries', () => {
  it('own devices carry everything, private entries included', () => {
    expect(belongsIn(devices, ENTRY, entry('E1', { private: true }), context)).toBe(true);
    expect(belongsIn(devices, SESSION, sessions[1]!, context)).toBe(true);
  });

  it('a pair carries its series: the sessions, their entries that are not private, and those entries’ actions', () => {
    const inSeries = entry('E1', { sessionId: 'S1' });
    const privateInSeries = entry('E2', { sessionId: 'S1', private: true });
    const otherSeries = entry('E3', { sessionId: 'S2' });
    expect(belongsIn(pair, SESSION, sessions[0]!, context)).toBe(true);
    expect(belongsIn(pair, SESSION, sessions[1]!, context)).toBe(false);
    expect(belongsIn(pair, ENTRY, inSeries, context)).toBe(true);
    expect(belongsIn(pair, ENTRY, privateInSeries, context)).toBe(false);
    expect(belongsIn(pair, ENTRY, otherSeries, context)).toBe(false);
    expect(belongsIn(pair, ENTRY, entry('E4'), context)).toBe(false);
    expect(belongsIn(pair, ACTION, action('A1', 'E1'), { ...context, entry: inSeries })).toBe(true);
    expect(belongsIn(pair, ACTION, action('A2', 'E2'), { ...context, entry: privateInSeries })).toBe(false);
    // An action is judged by its own entry only.
    expect(belongsIn(pair, ACTION, action('A3', 'E3'), { ...context, entry: inSeries })).toBe(false);
  });

  it('a team carries what was marked for it, never a private entry', () => {
    const marked = entry('E1', { space: 'TEAM' });
    const unmarked = entry('E2');
    expect(belongsIn(team, ENTRY, marked, context)).toBe(true);
    expect(belongsIn(team, ENTRY, unmarked, context)).toBe(false);
    expect(belongsIn(team, ENTRY, entry('E3', { space: 'TEAM', private: true }), context)).toBe(false);
    expect(belongsIn(team, ENTRY, entry('E4', { space: 'OTHER' }), context)).toBe(false);
    expect(belongsIn(team, ACTION, action('A1', 'E1'), { ...context, entry: marked })).toBe(true);
    expect(belongsIn(team, ACTION, action('A2', 'E2', { space: 'TEAM' }), { ...context, entry: unmarked })).toBe(true);
    expect(belongsIn(team, ACTION, action('A3', 'E2'), { ...context, entry: unmarked })).toBe(false);
  });

  it('check-ins: a pair carries those done in its series’ sessions, a team those shared with it, own devices all', () => {
    const inSeries = checkin('C1', { sessionId: 'S1' });
    const elsewhere = checkin('C2', { sessionId: 'S2' });
    const shared = checkin('C3', { space: 'TEAM' });
    expect(belongsIn(pair, CHECKIN, inSeries, context)).toBe(true);
    expect(belongsIn(pair, CHECKIN, elsewhere, context)).toBe(false);
    expect(belongsIn(pair, CHECKIN, shared, context)).toBe(false);
    expect(belongsIn(team, CHECKIN, shared, context)).toBe(true);
    expect(belongsIn(team, CHECKIN, inSeries, { sessions: spaceSessions(team, sessions) })).toBe(false);
    expect(belongsIn(devices, CHECKIN, elsewhere, context)).toBe(true);
  });

  it('own decks go to one’s own devices, and to a team only when shared with it', () => {
    const deck = ownDeck('D1');
    expect(belongsIn(devices, OWN_DECK, deck, context)).toBe(true);
    expect(belongsIn(pair, OWN_DECK, deck, context)).toBe(false);
    expect(belongsIn(team, OWN_DECK, deck, context)).toBe(false);
    expect(belongsIn(team, OWN_DECK, { ...deck, space: 'TEAM' } as OwnDeckRecord, context)).toBe(true);
  });

  it('a kind without a rule: a team carries it when marked, a pair when made in its series, never when private; a rule replaces that', () => {
    const checkIns: RecordKind = { noun: 'mood', plural: 'moods', fixed: ['id', 'createdAt', 'updatedAt', 'clock'] };
    const record = { id: 'C1', createdAt: T, updatedAt: T, deleted: 0 as const, space: 'TEAM' };
    expect(belongsIn(team, checkIns, record, context)).toBe(true);
    expect(belongsIn(pair, checkIns, record, context)).toBe(false);
    expect(belongsIn(pair, checkIns, { ...record, sessionId: 'S1' } as typeof record, context)).toBe(true);
    expect(belongsIn(team, checkIns, { ...record, private: true } as typeof record, context)).toBe(false);
    const moods: RecordKind = { ...checkIns, noun: 'mood-ruled' };
    registerScopeRule(moods, (scope) => scope.kind === 'pair');
    expect(belongsIn(pair, moods, record, context)).toBe(true);
    expect(belongsIn(team, moods, record, context)).toBe(false);
  });
});

describe('outgoing: what is put into a space', () => {
  it('puts what is in scope and new, then nothing more until something changes', () => {
    const e1 = entry('E1', { sessionId: 'S1', notes: 'shared' });
    const e2 = entry('E2', { sessionId: 'S1', private: true, notes: 'private' });
    const a1 = action('A1', 'E1', { what: 'call' });
    const held: Held = new Map();
    const slice = { entries: [{ entry: e1, actions: [a1] }, { entry: e2, actions: [] }], lists: { sessions } };
    const first = outgoing(pair, slice, held, sessions).put;
    expect([...first.keys()].map((k) => k.noun)).toEqual(['session', 'entry', 'action']);
    expect(first.get(ENTRY)!.map((r) => r.id)).toEqual(['E1']);
    expect(first.get(SESSION)!.map((r) => r.id)).toEqual(['S1']);
    expect(outgoing(pair, slice, held, sessions).put.size).toBe(0);

    const edited = writeRecord(ACTION, a1, { ...a1, status: 'done' as const }, stamp('devA', '2026-03-02T09:00:00.000Z'));
    const second = outgoing(pair, { entries: [{ entry: e1, actions: [edited] }], lists: {} }, held, sessions).put;
    expect([...second.entries()].map(([kind, list]) => [kind.noun, list.map((r) => r.id)])).toEqual([['action', ['A1']]]);
  });

  it('does not put back a record the vault already holds a newer version of (another device’s edit merged in)', () => {
    const mine = entry('E1', { space: 'TEAM', notes: 'first' });
    const theirs = writeRecord(ENTRY, mine, { ...mine, notes: 'second' }, stamp('devB', '2026-03-02T09:00:00.000Z'));
    const held: Held = new Map([[recordKey(ENTRY, 'E1'), theirs]]);
    expect(outgoing(team, { entries: [{ entry: mine, actions: [] }], lists: {} }, held, []).put.size).toBe(0);
    // After the incoming merge, the logbook holds exactly the vault's version: still nothing to put.
    const merged = mergeRecords(ENTRY, mine, theirs);
    expect(outgoing(team, { entries: [{ entry: merged, actions: [] }], lists: {} }, held, []).put.size).toBe(0);
    expect(stableJson(held.get(recordKey(ENTRY, 'E1')))).toBe(stableJson(theirs));
  });

  it('keeps both values of a field changed on two devices at once: the vault gets the local one beside the other', () => {
    const base = entry('E1', { space: 'TEAM', notes: 'base' });
    const here = writeRecord(ENTRY, base, { ...base, notes: 'here' }, stamp('devA', '2026-03-02T09:00:00.000Z'));
    const there = writeRecord(ENTRY, base, { ...base, notes: 'there' }, stamp('devB', '2026-03-02T09:00:01.000Z'));
    const held: Held = new Map([[recordKey(ENTRY, 'E1'), there]]);
    const put = outgoing(team, { entries: [{ entry: here, actions: [] }], lists: {} }, held, []).put;
    expect(put.get(ENTRY)).toEqual([here]);
    const now = held.get(recordKey(ENTRY, 'E1')) as Versioned & { notes: string };
    expect(now.notes).toBe('there');
    expect(JSON.stringify(now.clock?.alt)).toContain('here');
  });
});

/** A kind this test alone defines: the app's code names it nowhere. */
const TALLY: StoredKind = {
  noun: 'tally',
  plural: 'tallies',
  list: 'tallies',
  fixed: TRACKED_FIELDS,
  schema: v.object({ id: v.string(), createdAt: v.string(), updatedAt: v.string(), deleted: v.picklist([0, 1]), count: v.optional(v.number(), 0), space: v.optional(v.string()) }),
};
registerKind(TALLY);
const tally = (id: string, fields: Record<string, unknown> = {}) =>
  writeRecord(TALLY, undefined, { id, createdAt: T, updatedAt: T, deleted: 0 as const, count: 1, ...fields }, stamp('devA'));

describe('withdrawal: what leaves a space', () => {
  it('an entry made private, or moved to another team, is withdrawn with its actions; what the space never held is not', () => {
    const shared = entry('E1', { space: 'TEAM', notes: 'shared' });
    const a1 = action('A1', 'E1');
    const held: Held = new Map();
    outgoing(team, { entries: [{ entry: shared, actions: [a1] }, { entry: entry('E2'), actions: [] }], lists: {} }, held, []);
    expect([...held.keys()].sort()).toEqual(['action:A1', 'entry:E1']);
    const hidden = writeRecord(ENTRY, shared, { ...shared, private: true }, stamp('devA', '2026-03-02T09:00:00.000Z'));
    const out = outgoing(team, { entries: [{ entry: hidden, actions: [a1] }, { entry: entry('E2'), actions: [] }], lists: {} }, held, []);
    expect(out.put.size).toBe(0);
    expect([...out.withdraw.entries()].map(([kind, ids]) => [kind.noun, ids])).toEqual([
      ['entry', ['E1']],
      ['action', ['A1']],
    ]);
    expect(held.size).toBe(0);
    // Once withdrawn, nothing more until it is shared again.
    expect(outgoing(team, { entries: [{ entry: hidden, actions: [a1] }], lists: {} }, held, []).withdraw.size).toBe(0);
    const again = writeRecord(ENTRY, hidden, { ...hidden, private: false }, stamp('devA', '2026-03-03T09:00:00.000Z'));
    expect(outgoing(team, { entries: [{ entry: again, actions: [a1] }], lists: {} }, held, []).put.get(ENTRY)).toEqual([again]);
  });

  it('a check-in moved out of a pair’s series is withdrawn from the pair', () => {
    const inSeries = checkin('C1', { sessionId: 'S1' });
    const held: Held = new Map();
    outgoing(pair, { entries: [], lists: { checkins: [inSeries] } }, held, sessions);
    const moved = writeRecord(CHECKIN, inSeries, { ...inSeries, sessionId: 'S2' }, stamp('devA', '2026-03-02T09:00:00.000Z'));
    expect(outgoing(pair, { entries: [], lists: { checkins: [moved] } }, held, sessions).withdraw.get(CHECKIN)).toEqual(['C1']);
  });
});

describe('every registered kind is carried', () => {
  it('check-ins and own decks go to one’s own devices with everything else, and a check-in to its pair', () => {
    const slice = { entries: [], lists: { sessions, checkins: [checkin('C1', { sessionId: 'S1' }), checkin('C2')], decks: [ownDeck('D1')] } };
    const mine = outgoing(devices, slice, new Map(), sessions).put;
    expect([...mine.entries()].map(([kind, list]) => [kind.noun, list.map((r) => r.id)])).toEqual([
      ['session', ['S1', 'S2']],
      ['check-in', ['C1', 'C2']],
      ['deck', ['D1']],
    ]);
    const toPair = outgoing(pair, slice, new Map(), sessions).put;
    expect([...toPair.entries()].map(([kind, list]) => [kind.noun, list.map((r) => r.id)])).toEqual([
      ['session', ['S1']],
      ['check-in', ['C1']],
    ]);
  });

  it('a kind registered only here is put into a space and arrives as part of the same import, with no other code', () => {
    expect(recordKinds()).toContain(TALLY);
    const put = outgoing(team, { entries: [], lists: { tallies: [tally('T1', { space: 'TEAM' }), tally('T2')] } }, new Map(), []).put;
    expect(put.get(TALLY)!.map((r) => r.id)).toEqual(['T1']);
    const { data } = incoming([{ kind: TALLY, record: tally('T1') }, { kind: CHECKIN, record: checkin('C1') }, { kind: OWN_DECK, record: ownDeck('D1') }], new Set(), new Map());
    expect(data.other?.tallies?.map((r) => r.id)).toEqual(['T1']);
    expect(data.checkins.map((r) => r.id)).toEqual(['C1']);
    expect(data.decks?.map((r) => r.id)).toEqual(['D1']);
  });

  it('refuses a second kind under a name already taken', () => {
    expect(() => registerKind({ ...TALLY })).toThrow(/already registered/);
  });
});

describe('incoming: what arrives becomes one merge into the logbook', () => {
  it('takes entries, actions and sessions; an action whose entry is nowhere yet waits; the vault’s copy of an entry comes with its action', () => {
    const e1 = entry('E1');
    const e2 = entry('E2');
    const arrivals = [
      { kind: SESSION, record: sessions[0]! },
      { kind: ENTRY, record: e1 },
      { kind: ACTION, record: action('A1', 'E1') },
      { kind: ACTION, record: action('A2', 'E9') },
      { kind: ACTION, record: action('A3', 'E2') },
      { kind: ACTION, record: action('A4', 'E5') },
    ];
    const held: Held = new Map([[recordKey(ENTRY, 'E2'), e2]]);
    const { data, waiting } = incoming(arrivals, new Set(['E5']), held);
    expect(data.entries.map((e) => e.id).sort()).toEqual(['E1', 'E2']);
    expect(data.actions.map((a) => a.id)).toEqual(['A1', 'A3', 'A4']);
    expect(data.sessions.map((s) => s.id)).toEqual(['S1']);
    expect(waiting.map((w) => w.record.id)).toEqual(['A2']);
  });
});
