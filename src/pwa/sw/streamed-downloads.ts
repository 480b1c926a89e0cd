/**
 * Downloads written while they are made. The page sends the file in chunks over a
 * MessagePort; this worker answers a hidden frame's request for it with a stream, which the
 * browser writes straight to the downloads folder. No copy of a large export is held in memory.
 */
import { STREAM_PATH, type PageMessage, type StreamOffer, type WorkerMessage } from '../stream-protocol';

interface Offer {
  port: MessagePort;
  name: string;
  type: string;
}

const offers = new Map<string, Offer>();

/** An offer not taken up by then was abandoned (the page closed, or the frame never loaded). */
const OFFER_LIFETIME_MS = 60_000;

export function acceptStream(event: ExtendableMessageEvent): void {
  const offer = event.data as StreamOffer | undefined;
  const port = event.ports[0];
  if (offer?.type !== 'STREAM_OFFER' || !port) return;
  offers.set(offer.id, { port, name: offer.name, type: offer.mime });
  setTimeout(() => offers.delete(offer.id), OFFER_LIFETIME_MS);
  port.postMessage({ type: 'ready' } satisfies WorkerMessage);
}

export function isStreamUrl(url: URL): boolean {
  return url.origin === self.location.origin && url.pathname.startsWith(STREAM_PATH);
}

export function streamResponse(url: URL, event: FetchEvent): Response {
  const id = url.pathname.slice(STREAM_PATH.length).split('/')[0] ?? '';
  const offer = offers.get(id);
  offers.delete(id);
  if (!offer) return new Response('This download has expired. Export the file again.', { status: 404 });
  const { port } = offer;
  let finished: () => void = () => undefined;
  // Keeps this worker alive until the whole file has been handed over.
  event.waitUntil(new Promise<void>((resolve) => (finished = resolve)));
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      port.onmessage = ({ data }: MessageEvent<PageMessage>) => {
        if (data.type === 'chunk') controller.enqueue(data.bytes);
        else {
          if (data.type === 'done') controller.close();
          else controller.error(new Error(data.message));
          port.close();
          finished();
        }
      };
      port.postMessage({ type: 'started' } satisfies WorkerMessage);
    },
    cancel() {
      port.postMessage({ type: 'cancelled' } satisfies WorkerMessage);
      port.close();
      finished();
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': offer.type,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(offer.name)}`,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
