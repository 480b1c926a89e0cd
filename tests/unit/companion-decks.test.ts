import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDecks } from '../../src/build/load-decks';
import type { Deck } from '../../src/content/schema';
import published from '../fixtures/published-card-ids.json';

const root = fileURLToPath(new URL('../..', import.meta.url));
const result = loadDecks(`${root}content`, root);
if (!result.ok) throw new Error(result.errors.join('\n'));
const decks = result.decks;
const deckById = (id: string) => decks.find((d) => d.id === id)!;

/** The sources are PDF extractions and an OCR reading: compare with line breaks and spacing removed. */
const squash = (text: string) => text.replace(/\s+/g, '');

/** A source text with the listed OCR corrections made, as the deck's reading notes record them. */
function sourceText(file: string, corrections: readonly (readonly [string, string])[] = []): string {
  const raw = readFileSync(fileURLToPath(new URL(`../fixtures/source/${file}`, import.meta.url)), 'utf8');
  return squash(corrections.reduce((text, [from, to]) => text.split(from).join(to), raw));
}

/**
 * Expects `text` word for word in the source. Where columns were interleaved, `breaks` lists the
 * words at which each further piece of the text starts; every piece must then be in the source.
 */
function expectVerbatim(source: string, text: string, label: string, breaks: readonly string[] = []) {
  const pieces: string[] = [];
  let rest = text;
  for (const start of breaks) {
    const at = rest.indexOf(start);
    expect(at, `${label}: break "${start}"`).toBeGreaterThan(0);
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  pieces.push(rest);
  for (const piece of pieces) expect(source.includes(squash(piece)), `${label}: "${piece}"`).toBe(true);
}

/** Every heading, framing, title and text of a deck, checked against its source. */
function expectDeckVerbatim(deck: Deck, source: string, breaks: Record<string, readonly string[]> = {}) {
  for (const capability of deck.capabilities) {
    expectVerbatim(source, capability.heading, `${capability.id} heading`);
    if (capability.framing) expectVerbatim(source, capability.framing, `${capability.id} framing`, breaks[`${capability.id} framing`]);
    for (const task of capability.tasks) {
      if (task.title) expectVerbatim(source, task.title, `${task.id} title`);
      expectVerbatim(source, task.text, task.id, breaks[task.id]);
    }
  }
}

function expectCompanionShape(deck: Deck) {
  expect(deck.kind).toBe('companion');
  expect(deck.companionOf).toBe('power-shifting');
  expect(deck.groups).toEqual([]);
  const tasks = deck.capabilities.flatMap((c) => c.tasks);
  expect(tasks.filter((t) => t.group !== undefined)).toEqual([]);
  const texts = tasks.map((t) => t.text);
  expect(new Set(texts).size, 'no card text twice').toBe(texts.length);
  expect(deck.about.summary.length).toBeGreaterThan(0);
  expect(deck.about.howToUse.length).toBeGreaterThan(0);
}

describe('the companion decks', () => {
  it('come after the Power Shifting deck, which the app deals by default', () => {
    expect(decks.map((d) => d.id)).toEqual(['power-shifting', 'engagement', 'live-well', 'our-manchester']);
  });

  it('never change or remove a published card id, in any deck', () => {
    for (const [deckId, ids] of Object.entries(published)) {
      const cards = new Set(deckById(deckId).capabilities.flatMap((c) => c.tasks.map((t) => t.id)));
      for (const id of ids) expect(cards.has(id), `card ${id} of ${deckId} must still exist`).toBe(true);
    }
  });
});

describe('the Live Well deck', () => {
  const deck = deckById('live-well');
  /** OCR errors the deck corrects; each is also in its reading notes. */
  const CORRECTIONS = [['regard|ess', 'regardless']] as const;
  // Where the two-column layout interleaves a text with another, the words each further piece starts with.
  const BREAKS: Record<string, readonly string[]> = {
    'live-well-2 framing': ['intent and purpose'],
    'live-well-2-connect-as-humans': ['relationships. Get to know', 'each other beyond formal roles', 'and responsibilities.'],
    'live-well-2-find-common-cause': ['and purpose that colleagues', 'share regardless', 'service.'],
    'live-well-2-culture-forming': ['in external facilitation', 'feels helpful.'],
    'live-well-3-challenge-assumptions': ['each other.'],
    'live-well-6-new-ways-of-working': ['and representing', 'to more informal'],
  };

  it('has the four system enablers and the four opportunity areas, under the report’s own headings', () => {
    expectCompanionShape(deck);
    expect(deck.sectionName).toBe('Theme');
    expect(deck.capabilities.map((c) => [c.number, c.heading, c.tasks.length])).toEqual([
      [1, 'Leadership across place', 6],
      [2, 'Cross sector teams', 5],
      [3, 'Equal voluntary and statutory partnerships', 5],
      [4, 'Trust in communities', 5],
      [5, 'Leading Together', 2],
      [6, 'More than Meetings', 3],
      [7, 'A Joint Response to Regulation', 3],
      [8, 'Authentic Co-production', 2],
    ]);
  });

  it('has the six leader behaviours, each with a title', () => {
    expect(deck.capabilities[0]!.tasks.map((t) => t.title)).toEqual([
      'Model optimism',
      'Explore conflict',
      'Be human',
      'Be curious',
      'Embrace change',
      'Be accountable',
    ]);
    const titles = deck.capabilities.flatMap((c) => c.tasks.map((t) => t.title));
    expect(titles.every((t) => t !== undefined)).toBe(true);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('keeps the published wording of every heading, framing, title and card', () => {
    expectDeckVerbatim(deck, sourceText('live-well-changemakers.txt', CORRECTIONS), BREAKS);
  });

  it('records every correction and names only real cards in its reading notes', () => {
    const notes = deck.about.readingNotes ?? [];
    for (const [from, to] of CORRECTIONS) {
      expect(notes.some((n) => n.includes(`“${from}”`) && n.includes(`“${to}”`)), from).toBe(true);
    }
    const ids = new Set(deck.capabilities.flatMap((c) => c.tasks.map((t) => t.id)));
    for (const note of notes) {
      for (const [, id] of note.matchAll(/^Card ([a-z0-9-]+):/g)) expect(ids.has(id!), note).toBe(true);
    }
  });
});

describe('the Our Manchester deck', () => {
  const deck = deckById('our-manchester');

  it('has the behaviours people said are needed and the workshop questions', () => {
    expectCompanionShape(deck);
    expect(deck.capabilities.map((c) => [c.number, c.heading, c.tasks.length])).toEqual([
      [1, 'What behaviours do we need?', 20],
      [2, 'Questions', 6],
    ]);
  });

  it('keeps the published wording of every heading and card', () => {
    expectDeckVerbatim(deck, sourceText('our-manchester.txt'));
  });
});

describe('the engagement framework deck', () => {
  const deck = deckById('engagement');

  it('has the framework’s questions, grouped as the source groups them', () => {
    expectCompanionShape(deck);
    expect(deck.capabilities.map((c) => [c.number, c.heading, c.tasks.length])).toEqual([
      [1, 'Framework against which engagement can be assessed/challenged', 4],
    ]);
  });

  it('keeps the published wording of the heading and every card', () => {
    const source = sourceText('engagement-framework.txt');
    expectDeckVerbatim(deck, source);
    // The questions are one list in the source, in this order.
    const list = deck.capabilities[0]!.tasks.map((t) => t.text).join(', ');
    expect(source.includes(squash(`(${list})`))).toBe(true);
  });
});
