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
  const dated = bundle.entries.flatMap((e) => e.actions.map((action) => ({ action, entry: e.entry }))).filter((a) => a.action.due);

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

  const saveCalendar = () =>
    run(async () => {
      const { actionsIcs } = await import('../../domain/exports/ics');
      const { fileNames } = await import('../../domain/exports/file-names');
      await saveFile({
        name: fileNames.actionsIcs(new Date()),
        type: 'text/calendar;charset=utf-8',
        text: actionsIcs(dated, new Date()),
      });
    });

  const saveCsv = () =>
    run(async () => {
      const { logbookCsv } = await import('../../domain/exports/csv');
      const { fileNames } = await import('../../domain/exports/file-names');
      await saveFile({
        name: fileNames.logbookCsv(new Date()).replace('logbook', `session-${bundle.session.date}`),
        type: 'text/csv;charset=utf-8',
        text: logbookCsv(bundle.entries, new Map([[bundle.session.id, bundle.session]])),
      });
    });

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
        {dated.length > 0 && (
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
