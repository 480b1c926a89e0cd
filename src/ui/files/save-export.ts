/**
 * The one way the app hands a file it made to the person: where the browser can ask where to
 * save it (the File System Access API), straight to the chosen place; on a computer otherwise,
 * streamed to the downloads folder through the service worker; on a phone, the share sheet, so
 * it can go to Files, email or a messaging app. The file is written in pieces as it is made.
 */
import type { ExportFile } from '../../state/exports';
import { canShare, share, wholeFile } from './share-file';
import { DownloadCancelled, streamDownload } from './streamed-download';

export type SaveOutcome = 'saved' | 'shared' | 'downloaded' | 'cancelled';

export const isTouch = () => typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;

interface SavePicker {
  showSaveFilePicker?: (options: {
    suggestedName: string;
    types: { description: string; accept: Record<string, string[]> }[];
  }) => Promise<{ createWritable: () => Promise<WritableStream<Uint8Array> & { close: () => Promise<void>; abort: () => Promise<void> }> }>;
}

async function saveWithPicker(file: ExportFile, picker: NonNullable<SavePicker['showSaveFilePicker']>): Promise<SaveOutcome> {
  let handle;
  try {
    const mime = file.format.mime.split(';')[0]!;
    handle = await picker({ suggestedName: file.name, types: [{ description: file.format.label, accept: { [mime]: [`.${file.format.extension}`] } }] });
  } catch (error) {
    if ((error as DOMException).name === 'AbortError') return 'cancelled';
    throw error;
  }
  const writable = await handle.createWritable();
  const writer = writable.getWriter();
  const pending: Promise<void>[] = [];
  try {
    await file.write((bytes) => void pending.push(writer.write(bytes)));
    await Promise.all(pending);
    await writer.close();
  } catch (error) {
    await writer.abort().catch(() => undefined);
    throw error;
  }
  return 'saved';
}

function download(name: string, blob: Blob): SaveOutcome {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
  return 'downloaded';
}

export async function saveExport(file: ExportFile): Promise<SaveOutcome> {
  // Asked first, while the click that asked for the file still counts as the person's.
  const picker = (window as SavePicker).showSaveFilePicker;
  if (picker && !isTouch()) return saveWithPicker(file, picker.bind(window));
  if (!isTouch()) {
    try {
      if (await streamDownload(file)) return 'downloaded';
    } catch (error) {
      if (error instanceof DownloadCancelled) return 'cancelled';
      throw error;
    }
  }
  const whole = await wholeFile(file);
  if (isTouch() && canShare([whole])) {
    try {
      return await share(whole);
    } catch {
      // Sharing failed for another reason than the person closing the sheet: download instead.
    }
  }
  return download(file.name, whole);
}
