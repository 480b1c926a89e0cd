import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDecks, loadDestinations } from '../../src/build/load-decks';

const root = fileURLToPath(new URL('../..', import.meta.url));
const decks = loadDecks(`${root}content`, root);
if (!decks.ok) throw new Error(decks.errors.join('\n'));
const result = loadDestinations(`${root}content`, decks.decks, root);
if (!result.ok) throw new Error(result.errors.join('\n'));
const destination = result.destinations.find((d) => d.id === 'power-shifting-destination')!;
const source = readFileSync(fileURLToPath(new URL('../fixtures/source/shifting-power-2019.txt', import.meta.url)), 'utf8');

/** The source was extracted from a PDF: compare with line breaks and spacing removed. */
const squash = (text: string) => text.replace(/\s+/g, '');

/** Pages 8–10 of the source, from the destination question to the page about the cards. */
const pages = (() => {
  const text = squash(source);
  const start = text.indexOf(squash(destination.title));
  const end = text.indexOf(squash('We have developed a set of cards'));
  if (start < 0 || end < start) throw new Error('pages 8–10 not found in the source');
  return text.slice(start, end);
})();

describe('the destination of the Power Shifting deck', () => {
  it('belongs to the Power Shifting deck and asks the published question', () => {
    expect(destination.deckId).toBe('power-shifting');
    expect(destination.title).toBe('What does our destination look like – how will we be operating when we have shifted power?');
    expect(destination.about.source.year).toBe(2019);
  });

  it('has the eight groups in the published order, each with its headline as published', () => {
    expect(destination.groups.map((g) => g.name)).toEqual([
      'People',
      'Communities',
      'Voluntary and community organisations',
      'Staff',
      'Public service leaders',
      'Senior leaders',
      'Commissioners',
      'We',
    ]);
    const places = destination.groups.map((g) => pages.indexOf(squash(g.headline)));
    for (const [i, place] of places.entries()) expect(place, destination.groups[i]!.id).toBeGreaterThan(-1);
    expect([...places].sort((a, b) => a - b)).toEqual(places);
  });

  it('holds every bullet of pages 8–10 once, whole and word for word, under its group', () => {
    const statements = destination.groups.flatMap((g) => g.statements);
    // Each bullet runs from its mark to the next one; in the two-column extraction the text
    // between can also hold the next group's headline and its name ("Staff:").
    const [before, ...bullets] = pages.split('•');
    expect(bullets).toHaveLength(32);
    expect(statements).toHaveLength(bullets.length);
    const framing = [destination.title, ...destination.groups.flatMap((g) => [g.headline, `${g.name}:`])].map(squash);
    const onlyFraming = (text: string) => framing.reduce((rest, piece) => rest.replace(piece, ''), text);
    expect(onlyFraming(before!)).toBe('');
    statements.forEach((statement, i) => {
      const bullet = bullets[i]!;
      const text = squash(statement.text);
      expect(bullet.startsWith(text), `${statement.id}: ${statement.text}`).toBe(true);
      expect(onlyFraming(bullet.slice(text.length)), `${statement.id} ends where its bullet does`).toBe('');
    });
    // And each statement sits under the group whose name heads its bullets.
    for (const group of destination.groups) {
      const label = pages.indexOf(squash(`${group.name}:`));
      const first = pages.indexOf(squash(group.statements[0]!.text));
      expect(label, group.id).toBeGreaterThan(-1);
      expect(pages.slice(label, first).split('•')).toHaveLength(2);
    }
  });

  it('has no statement twice and ids that say where each statement belongs', () => {
    const texts = destination.groups.flatMap((g) => g.statements.map((s) => s.text));
    expect(new Set(texts).size).toBe(texts.length);
    for (const group of destination.groups) {
      expect(group.statements.map((s) => s.id)).toEqual(group.statements.map((_, i) => `${group.id}-${i + 1}`));
    }
    expect(destination.groups.map((g) => g.statements.length)).toEqual([6, 4, 3, 4, 3, 4, 5, 3]);
  });
});
