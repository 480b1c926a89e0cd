import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDecks } from '../../src/build/load-decks';
import published from '../fixtures/published-card-ids.json';

const root = fileURLToPath(new URL('../..', import.meta.url));
const result = loadDecks(`${root}content`, root);
if (!result.ok) throw new Error(result.errors.join('\n'));
const deck = result.decks.find((d) => d.id === 'power-shifting')!;
const source = readFileSync(fileURLToPath(new URL('../fixtures/source/shifting-power-2019.txt', import.meta.url)), 'utf8');

/** The source was extracted from a PDF: compare with line breaks and spacing removed. */
const squash = (text: string) => text.replace(/\s+/g, '');

describe('the Power Shifting deck', () => {
  it('has ten capabilities, numbered 1 to 10, and 49 tasks', () => {
    expect(deck.capabilities.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(deck.capabilities.flatMap((c) => c.tasks)).toHaveLength(49);
  });

  it('gives every capability tasks for both public service leaders and community leaders', () => {
    expect(deck.groups.map((g) => g.name)).toEqual(['Public service leaders', 'Community leaders']);
    for (const capability of deck.capabilities) {
      expect(capability.tasks.some((t) => t.group === 'public'), capability.id).toBe(true);
      expect(capability.tasks.some((t) => t.group === 'community'), capability.id).toBe(true);
    }
  });

  it('keeps the published wording of every task, heading and framing', () => {
    const text = squash(source);
    for (const capability of deck.capabilities) {
      expect(text.includes(squash(capability.heading)), `${capability.id} heading`).toBe(true);
      const framing = capability.framing ?? '';
      expect(framing !== '' && text.includes(squash(framing)), `${capability.id} framing`).toBe(true);
      for (const task of capability.tasks) {
        expect(text.includes(squash(task.text)), `${task.id}: ${task.text}`).toBe(true);
      }
    }
  });

  it('never changes or removes a published card id', () => {
    const ids = new Set(deck.capabilities.flatMap((c) => c.tasks.map((t) => t.id)));
    for (const id of published['power-shifting']) expect(ids.has(id), `card ${id} must still exist`).toBe(true);
  });

  it('carries the how-to-use guidance and the source attribution', () => {
    expect(deck.about.howToUse.join(' ')).toContain('define the community you want to work with');
    expect(deck.about.source.year).toBe(2019);
    expect(deck.about.source.publisher).toContain('New NHS Alliance');
  });
});
