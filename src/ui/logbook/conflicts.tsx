import { useState } from 'preact/hooks';
import { ACTION, ActionSchema } from '../../domain/records/action';
import { contentFields, shownValue, valueAt, type ContentField } from '../../domain/records/content-fields';
import { ENTRY, EntrySchema, type EntryWithActions } from '../../domain/records/entry';
import type { RecordKind } from '../../domain/records/kind';
import { conflictsOf, valuesOfPath, type Versioned } from '../../domain/records/merge';
import { settleField } from '../../state/logbook';
import { ErrorMessage } from '../shell/error-message';

const ENTRY_FIELDS = contentFields(EntrySchema);
const ACTION_FIELDS = contentFields(ActionSchema);

interface Row {
  path: string;
  label: string;
  actionId?: string;
  values: unknown[];
  show: (value: unknown) => string;
}

function rowsOf(kind: RecordKind, record: Versioned, fields: ContentField[], context: string, actionId?: string): Row[] {
  return conflictsOf(kind, record).map((path) => {
    const field = fields.find((f) => f.path.join('.') === path);
    const inner = fields.filter((f) => f.path[0] === path && f.path.length > 1);
    const show = (value: unknown): string => {
      if (value === null || value === undefined) return '(nothing)';
      if (field) return shownValue(field, value) || '(empty)';
      if (inner.length) return inner.map((f) => `${f.label}: ${shownValue(f, valueAt(value, f.path.slice(1)))}`).join('\n');
      if (path === 'deleted') return value ? 'Deleted' : 'Kept';
      return typeof value === 'string' ? value : JSON.stringify(value);
    };
    const label = field?.label ?? (path === 'deleted' ? 'Whether it is deleted' : inner.length ? 'Follow-up' : path);
    return { path, label: `${label}${context}`, ...(actionId ? { actionId } : {}), values: valuesOfPath(kind, record, path), show };
  });
}

/**
 * Fields changed in two places (two windows, two devices) without either seeing the other:
 * both versions were kept, and here the person chooses one.
 */
export function Conflicts({ item }: { item: EntryWithActions }) {
  const [error, setError] = useState<string | null>(null);
  const rows = [
    ...rowsOf(ENTRY, item.entry, ENTRY_FIELDS, ''),
    ...item.actions.flatMap((a, i) => rowsOf(ACTION, a, ACTION_FIELDS, `, action ${i + 1}${a.what ? `: ${a.what}` : ''}`, a.id)),
  ];
  if (!rows.length) return null;
  const keep = (row: Row, value: unknown) =>
    settleField(item.entry.id, row.path, value, row.actionId).catch((problem: Error) => setError(problem.message));
  return (
    <section class="notice notice--warning conflicts" aria-labelledby="conflicts-title" data-testid="conflicts">
      <h2 id="conflicts-title">Changed in two places at once</h2>
      <p>
        These were changed in two places (another window or another device) before either saw the other’s change. Both
        versions are kept until you choose one.
      </p>
      {rows.map((row) => (
        <fieldset key={`${row.actionId ?? ''}${row.path}`} class="conflicts__field">
          <legend>{row.label}</legend>
          {row.values.map((value, i) => (
            <div key={i} class="conflicts__choice">
              <p class="pre-line">{row.show(value)}</p>
              <button type="button" class="button button--small" onClick={() => void keep(row, value)}>
                Keep this version<span class="visually-hidden"> of {row.label}</span>
              </button>
            </div>
          ))}
        </fieldset>
      ))}
      <ErrorMessage message={error} />
    </section>
  );
}
