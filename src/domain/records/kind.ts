import type * as v from 'valibot';

/**
 * What the merge needs to know of a record type beyond its values: which fields are the record's
 * identity and bookkeeping, and which lists merge item by item.
 */
export interface RecordKind {
  /** "entry", for messages. */
  noun: string;
  plural: string;
  /** Fields the merge keeps itself rather than merging as values: identity, times, clock. */
  fixed: readonly string[];
  /** Lists of objects merged item by item, each item by the field named here (a card note by its card). */
  maps?: Readonly<Record<string, string>>;
  /** Lists that only grow: the union of both copies, each item by its key; the earlier `at` is kept. */
  sets?: Readonly<Record<string, (item: Record<string, unknown>) => string>>;
}

/**
 * A kind of record the logbook keeps (see registry.ts): what code handling every kind alike
 * (sync) needs beyond the merge.
 */
export interface StoredKind extends RecordKind {
  /** Its list under a backup's `data` ("checkins"): also the name of its IndexedDB table, if it has one. */
  list: string;
  /** Its one schema: records are checked and given their defaults by it. */
  schema: v.ObjectSchema<v.ObjectEntries, v.ErrorMessage<v.ObjectIssue> | undefined>;
}

export const TRACKED_FIELDS = ['id', 'createdAt', 'updatedAt', 'clock'] as const;
