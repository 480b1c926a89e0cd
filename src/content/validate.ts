/**
 * Checks deck and destination files against the contract and the rules a schema cannot express
 * (unique ids, known groups, translations that keep the original's card ids, companions of real
 * decks). Every message names the file and the field, so whoever edits the content knows where
 * to look.
 */
import * as v from 'valibot';
import { DeckSchema, DestinationSchema, type Deck, type Destination } from './schema.ts';

export type DeckResult = { ok: true; deck: Deck } | { ok: false; errors: string[] };
export type DestinationResult = { ok: true; destination: Destination } | { ok: false; errors: string[] };

export function validateDeck(data: unknown, file: string): DeckResult {
  const parsed = parse(DeckSchema, data, file, 'a deck');
  if (!parsed.ok) return parsed;
  const deck = parsed.output;
  const errors: string[] = [];
  const claim = claimer(file, errors);
  const groupIds = new Set<string>();
  deck.groups.forEach((group, g) => {
    if (groupIds.has(group.id)) errors.push(`${file}: groups[${g}].id: duplicate group "${group.id}"`);
    groupIds.add(group.id);
  });
  const known = [...groupIds].join(', ');
  if (deck.companionOf !== undefined && deck.kind !== 'companion') {
    errors.push(`${file}: companionOf: only a companion deck ("kind": "companion") names the deck it goes with`);
  }
  const numbers = new Set<number>();
  deck.capabilities.forEach((capability, c) => {
    const at = `capabilities[${c}]`;
    claim(capability.id, `${at}.id`);
    if (numbers.has(capability.number)) {
      errors.push(`${file}: ${at}.number: capability number ${capability.number} is used twice`);
    }
    numbers.add(capability.number);
    // The main deck's printed cards all carry their capability's framing; companion decks follow
    // source documents whose sections do not always have one.
    if (deck.kind === 'main' && capability.framing === undefined) {
      errors.push(`${file}: ${at}.framing: is missing (every capability of a main deck has one)`);
    }
    capability.tasks.forEach((task, t) => {
      const field = `${at}.tasks[${t}]`;
      claim(task.id, `${field}.id`);
      if (groupIds.size === 0) {
        if (task.group !== undefined) {
          errors.push(`${file}: ${field}.group: the deck has no groups, so a card cannot name one ("${task.group}")`);
        }
      } else if (task.group === undefined) {
        errors.push(`${file}: ${field}.group: is missing (every card of a deck with groups names one: ${known})`);
      } else if (!groupIds.has(task.group)) {
        errors.push(`${file}: ${field}.group: "${task.group}" is not one of the deck's groups (${known})`);
      }
    });
  });
  return errors.length ? { ok: false, errors } : { ok: true, deck };
}

/**
 * Rules across decks: unique deck ids; translations that keep every card id of the original;
 * companions of a main deck that exists; and card ids used by one deck only (translations apart),
 * as the app may look a logbook entry's card up in every deck.
 */
export function validateDeckSet(decks: { deck: Deck; file: string }[]): string[] {
  const errors: string[] = [];
  const byId = new Map<string, { deck: Deck; file: string }>();
  for (const entry of decks) {
    const other = byId.get(entry.deck.id);
    if (other) errors.push(`${entry.file}: id: deck id "${entry.deck.id}" is already used by ${other.file}`);
    else byId.set(entry.deck.id, entry);
  }
  const cardOwners = new Map<string, string>();
  for (const { deck, file } of decks) {
    if (deck.companionOf !== undefined) {
      const main = byId.get(deck.companionOf);
      if (!main) errors.push(`${file}: companionOf: there is no deck with id "${deck.companionOf}"`);
      else if (main.deck.kind !== 'main') {
        errors.push(`${file}: companionOf: "${deck.companionOf}" is a companion deck itself; name the main deck this one goes with`);
      }
    }
    if (!deck.translationOf) {
      deck.capabilities.forEach((capability, c) =>
        capability.tasks.forEach((task, t) => {
          const owner = cardOwners.get(task.id);
          if (owner) {
            errors.push(`${file}: capabilities[${c}].tasks[${t}].id: card id "${task.id}" is already used by ${owner}; card ids are unique across decks`);
          } else cardOwners.set(task.id, file);
        }),
      );
      continue;
    }
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

export function validateDestination(data: unknown, file: string): DestinationResult {
  const parsed = parse(DestinationSchema, data, file, 'a destination');
  if (!parsed.ok) return parsed;
  const destination = parsed.output;
  const errors: string[] = [];
  const claim = claimer(file, errors);
  destination.groups.forEach((group, g) => {
    claim(group.id, `groups[${g}].id`);
    group.statements.forEach((statement, s) => claim(statement.id, `groups[${g}].statements[${s}].id`));
  });
  return errors.length ? { ok: false, errors } : { ok: true, destination };
}

/** Rules across destination files: unique ids, and each describes a deck that exists. */
export function validateDestinationSet(destinations: { destination: Destination; file: string }[], deckIds: ReadonlySet<string>): string[] {
  const errors: string[] = [];
  const seen = new Map<string, string>();
  for (const { destination, file } of destinations) {
    const other = seen.get(destination.id);
    if (other) errors.push(`${file}: id: destination id "${destination.id}" is already used by ${other}`);
    else seen.set(destination.id, file);
    if (!deckIds.has(destination.deckId)) errors.push(`${file}: deckId: there is no deck with id "${destination.deckId}"`);
  }
  return errors;
}

type Parsed<T> = { ok: true; output: T } | { ok: false; errors: string[] };

function parse<S extends v.GenericSchema>(schema: S, data: unknown, file: string, what: string): Parsed<v.InferOutput<S>> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, errors: [`${file}: (whole file): must be ${what} object, starting with {`] };
  }
  const parsed = v.safeParse(schema, data, { abortEarly: false });
  if (!parsed.success) {
    return { ok: false, errors: parsed.issues.map((issue) => `${file}: ${fieldOf(issue)}: ${describe(issue)}`) };
  }
  return { ok: true, output: parsed.output };
}

/** Records where each id is first used and reports any later use of it, with both places. */
function claimer(file: string, errors: string[]): (id: string, field: string) => void {
  const seen = new Map<string, string>();
  return (id, field) => {
    const first = seen.get(id);
    if (first) errors.push(`${file}: ${field}: duplicate id "${id}" (already used at ${first})`);
    else seen.set(id, field);
  };
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
