/**
 * Hands a generated file to the user: the share sheet on phones (so it can go to Files, email
 * or a messaging app), a download everywhere else.
 */
export interface FileToSave {
  name: string;
  type: string;
  parts: BlobPart[];
}

export type SaveOutcome = 'shared' | 'downloaded' | 'cancelled';

export const isTouch = () => typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;

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
