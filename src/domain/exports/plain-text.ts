/**
 * A notes document (see notes-document.ts) as plain text: what an email in plain text receives
 * when the formatted notes are pasted. Headings are underlined, lists indented, and user text
 * is kept as written (plain text has nothing to escape).
 */
import { madeLine, oneLine, type Item, type NotesDocument } from './notes-document';

/** Lines after the first indented to sit under it. */
const hang = (text: string, indent = '') => text.split(/\r\n|\r|\n/).join(`\n${indent}`);

function item(marker: string, { strong, text, aside, details = [] }: Item): string[] {
  const indent = ' '.repeat(marker.length + 1);
  const head = `${strong ? `${strong}: ` : ''}${text}${aside ? ` (${aside})` : ''}`;
  return [`${marker} ${hang(head, indent)}`, ...details.map((d) => `${indent}- ${hang(`${d.label}: ${d.text}`, `${indent}  `)}`)];
}

export function toPlainText(doc: NotesDocument): string {
  const out: string[] = [];
  for (const block of doc.blocks) {
    switch (block.type) {
      case 'heading': {
        const text = oneLine(block.text);
        out.push(text, ...(block.level <= 2 ? [(block.level === 1 ? '=' : '-').repeat(Math.min(text.length, 72))] : []), '');
        break;
      }
      case 'facts':
        out.push(...block.items.map((f) => `${f.label}: ${f.value}`), '');
        break;
      case 'text':
        out.push(...(block.label ? [`${block.label}:`] : []), hang(block.text), '');
        break;
      case 'note':
        out.push(block.text, '');
        break;
      case 'list':
        block.items.forEach((entry, i) => out.push(...item(block.ordered ? `${i + 1}.` : '-', entry)));
        out.push('');
        break;
    }
  }
  const made = madeLine(doc);
  if (made) out.push(made);
  return out.join('\n').trimEnd() + '\n';
}
