import { useMemo, useState } from 'preact/hooks';
import { ALL_NOTES, sessionNotesMarkdown, type NotesOptions, type SessionBundle } from '../../domain/exports/session-notes';
import { useNotices } from '../../state/notices';
import { paths } from '../routing/routes';
import { saveFile } from '../shell/save-file';
import { OPTION_LABELS, toFlags } from './notes-options';

/** Choose what goes into the notes, see them, then save, print or send actions to a calendar. */
export function SessionExport({ bundle }: { bundle: SessionBundle }) {
  const [options, setOptions] = useState<NotesOptions>(ALL_NOTES);
  const markdown = useMemo(() => sessionNotesMarkdown(bundle, options), [bundle, options]);
  const hasDated = bundle.entries.some((e) => e.actions.some((a) => a.due));

  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (problem) {
      useNotices.getState().showProblem({ kind: 'export', message: (problem as Error).message });
    }
  };

  const saveNotes = () =>
    run(async () => {
      const { sessionNotesFile } = await import('../../state/exports');
      const outcome = await saveFile(sessionNotesFile(bundle, options));
      if (outcome !== 'cancelled') useNotices.getState().showToast('Session notes saved.');
    });

  const saveCalendar = () => run(async () => saveFile((await import('../../state/exports')).sessionIcsFile(bundle)));
  const saveCsv = () => run(async () => saveFile((await import('../../state/exports')).sessionCsvFile(bundle)));

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
