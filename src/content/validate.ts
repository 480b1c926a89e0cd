/**
 * Checks one deck file against the contract and the rules a schema cannot express (unique ids,
 * known groups, translations that keep the original's card ids). Every message names the file
 * and the field, so whoever edits the content knows where to look.
 */
import * as v from 'valibot';
import { DeckSchema, type Deck } from './schema.ts';

export type DeckResult = { ok: true; deck: Deck } | { ok: false; errors: string[] };

export function validateDeck(data: unknown, file: string): DeckResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, errors: [`${file}: (whole file): must be a deck object, starting with {`] };
  }
  const parsed = v.safeParse(DeckSchema, data, { abortEarly: false });
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.issues.map((issue) => `${file}: ${fieldOf(issue)}: ${describe(issue)}`),
    };
  }
  const deck = parsed.output;
  const errors: string[] = [];
  const seen = new Map<string, string>();
  const claim = (id: string, field: string) => {
    const first = seen.get(id);
    if (first) errors.push(`${file}: ${field}: duplicate id "${id}" (already used at ${first})`);
    else seen.set(id, field);
  };
  const groupIds = new Set<string>();
  deck.groups.forEach((group, g) => {
    if (groupIds.has(group.id)) errors.push(`${file}: groups[${g}].id: duplicate group "${group.id}"`);
    groupIds.add(group.id);
  });
  const numbers = new Set<number>();
  deck.capabilities.forEach((capability, c) => {
    const at = `capabilities[${c}]`;
    claim(capability.id, `${at}.id`);
    if (numbers.has(capability.number)) {
      errors.push(`${file}: ${at}.number: capability number ${capability.number} is used twice`);
    }
    numbers.add(capability.number);
    capability.tasks.forEach((task, t) => {
      claim(task.id, `${at}.tasks[${t}].id`);
      if (!groupIds.has(task.group)) {
        errors.push(
          `${file}: ${at}.tasks[${t}].group: "${task.group}" is not one of the deck's groups (${[...groupIds].join(', ')})`,
        );
      }
    });
  });
  return errors.length ? { ok: false, errors } : { ok: true, deck };
}

/** Rules across decks: unique deck ids, and translations that keep every card id of the original. */
export function validateDeckSet(decks: { deck: Deck; file: string }[]): string[] {
  const errors: string[] = [];
  const byId = new Map<string, { deck: Deck; file: string }>();
  for (const entry of decks) {
    const other = byId.get(entry.deck.id);
    if (other) errors.push(`${entry.file}: id: deck id "${entry.deck.id}" is already used by ${other.file}`);
    else byId.set(entry.deck.id, entry);
  }
  for (const { deck, file } of decks) {
    if (!deck.translationOf) continue;
    const original = byId.get(deck.translationOf);
    if (!original) {
      errors.push(`${file}: translationOf: there is no deck with id "${deck.translationOf}"`);
      continue;
    }
    const ids = (d: Deck) => new Set(d.capabilities.flatMap((c) => [c.id, ...c.tasks.map((t) => t.id)]));
    const mine = ids(deck);
    const theirs = ids(original.deck);
    for (const id of theirs) {
      if (!mine.has(id)) errors.push(`${file}: capabilities: the translation is missing "${id}" from ${original.file}`);
    }
    for (const id of mine) {
      if (!theirs.has(id)) errors.push(`${file}: capabilities: "${id}" is not in ${original.file}; a translation keeps the original ids`);
    }
  }
  return errors;
}

function fieldOf(issue: v.BaseIssue<unknown>): string {
  const path = issue.path ?? [];
  if (path.length === 0) return '(whole file)';
  return path
    .map((item, i) => (typeof item.key === 'number' ? `[${item.key}]` : `${i === 0 ? '' : '.'}${String(item.key)}`))
    .join('');
}

function describe(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema' && issue.received === 'undefined') return 'is missing';
  if (issue.type === 'strict_object' && issue.expected === 'never') return 'is not a field the format knows (check the spelling)';
  return issue.message;
}
