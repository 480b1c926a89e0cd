import { useEffect, useMemo } from 'preact/hooks';
import { sessionNotes } from '../../domain/exports/notes-document';
import { DocumentView } from '../documents/document-view';
import { paths } from '../routing/routes';
import { fromFlags } from './notes-options';
import { useSessionBundle } from './use-session-bundle';
import '../styles/sessions.css';

/** A clean, printable record of a session: black on white, for paper or "Save as PDF". */
export function PrintScreen({ id, flags }: { id: string; flags: string }) {
  const { bundle, missing } = useSessionBundle(id);
  const doc = useMemo(() => bundle && sessionNotes(bundle, fromFlags(flags)), [bundle, flags]);
  useEffect(() => {
    document.documentElement.classList.add('printing');
    return () => document.documentElement.classList.remove('printing');
  }, []);
  if (missing) return <p role="alert">Session not found.</p>;
  if (!doc) return <p class="loading" aria-busy="true">Loading…</p>;
  return (
    <article class="print-doc" aria-labelledby="print-title">
      <div class="print-doc__tools no-print">
        <button type="button" class="button button--primary" onClick={() => window.print()}>
          Print or save as PDF
        </button>
        <a class="button" href={paths.session(id)}>
          Back to the session
        </a>
        <p class="muted">Choose “Save as PDF” as the printer to keep a file. Paper size follows your printer (A4 or Letter).</p>
      </div>
      <DocumentView doc={doc} headingId="print-title" />
    </article>
  );
}
