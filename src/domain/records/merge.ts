/**
 * How two copies of a record become one, and how a write changes a record: the one merge used
 * by saving, by importing a backup and by sync.
 *
 * Each field (and each item of a list merged item by item) is a value with the dot of the write
 * that set it (see clock.ts). Merging keeps, field by field, every value the other copy has not
 * seen; a value both have seen and one replaced is dropped. Two values written without seeing
 * each other are both kept: the newer shows, the other waits in `clock.alt` until someone
 * chooses, so nothing typed is ever silently lost. The result depends only on the two copies,
 * not on their order or on how often they meet: merging is commutative, associative and
 * idempotent, so every device that has seen the same writes holds the same record.
 */
import { earlier, later, utc } from '../dates';
import { covers, joinVectors, LEGACY_DEVICE, legacyClock, makeDot, newestSeen, type Alternative, type Clock, type Dot, type VersionVector } from './clock';
import type { RecordKind } from './kind';

export interface Versioned {
  id: string;
  createdAt: string;
  updatedAt: string;
  deleted: 0 | 1;
  clock?: Clock;
}

/** Who writes and when: the device's id and its clock. */
export interface Stamp {
  device: string;
  now: Date;
}

interface Value {
  dot: Dot;
  /** `undefined`: the field is absent (or the list item removed). */
  value: unknown;
}

type Fields = Record<string, unknown>;

