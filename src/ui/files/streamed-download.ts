/**
 * The page's side of a streamed download (the service worker's is src/pwa/sw/streamed-downloads.ts):
 * a hidden frame asks the worker for the file, and the page sends it the chunks as they are made.
 */
import { STREAM_PATH, type PageMessage, type StreamOffer, type WorkerMessage } from '../../pwa/stream-protocol';
import type { ExportFile } from '../../state/exports';

/** How long to wait for the worker before saving the file the ordinary way. */
const ANSWER_WITHIN_MS = 5_000;
/** How long the frame stays: removing it early could cut the download short in some browsers. */
const FRAME_LIFETIME_MS = 60_000;

export class DownloadCancelled extends Error {
  constructor() {
    super('The download was cancelled.');
  }
}

function nextMessage(port: MessagePort, type: WorkerMessage['type']): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ANSWER_WITHIN_MS);
    port.onmessage = ({ data }: MessageEvent<WorkerMessage>) => {
      if (data.type !== type) return;
      clearTimeout(timer);
      resolve(true);
    };
  });
}

/**
 * Streams a file to the downloads folder through the service worker. Resolves false, having
 * written nothing, when no worker is in control or it does not answer: the caller then saves
 * the file another way.
 */
export async function streamDownload({ name, format, write }: ExportFile): Promise<boolean> {
  const type = format.mime;
  const worker = navigator.serviceWorker?.controller;
  if (!worker || typeof MessageChannel !== 'function') return false;
  const { port1: port, port2 } = new MessageChannel();
  const id = crypto.randomUUID();
  const ready = nextMessage(port, 'ready');
  worker.postMessage({ type: 'STREAM_OFFER', id, name, mime: type } satisfies StreamOffer, [port2]);
  if (!(await ready)) return false;

  const started = nextMessage(port, 'started');
  const frame = document.createElement('iframe');
  frame.hidden = true;
  frame.title = name;
  frame.src = `${STREAM_PATH}${id}/${encodeURIComponent(name)}`;
  document.body.append(frame);
  setTimeout(() => frame.remove(), FRAME_LIFETIME_MS);
  if (!(await started)) {
    frame.remove();
    return false;
  }

  let cancelled = false;
  port.onmessage = ({ data }: MessageEvent<WorkerMessage>) => {
    if (data.type === 'cancelled') cancelled = true;
  };
  const send = (message: PageMessage, transfer: Transferable[] = []) => port.postMessage(message, transfer);
  try {
    await write((bytes) => {
      if (cancelled) throw new DownloadCancelled();
      send({ type: 'chunk', bytes }, [bytes.buffer]);
    });
    send({ type: 'done' });
  } catch (error) {
    send({ type: 'error', message: 'The export stopped.' });
    throw error;
  } finally {
    port.close();
  }
  return true;
}
