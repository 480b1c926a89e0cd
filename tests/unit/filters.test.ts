import { describe, expect, it } from 'vitest';
import { decksOf, groupsOf, matchesIndex, narrows, NO_FILTER, queryTerms, sortOpenActions, type IndexItem, type LogbookFilter } from '../../src/domain/logbook/filters';
import type { ActionRecord } from '../../src/domain/records/action';

const q = (query: string, more: Partial<LogbookFilter> = {}): LogbookFilter => ({ ...NO_FILTER, query, ...more });

describe('narrowing a search as the user types', () => {
  it('narrows when every earlier word is still inside one of the new words and the filters are the same', () => {
    expect(narrows(q('res'), q('resi'))).toBe(true);
    expect(narrows(q('resi'), q('resi w'))).toBe(true);
    expect(narrows(q(''), q('a'))).toBe(true);
    expect(narrows(q('walk resi'), q('RESIDENTS walked'))).toBe(true);
    expect(narrows(q('resi'), q('res'))).toBe(false);
    expect(narrows(q('resi w'), q('resi'))).toBe(false);
    expect(narrows(q('resi'), q('resi', { capability: 3 }))).toBe(false);
    expect(narrows(q('resi', { tag: 'parks' }), q('resid', { tag: 'parks' }))).toBe(true);
    expect(narrows(q('resi', { from: '2026-01-01' }), q('resid'))).toBe(false);
  });

  it('finds exactly what a full search finds, keystroke by keystroke', () => {
    const words = ['tenants', 'forum', 'resident', 'residents', 'walk', 'walkabout', 'estate', 'youth', 'library'];
    let seed = 7;
    const pick = () => words[(seed = (seed * 16807) % 2147483647) % words.length]!;
    const items: IndexItem[] = Array.from({ length: 300 }, (_, i) => ({
      id: String(i),
      createdAt: '2026-01-01T00:00:00.000Z',
      day: '2026-01-01',
      community: '',
      tags: [],
      statuses: 0,
      searchText: `${pick()} ${pick()} ${pick()}`,
    }));
    for (const typed of ['residents walk', 'walkabout estate', 'lib rary']) {
      let last: { filter: LogbookFilter; found: IndexItem[] } = { filter: NO_FILTER, found: items };
      for (let n = 1; n <= typed.length; n++) {
        const filter = q(typed.slice(0, n));
        const terms = queryTerms(filter.query);
        const pool = narrows(last.filter, filter) ? last.found : items;
        const found = pool.filter((item) => matchesIndex(item, filter, terms));
        expect(found).toEqual(items.filter((item) => matchesIndex(item, filter, terms)));
        last = { filter, found };
      }
    }
  });
});

describe('the order of open actions', () => {
  const action = (id: string, due: string, createdAt: string, status: ActionRecord['status'] = 'planned'): ActionRecord => ({
    id,
    entryId: 'e',
    createdAt,
    updatedAt: createdAt,
    deleted: 0,
    what: id,
    owner: '',
    due,
    status,
    followUp: { happened: '', learned: '' },
    order: 0,
  });

  it('puts the oldest due first, undated last, the oldest written first among equals, and leaves out closed ones', () => {
    const sorted = sortOpenActions([
      action('undated', '', '2026-01-01T00:00:00Z'),
      action('later', '2026-05-01', '2026-01-01T00:00:00Z'),
      action('done', '2020-01-01', '2026-01-01T00:00:00Z', 'done'),
      action('overdue-newer', '2026-02-01', '2026-01-03T00:00:00Z'),
      action('overdue-older', '2026-02-01', '2026-01-02T00:00:00Z', 'doing'),
      { ...action('deleted', '2020-01-01', '2026-01-01T00:00:00Z'), deleted: 1 },
    ]);
    expect(sorted.map((a) => a.id)).toEqual(['overdue-older', 'overdue-newer', 'later', 'undated']);
  });
});

describe('filtering by the deck a card came from', () => {
  const item = (id: string, more: Partial<IndexItem>): IndexItem => ({ id, createdAt: '2026-01-01T00:00:00.000Z', day: '2026-01-01', community: '', tags: [], statuses: 0, searchText: '', ...more });
  const items = [
    item('1', { deck: 'power-shifting', capability: 3, group: 'community', groupName: 'Community leaders' }),
    item('2', { deck: 'live-well', capability: 3, group: '' }),
    item('3', { deck: 'power-shifting', capability: 5, group: 'public', groupName: 'Public service leaders' }),
    item('4', {}),
  ];

  it('lists the decks and the groups the cards written about came from, each once', () => {
    expect(decksOf(items)).toEqual(['power-shifting', 'live-well']);
    expect(groupsOf(items)).toEqual([
      { id: 'community', name: 'Community leaders' },
      { id: 'public', name: 'Public service leaders' },
    ]);
    expect(groupsOf(items.filter((i) => i.deck === 'live-well'))).toEqual([]);
  });

  it('tells a section of one deck from the same number in another', () => {
    expect(items.filter((i) => matchesIndex(i, q('', { capability: 3 }))).map((i) => i.id)).toEqual(['1', '2']);
    expect(items.filter((i) => matchesIndex(i, q('', { deck: 'live-well', capability: 3 }))).map((i) => i.id)).toEqual(['2']);
    expect(narrows(q('a', { deck: 'live-well' }), q('ab'))).toBe(false);
  });
});
