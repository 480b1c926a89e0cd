/**
 * Hands a generated file to the user: the share sheet on phones (so it can go to Files, email
 * or a messaging app), a download everywhere else.
 */
import { DownloadCancelled, streamDownload } from './streamed-download';

export interface FileToSave {
  name: string;
  type: string;
  parts: BlobPart[];
}

export type SaveOutcome = 'shared' | 'downloaded' | 'cancelled';

/** A file made in chunks while it is saved. */
export interface StreamedFileToSave {
  name: string;
  type: string;
  write: (emit: (bytes: Uint8Array<ArrayBuffer>) => void) => Promise<void>;
}

const isTouch = () => typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;

/**
 * Saves a file made in chunks. On a computer the chunks go straight to the downloads folder
 * through the service worker, so a big export is never held in memory whole. Phones (which
 * share a finished file) and pages without a service worker collect the chunks first.
 */
export async function saveStreamedFile({ name, type, write }: StreamedFileToSave): Promise<SaveOutcome> {
  if (!isTouch()) {
    try {
      if (await streamDownload(name, type, write)) return 'downloaded';
    } catch (error) {
      if (error instanceof DownloadCancelled) return 'cancelled';
      throw error;
    }
  }
  const parts: Uint8Array<ArrayBuffer>[] = [];
  await write((bytes) => parts.push(bytes));
  return saveFile({ name, type, parts });
}

export async function saveFile({ name, type, parts }: FileToSave): Promise<SaveOutcome> {
  const blob = new Blob(parts, { type });
  if (isTouch() && typeof File === 'function' && navigator.canShare) {
    const file = new File([blob], name, { type });
    if (navigator.canShare({ files: [file] })) {
      try {
        await navigator.share({ files: [file], title: name });
        return 'shared';
      } catch (error) {
        if ((error as DOMException).name === 'AbortError') return 'cancelled';
        // Sharing failed for another reason: fall back to a download.
      }
    }
  }
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
