/**
 * Formatted text on the clipboard (the async Clipboard API): headings and lists survive a paste
 * into an email or a document, and a plain-text twin goes with it for places that take only text.
 */

/** Resolves how the text was copied: formatted, or (in a browser that cannot) as plain text only. */
export async function copyFormatted(html: string, text: string): Promise<'formatted' | 'plain'> {
  if (typeof ClipboardItem === 'function' && navigator.clipboard?.write) {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([text], { type: 'text/plain' }),
      }),
    ]);
    return 'formatted';
  }
  await navigator.clipboard.writeText(text);
  return 'plain';
}
