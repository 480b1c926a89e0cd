/** Messages between the page and the service worker for a streamed download. */
export const STREAM_PATH = '/streamed-download/';

/** Page → worker, with a MessagePort for the file's chunks. */
export interface StreamOffer {
  type: 'STREAM_OFFER';
  id: string;
  name: string;
  mime: string;
}

/** Page → worker, on the port. */
export type PageMessage = { type: 'chunk'; bytes: Uint8Array<ArrayBuffer> } | { type: 'done' } | { type: 'error'; message: string };

/** Worker → page, on the port. */
export type WorkerMessage = { type: 'ready' } | { type: 'started' } | { type: 'cancelled' };
