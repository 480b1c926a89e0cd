/**
 * Handing a file to another app through the browser's share sheet (the Web Share API): Mail,
 * Files, Teams, WhatsApp, wherever the device offers.
 */
import type { FileFormat } from '../../domain/exports/formats';
import type { ExportFile } from '../../state/exports';

/** The whole file at once, which sharing needs. */
export async function wholeFile(file: ExportFile): Promise<File> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  await file.write((bytes) => void parts.push(bytes));
  return new File(parts, file.name, { type: file.format.mime });
}

export const canShare = (files: File[]): boolean => typeof navigator.canShare === 'function' && navigator.canShare({ files });

/** Whether this browser can share a file of this kind at all, asked before any file is made. */
export const canShareFormat = (format: FileFormat): boolean =>
  typeof File === 'function' && canShare([new File([], `notes.${format.extension}`, { type: format.mime })]);

/** Resolves 'cancelled' when the person closes the share sheet; other failures are thrown. */
export async function share(file: File): Promise<'shared' | 'cancelled'> {
  try {
    await navigator.share({ files: [file], title: file.name });
    return 'shared';
  } catch (error) {
    if ((error as DOMException).name === 'AbortError') return 'cancelled';
    throw error;
  }
}
