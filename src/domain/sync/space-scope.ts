/**
 * Which records a space carries. A *devices* space holds the whole logbook of one person, a
 * *pair* space one supervision series (its sessions, their non-private entries and those
 * entries' actions), a *team* space what was explicitly shared with it (`space` on the record).
 * Private entries go only to the author's own devices. A kind registered later (check-ins, own
 * cards) joins by registering its rule; without one, a team carries records marked for it and a
 * pair carries none.
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
  /** A pair space: the ids of the sessions in its series. */
  seriesSessions: ReadonlySet<string>;
}

export type ScopeRule = (scope: SpaceScope, record: Versioned, context: ScopeContext) => boolean;

const markedFor = (scope: SpaceScope, record: Versioned) => (record as { space?: unknown }).space === scope.spaceId;

function entryBelongs(scope: SpaceScope, entry: EntryRecord, context: ScopeContext): boolean {
  if (entry.private) return false;
  if (scope.kind === 'pair') return !!entry.sessionId && context.seriesSessions.has(entry.sessionId);
  return markedFor(scope, entry);
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

/** A record kind's rule, for kinds added after these three. */
export function registerScopeRule(kind: RecordKind, rule: ScopeRule): void {
  rules.set(kind.noun, rule);
}

export function belongsIn(scope: SpaceScope, kind: RecordKind, record: Versioned, context: ScopeContext): boolean {
  if (scope.kind === 'devices') return true;
  const rule = rules.get(kind.noun);
  if (rule) return rule(scope, record, context);
  return scope.kind === 'team' && markedFor(scope, record);
}

/** The ids of a pair space's sessions, among the sessions given. */
export function seriesSessions(scope: SpaceScope, sessions: readonly SessionRecord[]): Set<string> {
  if (scope.kind !== 'pair' || !scope.series) return new Set();
  return new Set(sessions.filter((s) => s.series === scope.series).map((s) => s.id));
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
