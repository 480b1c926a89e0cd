/**
 * Every kind of record the logbook keeps, for code that handles them all alike (sync carries
 * each of them to the spaces it belongs in). A new kind is added to KINDS; one defined
 * elsewhere (a test) joins with registerKind, and is then carried with no other change.
 */
import { ACTION } from './action';
import { CHECKIN } from './checkin';
import { ENTRY } from './entry';
import type { StoredKind } from './kind';
import { OWN_DECK } from './own-deck';
import { SESSION } from './session';

/** In the order a space is given them: a session before its entries, an entry before its actions. */
const KINDS: StoredKind[] = [SESSION, ENTRY, ACTION, CHECKIN, OWN_DECK];

export function recordKinds(): readonly StoredKind[] {
  return KINDS;
}

export function kindNamed(noun: string): StoredKind | undefined {
  return KINDS.find((kind) => kind.noun === noun);
}

export function registerKind(kind: StoredKind): void {
  const clash = KINDS.find((k) => k.noun === kind.noun || k.list === kind.list);
  if (clash && clash !== kind) throw new Error(`A record kind named “${kind.noun}” or kept as “${kind.list}” is already registered.`);
  if (!clash) KINDS.push(kind);
}
