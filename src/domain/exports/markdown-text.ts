/**
 * CommonMark-safe text: user words can never become headings, lists, links, HTML or code,
 * whatever they contain. CommonMark lets any ASCII punctuation be backslash-escaped.
 */
const INLINE = /[\\`*_[\]<>#|~&!{}()"]/g;

function escapeLine(line: string): string {
  return (
    line
      .replace(/\t/g, '    ')
      .trim()
      .replace(INLINE, '\\$&')
      // Line starts that open blocks: lists, quotes, setext underlines, ordered lists.
      .replace(/^([-+=>:])/, '\\$1')
      .replace(/^(\d+)([.)])/, '$1\\$2')
  );
}

/** One line of inline text (line breaks become spaces). */
export function mdInline(text: string): string {
  return escapeLine(text.replace(/\s*[\r\n]+\s*/g, ' '));
}

/**
 * Text that may span lines, kept as hard line breaks inside one paragraph; `indent` keeps it
 * inside a list item.
 */
export function mdLines(text: string, indent = ''): string {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map(escapeLine)
    .filter((line) => line.length > 0);
  return lines.join(`\\\n${indent}`);
}
