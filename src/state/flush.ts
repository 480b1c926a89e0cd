/** Work that must finish before the page goes away (an update reload, for one): unsaved drafts. */
type Flusher = () => Promise<void>;

const flushers = new Set<Flusher>();

export function onFlush(flusher: Flusher): () => void {
  flushers.add(flusher);
  return () => flushers.delete(flusher);
}

export async function flushAll(): Promise<void> {
  await Promise.allSettled([...flushers].map((f) => f()));
}
