import { describe, expect, it } from 'vitest';
import { ACTION, type ActionRecord } from '../../src/domain/records/action';
import { ENTRY, type EntryRecord } from '../../src/domain/records/entry';
import type { RecordKind } from '../../src/domain/records/kind';
import { mergeRecords, stableJson, writeRecord, type Stamp, type Versioned } from '../../src/domain/records/merge';
import { actionDefaults, entryDefaults, sessionDefaults } from '../../src/domain/records/restore';
import { SESSION, type SessionRecord } from '../../src/domain/records/session';
import { incoming, outgoing, recordKey, type Held } from '../../src/domain/sync/exchange';
import { belongsIn, registerScopeRule, seriesSessions, type SpaceScope } from '../../src/domain/sync/space-scope';

const stamp = (device: string, iso = '2026-03-01T09:00:00.000Z'): Stamp => ({ device, now: new Date(iso) });
const T = '2026-03-01T09:00:00.000Z';

const entry = (id: string, fields: Partial<EntryRecord> = {}): EntryRecord =>
  writeRecord(ENTRY, undefined, { ...entryDefaults(), id, createdAt: T, updatedAt: T, deleted: 0, ...fields } as EntryRecord, stamp('devA'));
const action = (id: string, entryId: string, fields: Partial<ActionRecord> = {}): ActionRecord =>
  writeRecord(ACTION, undefined, { ...actionDefaults(), id, entryId, createdAt: T, updatedAt: T, deleted: 0, ...fields } as ActionRecord, stamp('devA'));
const session = (id: string, series: string): SessionRecord =>
  writeRecord(SESSION, undefined, { ...sessionDefaults(), id, createdAt: T, updatedAt: T, deleted: 0, kind: 'supervision', title: series, date: '2026-03-01', status: 'active', series } as SessionRecord, stamp('devA'));

const devices: SpaceScope = { kind: 'devices', spaceId: 'DEV' };
const pair: SpaceScope = { kind: 'pair', spaceId: 'PAIR', series: 'Supervision with A.B.' };
const team: SpaceScope = { kind: 'team', spaceId: 'TEAM' };

const sessions = [session('S1', 'Supervision with A.B.'), session('S2', 'Supervision with C.D.')];
const context = { seriesSessions: seriesSessions(pair, sessions) };

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

  it('a kind added later joins by registering its rule; without one a team carries it when marked, a pair never', () => {
    const checkIns: RecordKind = { noun: 'check-in', plural: 'check-ins', fixed: ['id', 'createdAt', 'updatedAt', 'clock'] };
    const record = { id: 'C1', createdAt: T, updatedAt: T, deleted: 0 as const, space: 'TEAM' };
    expect(belongsIn(team, checkIns, record, context)).toBe(true);
    expect(belongsIn(pair, checkIns, record, context)).toBe(false);
    const moods: RecordKind = { ...checkIns, noun: 'mood' };
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
    const slice = { entries: [{ entry: e1, actions: [a1] }, { entry: e2, actions: [] }], sessions };
    const first = outgoing(pair, slice, held, sessions);
    expect([...first.keys()].map((k) => k.noun)).toEqual(['session', 'entry', 'action']);
    expect(first.get(ENTRY)!.map((r) => r.id)).toEqual(['E1']);
    expect(first.get(SESSION)!.map((r) => r.id)).toEqual(['S1']);
    expect(outgoing(pair, slice, held, sessions).size).toBe(0);

    const edited = writeRecord(ACTION, a1, { ...a1, status: 'done' as const }, stamp('devA', '2026-03-02T09:00:00.000Z'));
    const second = outgoing(pair, { entries: [{ entry: e1, actions: [edited] }], sessions: [] }, held, sessions);
    expect([...second.entries()].map(([kind, list]) => [kind.noun, list.map((r) => r.id)])).toEqual([['action', ['A1']]]);
  });

  it('does not put back a record the vault already holds a newer version of (another device’s edit merged in)', () => {
    const mine = entry('E1', { space: 'TEAM', notes: 'first' });
    const theirs = writeRecord(ENTRY, mine, { ...mine, notes: 'second' }, stamp('devB', '2026-03-02T09:00:00.000Z'));
    const held: Held = new Map([[recordKey(ENTRY, 'E1'), theirs]]);
    expect(outgoing(team, { entries: [{ entry: mine, actions: [] }], sessions: [] }, held, []).size).toBe(0);
    // After the incoming merge, the logbook holds exactly the vault's version: still nothing to put.
    const merged = mergeRecords(ENTRY, mine, theirs);
    expect(outgoing(team, { entries: [{ entry: merged, actions: [] }], sessions: [] }, held, []).size).toBe(0);
    expect(stableJson(held.get(recordKey(ENTRY, 'E1')))).toBe(stableJson(theirs));
  });

  it('keeps both values of a field changed on two devices at once: the vault gets the local one beside the other', () => {
    const base = entry('E1', { space: 'TEAM', notes: 'base' });
    const here = writeRecord(ENTRY, base, { ...base, notes: 'here' }, stamp('devA', '2026-03-02T09:00:00.000Z'));
    const there = writeRecord(ENTRY, base, { ...base, notes: 'there' }, stamp('devB', '2026-03-02T09:00:01.000Z'));
    const held: Held = new Map([[recordKey(ENTRY, 'E1'), there]]);
    const put = outgoing(team, { entries: [{ entry: here, actions: [] }], sessions: [] }, held, []);
    expect(put.get(ENTRY)).toEqual([here]);
    const now = held.get(recordKey(ENTRY, 'E1')) as Versioned & { notes: string };
    expect(now.notes).toBe('there');
    expect(JSON.stringify(now.clock?.alt)).toContain('here');
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
