import type { NotesDocument } from '../../domain/exports/notes-document';
import { copyDocument, saveMade } from './document-actions';
import { PrintDocument } from './print-document';

const RECORD = { name: 'Record', the: 'The record', pronoun: 'it' } as const;

/** A record made for others (a supervision record, a CPD record): printed, saved as a Word file, or copied into an email. */
export function RecordScreen({ doc, fileName, backHref, backLabel }: { doc: NotesDocument; fileName: string; backHref: string; backLabel: string }) {
  return (
    <PrintDocument doc={doc} backHref={backHref} backLabel={backLabel}>
      <button type="button" class="button" onClick={() => void saveMade((e) => e.docxFile(fileName, () => doc), 'Record saved.')}>
        Save as a document
      </button>
      <button type="button" class="button" onClick={() => void copyDocument(doc, RECORD)}>
        Copy for email
      </button>
    </PrintDocument>
  );
}
