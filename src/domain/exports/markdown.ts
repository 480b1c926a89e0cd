/** A notes document (see notes-document.ts) as CommonMark, with every user-written string escaped. */
import { mdInline, mdLines } from './markdown-text';
import { madeLine, type Item, type NotesDocument } from './notes-document';

function item(marker: string, { strong, text, aside, details = [] }: Item): string[] {
  const indent = ' '.repeat(marker.length + 1);
  const head = `${strong ? `**${mdInline(strong)}**: ` : ''}${mdInline(text)}${aside ? ` (${mdInline(aside)})` : ''}`;
  return [`${marker} ${head}`, ...details.map((d) => `${indent}- ${mdInline(d.label)}: ${mdLines(d.text, `${indent}  `)}`)];
}

export function toMarkdown(doc: NotesDocument): string {
  const out: string[] = [];
  for (const block of doc.blocks) {
    switch (block.type) {
      case 'heading':
        out.push(`${'#'.repeat(block.level)} ${mdInline(block.text)}`, '');
        break;
      case 'facts':
        out.push(...block.items.map((f) => `- ${mdInline(f.label)}: ${mdInline(f.value)}`), '');
        break;
      case 'text':
        if (block.label) out.push(`${mdInline(block.label)}:`, '');
        out.push(mdLines(block.text), '');
        break;
      case 'note':
        out.push(mdInline(block.text), '');
        break;
      case 'list':
        block.items.forEach((entry, i) => out.push(...item(block.ordered ? `${i + 1}.` : '-', entry)));
        out.push('');
        break;
    }
  }
  const made = madeLine(doc);
  if (made) out.push(mdInline(made));
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
