import { useMemo } from 'preact/hooks';
import { sessionNotes } from '../../domain/exports/notes-document';
import { PrintDocument } from '../documents/print-document';
import { paths } from '../routing/routes';
import { fromFlags } from './notes-options';
import { useSessionBundle } from './use-session-bundle';

/** A session's notes on a page of their own, for paper or "Save as PDF". */
export function PrintScreen({ id, flags }: { id: string; flags: string }) {
  const { bundle, missing } = useSessionBundle(id);
  const doc = useMemo(() => bundle && sessionNotes(bundle, fromFlags(flags), new Date()), [bundle, flags]);
  if (missing) return <p role="alert">Session not found.</p>;
  if (!doc) return <p class="loading" aria-busy="true">Loading…</p>;
  return <PrintDocument doc={doc} backHref={paths.session(id)} backLabel="Back to the session" />;
}
