import { describe, expect, it } from 'vitest';
import { clearAllPending, clearPending, keepPending, readPending } from '../../src/state/pending-text';

describe('emergency copies of typed text', () => {
  it('are removed by the save of the same text, but not by a save of older text', () => {
    keepPending('note', 'newer text');
    clearPending('note', 'older text');
    expect(readPending<string>('note')?.value).toBe('newer text');
    clearPending('note', 'newer text');
    expect(readPending('note')).toBeUndefined();
  });

  it('compare drafts by their content', () => {
    keepPending('draft', { notes: 'a', tags: ['x'] });
    clearPending('draft', { notes: 'a', tags: ['y'] });
    expect(readPending('draft')).toBeDefined();
    clearPending('draft', { notes: 'a', tags: ['x'] });
    expect(readPending('draft')).toBeUndefined();
  });

  it('are removed outright when no saved text is given (the user discarded them)', () => {
    keepPending('note', 'text');
    clearPending('note');
    expect(readPending('note')).toBeUndefined();
  });

  it('are all removed when all data is deleted, and nothing else in storage is', () => {
    keepPending('draft:new:free', { notes: 'private' });
    keepPending('session:1:notes', 'also private');
    localStorage.setItem('power-shifting:deal', '{"kept":true}');
    clearAllPending();
    expect(readPending('draft:new:free')).toBeUndefined();
    expect(readPending('session:1:notes')).toBeUndefined();
    expect(localStorage.getItem('power-shifting:deal')).toBe('{"kept":true}');
  });
});
