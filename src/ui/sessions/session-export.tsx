import { useMemo, useRef, useState } from 'preact/hooks';
import { FORMATS } from '../../domain/exports/formats';
import { ALL_NOTES, sessionNotes, type NotesOptions, type SessionBundle } from '../../domain/exports/notes-document';
import { isOpen } from '../../domain/logbook/filters';
import { useNotices } from '../../state/notices';
import { DocumentView } from '../documents/document-view';
import { copyDocument, saveMade } from '../documents/document-actions';
import { canShareFormat } from '../files/share-file';
import { paths } from '../routing/routes';
import { OPTION_LABELS, toFlags } from './notes-options';

/** Choose what goes into the notes, see them, then save, print, copy or share them, or send actions to a calendar. */
export function SessionExport({ bundle }: { bundle: SessionBundle }) {
  const [options, setOptions] = useState<NotesOptions>(ALL_NOTES);
  const doc = useMemo(() => sessionNotes(bundle, options, new Date()), [bundle, options]);
  const hasDated = bundle.entries.some((e) => e.actions.some((a) => a.due && isOpen(a)));
  const [sharing] = useState(() => canShareFormat(FORMATS.word));
  // A document made for sharing but not shared (the browser wanted a fresh press): shared on the next press.
  const ready = useRef<{ doc: typeof doc; file: File } | null>(null);
  const { showToast, showProblem } = useNotices.getState();

  const saveDocument = () => saveMade((e) => e.sessionDocxFile(bundle, options), 'Session notes saved.');
  const saveMarkdown = () => saveMade((e) => e.sessionNotesFile(bundle, options), 'Session notes saved.');
  const saveCalendar = () => saveMade((e) => e.sessionIcsFile(bundle));
  const saveCsv = () => saveMade((e) => e.sessionCsvFile(bundle));
  const copy = () => copyDocument(doc, { name: 'Notes', the: 'The notes', pronoun: 'them' });

  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (problem) {
      showProblem({ kind: 'export', message: (problem as Error).message });
    }
  };

  const shareNotes = () =>
    run(async () => {
      const [exports, files] = await Promise.all([import('../../state/exports'), import('../files/share-file')]);
      const file = ready.current?.doc === doc ? ready.current.file : await files.wholeFile(exports.sessionDocxFile(bundle, options));
      ready.current = { doc, file };
      try {
        if ((await files.share(file)) === 'shared') showToast('Session notes shared.');
        ready.current = null;
      } catch (error) {
        // Making the document took long enough for the browser to stop counting the press as the person's.
        if ((error as DOMException).name !== 'NotAllowedError') throw error;
        showToast('The notes are ready: press Share the notes again.');
      }
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
        <div class="preview__document" data-testid="notes-preview" role="region" aria-label="Preview of the notes" tabIndex={0}>
          <DocumentView doc={doc} topLevel={3} />
        </div>
      </details>
      <div class="panel__actions">
        <button type="button" class="button button--primary" onClick={() => void saveDocument()}>
          Save as a document
        </button>
        <a class="button" href={paths.sessionPrint(bundle.session.id, toFlags(options))}>
          Print or save as PDF
        </a>
        <button type="button" class="button" onClick={() => void copy()}>
          Copy for email
        </button>
        {sharing && (
          <button type="button" class="button" onClick={() => void shareNotes()}>
            Share the notes
          </button>
        )}
      </div>
      <div class="panel__actions">
        <button type="button" class="button" onClick={() => void saveMarkdown()}>
          Save as plain text (Markdown)
        </button>
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
