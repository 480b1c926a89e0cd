import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { runningHeader, type NotesDocument } from '../../domain/exports/notes-document';
import { DocumentView } from './document-view';

/** Text as a CSS string: quotes and backslashes escaped, control characters (line breaks too) as code points. */
// eslint-disable-next-line no-control-regex
const cssString = (text: string) => `"${text.replace(/[\\"]/g, '\\$&').replace(/[\u0000-\u001f\u007f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;

/**
 * A document on a page of its own, black on white, for paper or "Save as PDF". Every printed
 * page is headed with the deck, the title and the day, and numbered "Page N of M" (documents.css).
 * The heading's words reach the page margins through two custom properties on the root
 * element, set here through the CSS object model: the Content-Security-Policy forbids a
 * stylesheet written by the page, and Chromium has no `string-set` to copy them from the text.
 */
export function PrintDocument({ doc, backHref, backLabel, children }: { doc: NotesDocument; backHref: string; backLabel: string; children?: ComponentChildren }) {
  useEffect(() => {
    const root = document.documentElement;
    const { left, right } = runningHeader(doc);
    root.style.setProperty('--print-left', cssString(left));
    root.style.setProperty('--print-right', cssString(right));
    return () => {
      root.style.removeProperty('--print-left');
      root.style.removeProperty('--print-right');
      if (!root.style.length) root.removeAttribute('style');
    };
  }, [doc]);

  return (
    <article class="print-doc" aria-labelledby="print-title">
      <div class="print-doc__tools no-print">
        <button type="button" class="button button--primary" onClick={() => window.print()}>
          Print or save as PDF
        </button>
        <a class="button" href={backHref}>
          {backLabel}
        </a>
        {children}
        <p class="muted">Choose “Save as PDF” as the printer to keep a file. Paper size follows your printer (A4 or Letter).</p>
      </div>
      <DocumentView doc={doc} headingId="print-title" />
    </article>
  );
}
