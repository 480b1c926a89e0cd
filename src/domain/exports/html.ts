/**
 * A notes document (see notes-document.ts) as a small HTML fragment, for pasting into an email
 * or a word processor: plain semantic tags, no styles, no attributes, so whatever it is pasted
 * into dresses it in its own fonts. Every user-written string is escaped.
 */
import { madeLine, oneLine, type Block, type Item, type NotesDocument } from './notes-document';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text, its line breaks as <br>. */
export function htmlText(text: string): string {
  return text
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!)
    .split(/\r\n|\r|\n/)
    .join('<br>');
}

function item({ strong, text, aside, details = [] }: Item): string {
  const head = `${strong ? `<strong>${htmlText(strong)}:</strong> ` : ''}${htmlText(text)}${aside ? ` <em>(${htmlText(aside)})</em>` : ''}`;
  const sub = details.length ? `<ul>${details.map((d) => `<li>${htmlText(d.label)}: ${htmlText(d.text)}</li>`).join('')}</ul>` : '';
  return `<li>${head}${sub}</li>`;
}

function block(b: Block): string {
  switch (b.type) {
    case 'heading':
      return `<h${b.level}>${htmlText(oneLine(b.text))}</h${b.level}>`;
    case 'facts':
      return `<p>${b.items.map((f) => `<strong>${htmlText(f.label)}:</strong> ${htmlText(f.value)}`).join('<br>')}</p>`;
    case 'text':
      return `${b.label ? `<p><strong>${htmlText(b.label)}</strong></p>` : ''}<p>${htmlText(b.text)}</p>`;
    case 'note':
      return `<p><em>${htmlText(b.text)}</em></p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map(item).join('')}</${tag}>`;
    }
  }
}

export function toHtml(doc: NotesDocument): string {
  const made = madeLine(doc);
  return [...doc.blocks.map(block), ...(made ? [`<p><em>${htmlText(made)}</em></p>`] : [])].join('\n');
}
