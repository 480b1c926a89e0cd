/**
 * Which records a space carries. A *devices* space holds the whole logbook of one person, every
 * kind. A *pair* space holds one supervision series: its sessions, their non-private entries
 * and those entries' actions, and any other record made in one of its sessions (`sessionId`: a
 * check-in done in supervision). A *team* space holds what was shared with it (`space` on the
 * record: an entry, an action, a check-in). Private records go only to the author's own devices.
 * Kinds without a rule of their own (check-ins, own decks, and any kind registered later) follow
 * that default; a kind that needs another registers its rule.
 */
import { ACTION, type ActionRecord } from '../records/action';
import { ENTRY, type EntryRecord } from '../records/entry';
import type { RecordKind } from '../records/kind';
import type { Versioned } from '../records/merge';
import { SESSION, type SessionRecord } from '../records/session';

export const SPACE_KINDS = ['devices', 'pair', 'team'] as const;
export type SpaceKind = (typeof SPACE_KINDS)[number];

export interface SpaceScope {
  kind: SpaceKind;
  spaceId: string;
  /** A pair space: the supervision series it holds. */
  series?: string;
}

/** What deciding needs beyond the record itself. */
export interface ScopeContext {
  /** For an action: the entry it belongs to. */
  entry?: EntryRecord;
  /** The ids of the sessions the space holds (a pair's series). */
  sessions: ReadonlySet<string>;
}

export type ScopeRule = (scope: SpaceScope, record: Versioned, context: ScopeContext) => boolean;

const markedFor = (scope: SpaceScope, record: Versioned) => (record as { space?: unknown }).space === scope.spaceId;

function entryBelongs(scope: SpaceScope, entry: EntryRecord, context: ScopeContext): boolean {
  if (entry.private) return false;
  if (scope.kind === 'pair') return !!entry.sessionId && context.sessions.has(entry.sessionId);
  return markedFor(scope, entry);
}

/** Any kind without a rule: not private, and made in one of the space's sessions or marked for it. */
function byDefault(scope: SpaceScope, record: Versioned, context: ScopeContext): boolean {
  const { private: hidden, sessionId } = record as { private?: unknown; sessionId?: unknown };
  if (hidden) return false;
  if (typeof sessionId === 'string' && context.sessions.has(sessionId)) return true;
  return scope.kind === 'team' && markedFor(scope, record);
}

const rules = new Map<string, ScopeRule>([
  [ENTRY.noun, (scope, record, context) => entryBelongs(scope, record as EntryRecord, context)],
  [
    ACTION.noun,
    (scope, record, context) => {
      const { entry } = context;
      if (!entry || entry.id !== (record as ActionRecord).entryId) return false;
      if (scope.kind === 'pair' || entry.private) return entryBelongs(scope, entry, context);
      return markedFor(scope, record) || markedFor(scope, entry);
    },
  ],
  [
    SESSION.noun,
    (scope, record) => (scope.kind === 'pair' ? !!scope.series && (record as SessionRecord).series === scope.series : markedFor(scope, record)),
  ],
]);

/** A record kind's rule, for a kind the default does not suit. */
export function registerScopeRule(kind: RecordKind, rule: ScopeRule): void {
  rules.set(kind.noun, rule);
}

export function belongsIn(scope: SpaceScope, kind: RecordKind, record: Versioned, context: ScopeContext): boolean {
  if (scope.kind === 'devices') return true;
  const rule = rules.get(kind.noun);
  return (rule ?? byDefault)(scope, record, context);
}

/** The ids of the sessions a space holds, among the sessions given. */
export function spaceSessions(scope: SpaceScope, sessions: readonly SessionRecord[]): Set<string> {
  const rule = rules.get(SESSION.noun)!;
  return new Set(sessions.filter((s) => rule(scope, s, { sessions: new Set() })).map((s) => s.id));
}

/**
 * What a joiner learns from the link besides the payload (kind, and the team's name or pair's
 * series): after the payload, in the fragment, so the server never sees it either.
 */
export interface InviteDetails {
  kind: SpaceKind;
  name: string;
}

export function inviteSuffix(details: InviteDetails): string {
  return `/${details.kind}${details.name ? `/${encodeURIComponent(details.name)}` : ''}`;
}
