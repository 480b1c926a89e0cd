import { describe, expect, it } from 'vitest';
import { emitUtf8 } from '../../src/domain/exports/utf8-chunks';

function pieces(text: string, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  emitUtf8(text, (bytes) => out.push(bytes), size);
  return out;
}

const joined = (parts: Uint8Array[]) => Buffer.concat(parts).toString('utf8');

describe('emitUtf8', () => {
  it('hands over the text in pieces that join to its exact UTF-8', () => {
    const text = 'Café “quoted” ’ and more text, '.repeat(50);
    const parts = pieces(text, 64);
    expect(parts.length).toBeGreaterThan(10);
    expect(joined(parts)).toBe(text);
    expect(Buffer.concat(parts).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('never splits an emoji between two pieces', () => {
    // Each 🙂 is two UTF-16 units; with an odd piece size every boundary falls inside one.
    const text = 'a🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂b';
    for (const size of [1, 2, 3, 5]) {
      const parts = pieces(text, size);
      expect(joined(parts)).toBe(text);
      for (const part of parts) expect(Buffer.from(part).toString('utf8')).not.toContain('\uFFFD');
    }
  });

  it('hands over nothing for an empty text', () => {
    expect(pieces('', 8)).toEqual([]);
  });
});
