/**
 * Normalise-on-read: every record read from storage or from a backup passes through here, so
 * the rest of the app sees each record type in one shape whatever version wrote it. Fields an
 * older version did not have get their defaults (from the schema); fields this version does not
 * know are kept as they are, so a newer version's data survives a round trip through this one.
 */
import type * as v from 'valibot';
import { utc } from '../dates';
import { ActionSchema, type ActionRecord } from './action';
import { CheckinSchema, type CheckinRecord } from './checkin';
import { EntrySchema, type EntryRecord } from './entry';
import type { StoredKind } from './kind';
import type { Versioned } from './merge';
import { OwnDeckSchema, type OwnDeckRecord } from './own-deck';
import { SessionSchema, type SessionRecord } from './session';

type AnySchema = v.GenericSchema & {
  type: string;
  wrapped?: AnySchema;
  default?: unknown;
  entries?: Record<string, AnySchema>;
};

/** A field with a default, and the defaults of the object it holds, if it holds one. */
interface Plan {
  key: string;
  fallback: (() => unknown) | undefined;
  inner: Plan[];
}

const OBJECTS = new Set(['object', 'loose_object', 'strict_object']);

function copyOf(value: unknown): () => unknown {
  // A fresh copy each time: one default list shared by many records could be changed through any of them.
  return () => (value !== null && typeof value === 'object' ? structuredClone(value) : value);
}

function planOf(schema: AnySchema): Plan[] {
  const plans: Plan[] = [];
  for (const [key, field] of Object.entries(schema.entries ?? {})) {
    const optional = field.type === 'optional' ? field : undefined;
    const inner = optional?.wrapped ?? field;
    const nested = OBJECTS.has(inner.type) ? planOf(inner) : [];
    const fallback = optional && optional.default !== undefined ? copyOf(optional.default) : undefined;
    if (fallback || nested.length) plans.push({ key, fallback, inner: nested });
  }
  return plans;
}

function fill(record: Record<string, unknown>, plans: Plan[]): Record<string, unknown> {
  let out = record;
  for (const { key, fallback, inner } of plans) {
    const value = out[key];
    let next = value;
    if (value === undefined) next = fallback?.();
    else if (inner.length && value !== null && typeof value === 'object' && !Array.isArray(value)) next = fill(value as Record<string, unknown>, inner);
    if (next !== value) {
      // Copied only when something is filled in: most records are already complete.
      if (out === record) out = { ...record };
      out[key] = next;
    }
  }
  return out;
}

/** 2026-03-01T09:00:00.000Z: what toISOString writes. Checked by shape alone, as most times already are. */
const canonicalTime = (time: string) => time.length === 24 && time.charCodeAt(23) === 90 /* Z */ && time.charCodeAt(19) === 46 /* . */;

function restoreWith<R extends Versioned>(plans: Plan[], raw: R): R {
  let record = fill(raw as unknown as Record<string, unknown>, plans) as unknown as R;
  const deleted = (record.deleted as unknown) === true || record.deleted === 1 ? 1 : 0;
  // Times are kept in UTC, so that their text order (which the indexes use) is their time order.
  if (deleted !== record.deleted || !canonicalTime(record.createdAt) || !canonicalTime(record.updatedAt)) {
    record = { ...record, deleted, createdAt: utc(record.createdAt), updatedAt: utc(record.updatedAt) };
  }
  return record;
}

const entryPlan = planOf(EntrySchema as unknown as AnySchema);
const actionPlan = planOf(ActionSchema as unknown as AnySchema);
const sessionPlan = planOf(SessionSchema as unknown as AnySchema);
const ownDeckPlan = planOf(OwnDeckSchema as unknown as AnySchema);
const checkinPlan = planOf(CheckinSchema as unknown as AnySchema);

export const restoreEntry = (raw: EntryRecord): EntryRecord => restoreWith(entryPlan, raw);
export const restoreAction = (raw: ActionRecord): ActionRecord => restoreWith(actionPlan, raw);
export const restoreSession = (raw: SessionRecord): SessionRecord => restoreWith(sessionPlan, raw);
export const restoreOwnDeck = (raw: OwnDeckRecord): OwnDeckRecord => restoreWith(ownDeckPlan, raw);
export const restoreCheckin = (raw: CheckinRecord): CheckinRecord => restoreWith(checkinPlan, raw);

const plans = new WeakMap<StoredKind, Plan[]>([]);

/** Any kind's restore, read from its schema as the ones above are. */
export function restoreRecord<R extends Versioned>(kind: StoredKind, raw: R): R {
  let plan = plans.get(kind);
  if (!plan) plans.set(kind, (plan = planOf(kind.schema as unknown as AnySchema)));
  return restoreWith(plan, raw);
}

/** A new record's values before anyone has typed: each field's default from the schema. */
type EntryDefaulted = 'community' | 'reflection' | 'notes' | 'tags' | 'template' | 'answers' | 'private' | 'cpdHours' | 'participatoryHours' | 'codeThemes' | 'codeRelevance';
export const entryDefaults = () => fill({}, entryPlan) as Pick<EntryRecord, EntryDefaulted>;
export const actionDefaults = () => fill({}, actionPlan) as Pick<ActionRecord, 'what' | 'owner' | 'due' | 'status' | 'followUp' | 'order'>;
type SessionDefaulted = 'participants' | 'series' | 'cards' | 'cardNotes' | 'notes' | 'time' | 'supervisionType' | 'supervisor' | 'supervisee' | 'wellbeing' | 'development' | 'nextDate' | 'confirmations';
export const sessionDefaults = () => fill({}, sessionPlan) as Pick<SessionRecord, SessionDefaulted>;
export const checkinDefaults = () => fill({}, checkinPlan) as Pick<CheckinRecord, 'statements' | 'statementEvidence' | 'capabilities' | 'capabilityEvidence' | 'notes'>;