/** JSON with keys in order, so equal values have equal text; `undefined` has a text of its own. */
export function stableJson(value: unknown): string {
  if (value === undefined) return '\u0000';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const object = value as Fields;
  return `{${Object.keys(object)
    .filter((key) => object[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${stableJson(object[key])}`)
    .join(',')}}`;
}

const same = (a: unknown, b: unknown) => a === b || stableJson(a) === stableJson(b);

export function clockOf(record: Versioned): Clock {
  return record.clock ?? legacyClock(record.updatedAt);
}

/** The record's values by path: each field, and each item of a list merged item by item. */
export function valuesOf(kind: RecordKind, record: Fields): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (value === undefined || kind.fixed.includes(key) || kind.sets?.[key]) continue;
    const itemKey = kind.maps?.[key];
    if (itemKey && Array.isArray(value)) {
      for (const item of value as Fields[]) out.set(`${key}/${String(item[itemKey])}`, item);
    } else {
      out.set(key, value);
    }
  }
  return out;
}

function valuesAt(record: Versioned, values: Map<string, unknown>, path: string): Value[] {
  const clock = clockOf(record);
  const primary = { dot: clock.at?.[path] ?? clock.o, value: values.get(path) };
  const others = clock.alt?.[path] ?? [];
  return [primary, ...others.map((a) => ({ dot: a.dot, value: a.value === null ? undefined : a.value }))];
}

function pathsOf(record: Versioned, values: Map<string, unknown>): string[] {
  const clock = clockOf(record);
  return [...values.keys(), ...Object.keys(clock.at ?? {}), ...Object.keys(clock.alt ?? {})];
}

/** Values written in this version of the app come before those from before clocks; newer first. */
function showFirst(a: Value, b: Value): number {
  const legacy = (v: Value) => (v.dot.endsWith(`:${LEGACY_DEVICE}`) ? 1 : 0);
  return legacy(a) - legacy(b) || (a.dot < b.dot ? 1 : a.dot > b.dot ? -1 : 0);
}

/**
 * One value per dot (the larger, if two copies disagree on it), the one to show first. The same
 * value under two dots is kept twice: which of the two a later copy has seen decides what it
 * keeps, so dropping either would make the result depend on the order copies meet.
 */
function tidy(values: Value[]): Value[] {
  const byDot = new Map<Dot, Value>();
  for (const v of values) {
    const other = byDot.get(v.dot);
    if (!other || stableJson(v.value) > stableJson(other.value)) byDot.set(v.dot, v);
  }
  return [...byDot.values()].sort(showFirst);
}

function mergeValues(a: Value[], aVv: VersionVector, b: Value[], bVv: VersionVector): Value[] {
  const aDots = new Set(a.map((v) => v.dot));
  const bDots = new Set(b.map((v) => v.dot));
  const kept = [
    ...a.filter((v) => bDots.has(v.dot) || !covers(bVv, v.dot)),
    ...b.filter((v) => aDots.has(v.dot) || !covers(aVv, v.dot)),
  ];
  // Consistent copies always keep something; copies that contradict each other (a damaged
  // file) keep the newest value rather than none.
  return tidy(kept.length ? kept : [...a, ...b]);
}

/** Builds a record from its fixed fields and its values, with a canonical clock. */
function assemble(kind: RecordKind, fixed: Fields, sets: Fields, values: Map<string, Value[]>, vv: VersionVector): Fields {
  const record: Fields = { ...fixed, ...sets };
  const lists = new Map<string, Fields[]>();
  for (const field of Object.keys(kind.maps ?? {})) lists.set(field, []);
  const dots = new Map<string, Dot>();
  const alt: Record<string, Alternative[]> = {};
  for (const path of [...values.keys()].sort()) {
    const [primary, ...others] = values.get(path)!;
    if (!primary) continue;
    dots.set(path, primary.dot);
    if (others.length) alt[path] = others.map((v) => ({ dot: v.dot, value: v.value === undefined ? null : v.value }));
    if (primary.value === undefined) continue;
    const slash = path.indexOf('/');
    const list = slash > 0 ? lists.get(path.slice(0, slash)) : undefined;
    if (list) list.push(primary.value as Fields);
    else record[path] = primary.value;
  }
  for (const [field, items] of lists) record[field] = items;
  // The dot most fields share goes in `o`; the rest are listed. Ties go to the newer dot.
  const counts = new Map<Dot, number>();
  for (const dot of dots.values()) counts.set(dot, (counts.get(dot) ?? 0) + 1);
  let o = '';
  let most = 0;
  for (const [dot, count] of counts) {
    if (count > most || (count === most && dot > o)) {
      o = dot;
      most = count;
    }
  }
  const at: Record<string, Dot> = {};
  for (const [path, dot] of dots) if (dot !== o) at[path] = dot;
  const clock: Clock = { vv, o };
  if (Object.keys(at).length) clock.at = at;
  if (Object.keys(alt).length) clock.alt = alt;
  // A record only ever written before clocks existed keeps having none: its clock is implied.
  if (stableJson(clock) !== stableJson(legacyClock(String(record.updatedAt)))) record.clock = clock;
  return record;
}

function fixedOf(kind: RecordKind, record: Fields): Fields {
  const out: Fields = {};
  for (const key of kind.fixed) if (key !== 'clock' && record[key] !== undefined) out[key] = record[key];
  return out;
}

function setsOf(kind: RecordKind, a: Fields, b?: Fields): Fields {
  const out: Fields = {};
  for (const [field, keyOf] of Object.entries(kind.sets ?? {})) {
    const byKey = new Map<string, Fields>();
    for (const item of [...((a[field] as Fields[] | undefined) ?? []), ...((b?.[field] as Fields[] | undefined) ?? [])]) {
      const key = keyOf(item);
      const other = byKey.get(key);
      // The earlier item stays: when the card was first shown.
      if (!other || stableJson([item.at, item]) < stableJson([other.at, other])) byKey.set(key, item);
    }
    out[field] = [...byKey.entries()]
      .sort(([x, i], [y, j]) => stableJson([i.at, x]).localeCompare(stableJson([j.at, y])))
      .map(([, item]) => item);
  }
  return out;
}

/** Two copies of one record as one. Both must have the same id (and the same identity fields). */
export function mergeRecords<R extends Versioned>(kind: RecordKind, a: R, b: R): R {
  const aValues = valuesOf(kind, a as unknown as Fields);
  const bValues = valuesOf(kind, b as unknown as Fields);
  const aVv = clockOf(a).vv;
  const bVv = clockOf(b).vv;
  const values = new Map<string, Value[]>();
  for (const path of new Set([...pathsOf(a, aValues), ...pathsOf(b, bValues)])) {
    values.set(path, mergeValues(valuesAt(a, aValues, path), aVv, valuesAt(b, bValues, path), bVv));
  }
  const fixed = {
    ...fixedOf(kind, b as unknown as Fields),
    ...fixedOf(kind, a as unknown as Fields),
    createdAt: utc(earlier(a.createdAt, b.createdAt)),
    updatedAt: utc(later(a.updatedAt, b.updatedAt)),
  };
  const sets = setsOf(kind, a as unknown as Fields, b as unknown as Fields);
  return assemble(kind, fixed, sets, values, joinVectors(aVv, bVv)) as unknown as R;
}

/** The record in canonical form: what merging it with itself gives. */
export function canonical<R extends Versioned>(kind: RecordKind, record: R): R {
  return mergeRecords(kind, record, record);
}

/** Paths whose values differ between two versions of a record. */
export function changedPaths(kind: RecordKind, before: Fields, after: Fields): string[] {
  const a = valuesOf(kind, before);
  const b = valuesOf(kind, after);
  return [...new Set([...a.keys(), ...b.keys()])].filter((path) => !same(a.get(path), b.get(path))).sort();
}

/** The values a field (by path) was given concurrently, each once, the one showing first. */
export function valuesOfPath(kind: RecordKind, record: Versioned, path: string): unknown[] {
  const shown = valuesOf(kind, record as unknown as Fields).get(path);
  const seen = new Set([stableJson(shown)]);
  const out = [shown];
  for (const { value } of record.clock?.alt?.[path] ?? []) {
    const text = stableJson(value === null ? undefined : value);
    if (!seen.has(text)) {
      seen.add(text);
      out.push(value === null ? undefined : value);
    }
  }
  return out;
}

/** Fields (by path) given different values in two places at once, waiting for a person to choose. */
export function conflictsOf(kind: RecordKind, record: Versioned): string[] {
  return Object.keys(record.clock?.alt ?? {}).filter((path) => valuesOfPath(kind, record, path).length > 1);
}

export interface WriteOptions<R> {
  /**
   * The version the change was made from (an edit form's copy, say). Fields changed since then
   * elsewhere keep their new values; a field changed both here and there keeps both values.
   * Without it, the change is made to the current version.
   */
  base?: R;
  /** Paths written even when their value is unchanged: choosing one of two values settles them. */
  settle?: readonly string[];
}

/**
 * Writes `next` over `current`: a new record when there is none; otherwise the fields `next`
 * changes from the base, stamped with a new dot. Returns `current` itself when nothing changed.
 */
export function writeRecord<R extends Versioned>(kind: RecordKind, current: R | undefined, next: R, stamp: Stamp, options: WriteOptions<R> = {}): R {
  const nowMs = stamp.now.getTime();
  const now = stamp.now.toISOString();
  const nextFields = next as unknown as Fields;
  if (!current) {
    const dot = makeDot(nowMs, stamp.device);
    const values = new Map<string, Value[]>();
    for (const [path, value] of valuesOf(kind, nextFields)) values.set(path, [{ dot, value }]);
    const fixed = { ...fixedOf(kind, nextFields), createdAt: utc(next.createdAt || now), updatedAt: now };
    return assemble(kind, fixed, setsOf(kind, nextFields), values, { [stamp.device]: nowMs }) as unknown as R;
  }
  const base = options.base ?? current;
  const settle = options.settle ?? [];
  const changed = new Set([...changedPaths(kind, base as unknown as Fields, nextFields), ...settle]);
  const currentFields = current as unknown as Fields;
  const grows = Object.keys(kind.sets ?? {}).some((field) => !same(setsOf(kind, currentFields, nextFields)[field], currentFields[field]));
  if (!changed.size && !grows) return current;

  const clock = clockOf(current);
  // Never earlier than a write this copy has seen, whatever this device's clock says, so that
  // one device never stamps two writes to a record alike.
  const time = Math.max(nowMs, newestSeen(clock.vv) + 1);
  const dot = makeDot(time, stamp.device);
  const context = clockOf(base).vv;
  const currentValues = valuesOf(kind, currentFields);
  const nextValues = valuesOf(kind, nextFields);
  const values = new Map<string, Value[]>();
  for (const path of new Set([...pathsOf(current, currentValues), ...changed])) {
    const held = valuesAt(current, currentValues, path);
    if (!changed.has(path)) values.set(path, held);
    else if (settle.includes(path)) values.set(path, [{ dot, value: nextValues.get(path) }]);
    else values.set(path, tidy([{ dot, value: nextValues.get(path) }, ...held.filter((v) => !covers(context, v.dot))]));
  }
  const fixed = { ...fixedOf(kind, currentFields), updatedAt: now };
  const vv = { ...clock.vv, [stamp.device]: time };
  return assemble(kind, fixed, setsOf(kind, currentFields, nextFields), values, vv) as unknown as R;
}
