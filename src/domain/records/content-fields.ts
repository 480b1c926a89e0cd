/**
 * The fields of a record that people fill in, read from its schema: each with its label and its
 * kind. Exports, search and the notes document are made from this list, so a new field in a
 * schema appears in all of them without being listed again.
 */
import * as v from 'valibot';

export type ContentKind = 'text' | 'list' | 'day' | 'choice' | 'number';

export interface ContentField {
  /** Where the value sits, e.g. ['followUp', 'happened']. */
  path: string[];
  label: string;
  kind: ContentKind;
  /** For a choice: the label of each value. */
  choices: Readonly<Record<string, string>>;
  /** Text of more than a line: a paragraph of its own in documents, a text area in forms. */
  long: boolean;
}

interface Node {
  type: string;
  wrapped?: Node;
  entries?: Record<string, Node>;
  options?: unknown[];
}

function kindOf(node: Node): ContentKind {
  if (node.type === 'array') return 'list';
  if (node.type === 'picklist') return 'choice';
  if (node.type === 'number') return 'number';
  if (node.type === 'union') return 'day';
  return 'text';
}

export function contentFields(schema: { entries: Record<string, unknown> }, prefix: string[] = []): ContentField[] {
  const out: ContentField[] = [];
  for (const [key, field] of Object.entries(schema.entries as Record<string, Node>)) {
    const inner = field.type === 'optional' && field.wrapped ? field.wrapped : field;
    const label = v.getTitle(inner as never);
    const { choices = {}, long = false } = v.getMetadata(inner as never) as { choices?: Record<string, string>; long?: boolean };
    if (label) out.push({ path: [...prefix, key], label, kind: kindOf(inner), choices, long });
    else if (inner.entries) out.push(...contentFields(inner as { entries: Record<string, unknown> }, [...prefix, key]));
  }
  return out;
}

export function valueAt(record: unknown, path: readonly string[]): unknown {
  let value = record;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** A field's value as words: a choice by its label, a list joined. */
export function shownValue(field: ContentField, value: unknown, separator = ', '): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join(separator);
  if (field.kind === 'choice') return field.choices[String(value)] ?? String(value);
  return String(value);
}
