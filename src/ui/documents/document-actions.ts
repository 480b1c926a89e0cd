/** What every document on screen can do besides print: be saved as a Word file, or copied into an email. */
import { toHtml } from '../../domain/exports/html';
import type { NotesDocument } from '../../domain/exports/notes-document';
import { toPlainText } from '../../domain/exports/plain-text';
import type { ExportFile } from '../../state/exports';
import { useNotices } from '../../state/notices';
import { copyFormatted } from '../files/clipboard';

type Exports = typeof import('../../state/exports');

/** Saves a file made by the (lazily loaded) exports; `done` is said only once the file is saved. */
export async function saveMade(make: (exports: Exports) => ExportFile, done?: string): Promise<void> {
  const { showToast, showProblem } = useNotices.getState();
  try {
    const [exports, { saveExport }] = await Promise.all([import('../../state/exports'), import('../files/save-export')]);
    const outcome = await saveExport(make(exports));
    if (done && outcome !== 'cancelled') showToast(done);
  } catch (problem) {
    showProblem({ kind: 'export', message: (problem as Error).message });
  }
}

/** How a copied document is spoken of: "Notes" / "The notes" / "them". */
export interface DocumentNoun {
  name: string;
  the: string;
  pronoun: 'it' | 'them';
}

/** Copies a document with its formatting; call it straight from the click, as browsers allow the clipboard only then. */
export function copyDocument(doc: NotesDocument, noun: DocumentNoun): Promise<void> {
  const { showToast, showProblem } = useNotices.getState();
  return copyFormatted(toHtml(doc), toPlainText(doc)).then(
    (how) =>
      showToast(
        how === 'formatted'
          ? `${noun.name} copied. Paste ${noun.pronoun} into an email or a document.`
          : `${noun.name} copied as plain text (this browser cannot copy formatting).`,
      ),
    () => showProblem({ kind: 'export', message: `${noun.the} could not be copied: this browser did not allow it. Try Save as a document instead.` }),
  );
}
