import { useMemo, useState } from 'preact/hooks';
import { toMarkdown } from '../../domain/exports/markdown';
import { ALL_NOTES, sessionNotes, type NotesOptions, type SessionBundle } from '../../domain/exports/notes-document';
import { useNotices } from '../../state/notices';
import { isOpen } from '../../domain/logbook/filters';
import { paths } from '../routing/routes';
import { OPTION_LABELS, toFlags } from './notes-options';

/** Choose what goes into the notes, see them, then save, print or send actions to a calendar. */
export function SessionExport({ bundle }: { bundle: SessionBundle }) {
  const [options, setOptions] = useState<NotesOptions>(ALL_NOTES);
  const markdown = useMemo(() => toMarkdown(sessionNotes(bundle, options)), [bundle, options]);
  const hasDated = bundle.entries.some((e) => e.actions.some((a) => a.due && isOpen(a)));

  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (problem) {
      useNotices.getState().showProblem({ kind: 'export', message: (problem as Error).message });
    }
  };

  const save = (make: (exports: typeof import('../../state/exports')) => import('../../state/exports').ExportFile, done?: string) =>
    run(async () => {
      const [exports, { saveExport }] = await Promise.all([import('../../state/exports'), import('../files/save-export')]);
      const outcome = await saveExport(make(exports));
      if (done && outcome !== 'cancelled') useNotices.getState().showToast(done);
    });
  const saveNotes = () => save((e) => e.sessionNotesFile(bundle, options), 'Session notes saved.');
  const saveCalendar = () => save((e) => e.sessionIcsFile(bundle));
  const saveCsv = () => save((e) => e.sessionCsvFile(bundle));

  return (
    <section class="panel session-export" aria-labelledby="export-title">
      <h2 id="export-title" class="panel__title">
        Take away the notes
      </h2>
      <fieldset>
        <legend>What goes in</legend>
        {(Object.keys(OPTION_LABELS) as (keyof NotesOptions)[]).map((key) => (
          <label class="choice" key={key}>
            <input type="checkbox" checked={options[key]} onChange={() => setOptions({ ...options, [key]: !options[key] })} />
            {OPTION_LABELS[key]}
          </label>
        ))}
      </fieldset>
      <details class="preview">
        <summary>Preview the notes</summary>
        <pre class="preview__text" data-testid="notes-preview" tabIndex={0}>
          {markdown}
        </pre>
      </details>
      <div class="panel__actions">
        <button type="button" class="button button--primary" onClick={() => void saveNotes()}>
          Save notes (Markdown)
        </button>
        <a class="button" href={paths.sessionPrint(bundle.session.id, toFlags(options))}>
          Print or save as PDF
        </a>
        {hasDated && (
          <button type="button" class="button" onClick={() => void saveCalendar()}>
            Add actions to calendar
          </button>
        )}
        {bundle.entries.length > 0 && (
          <button type="button" class="button" onClick={() => void saveCsv()}>
            Save as spreadsheet (CSV)
          </button>
        )}
      </div>
    </section>
  );
}
