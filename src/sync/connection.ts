/**
 * A space's document kept in step with the sync server: HocuspocusProvider with the member's
 * token, and a status the app can show. It reconnects by itself after a network loss and sends
 * whatever changed meanwhile; it stops for good when the server refuses it (removed, the space
 * full, a change too large) and says why.
 *
 * "Synced" is decided from the server's own state vector, not from acknowledgements alone: the
 * document is synced when the server's latest state vector covers everything in this one. The
 * server stores each change before answering (see server/documents.ts), so what `synced()`
 * resolved for survives the server being killed.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { REFUSALS, refusalMessage, SYNC_PATH } from '../domain/sync/protocol';

export type SyncStatus =
  | { state: 'connecting'; lastSynced?: Date }
  /** Connected; changes from this device are on their way. */
  | { state: 'syncing'; lastSynced?: Date }
  | { state: 'synced'; lastSynced: Date }
  | { state: 'offline'; lastSynced?: Date }
  | { state: 'refused'; reason: string; message: string; lastSynced?: Date };

export interface ConnectOptions {
  /** The sync server's origin, http(s)://…; the WebSocket is at its /sync. */
  server: string;
  spaceId: string;
  token: string;
  doc: Y.Doc;
  /** In Node, the ws package's WebSocket; browsers have their own. */
  WebSocket?: unknown;
  onStatus?: (status: SyncStatus) => void;
}

export interface SyncConnection {
  readonly status: SyncStatus;
  /** Resolves once everything in the document now is stored on the server (later changes may still be on their way); rejects when refused or closed first. */
  synced(): Promise<void>;
  /** Stops syncing (the document stays as it is). */
  close(): void;
}

const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP_1 = 0;
/** The socket counts as dead after 30 s without a message; a state-vector exchange this often keeps a quiet one alive. */
const KEEPALIVE_MS = 15_000;
const CLOSED = 'The connection to the sync server was closed.';

export function connect(options: ConnectOptions): SyncConnection {
  const { doc } = options;
  const url = `${options.server.replace(/^http/, 'ws').replace(/\/+$/, '')}${SYNC_PATH}`;
  const socket = new HocuspocusProviderWebsocket({ url, ...(options.WebSocket ? { WebSocketPolyfill: options.WebSocket } : {}) });
  // No awareness: presence would travel unencrypted.
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: options.spaceId, document: doc, token: options.token, awareness: null, forceSyncInterval: KEEPALIVE_MS });

  let status: SyncStatus = { state: 'connecting' };
  let lastSynced: Date | undefined;
  /** The server's state vector, from its latest answer on this socket. */
  let serverVector: Map<number, number> | undefined;
  /** A state-vector question is on its way: one at a time. */
  let probing = false;
  let stopped = false;
  /** Callers of synced(), each with the document's state vector when it asked. */
  const waiters = new Set<{ vector: Map<number, number>; resolve: () => void; reject: (error: Error) => void }>();

  const set = (next: SyncStatus) => {
    const changed = next.state !== status.state || next.lastSynced !== status.lastSynced;
    status = next;
    if (changed) options.onStatus?.(next);
  };

  /** True when the server holds everything in `vector` (by default, the whole document now). */
  const covered = (vector = Y.decodeStateVector(Y.encodeStateVector(doc))) => {
    if (!serverVector) return false;
    for (const [client, clock] of vector) if ((serverVector.get(client) ?? 0) < clock) return false;
    return true;
  };

  const check = () => {
    if (stopped) return;
    for (const waiter of waiters) {
      if (!covered(waiter.vector)) continue;
      waiters.delete(waiter);
      waiter.resolve();
    }
    if (socket.status !== WebSocketStatus.Connected || !provider.isAuthenticated || !provider.isSynced) {
      if (status.state !== 'offline') set({ state: 'connecting', lastSynced });
      return;
    }
    if (covered()) {
      if (status.state !== 'synced') set({ state: 'synced', lastSynced: (lastSynced = new Date()) });
      return;
    }
    if (status.state !== 'syncing') set({ state: 'syncing', lastSynced });
    // Ask for the server's state vector again: it answers after handling everything sent before.
    if (!probing) {
      probing = true;
      provider.forceSync();
    }
  };

  const stop = () => {
    stopped = true;
    doc.off('update', onUpdate);
    provider.destroy();
    socket.destroy();
  };

  // Local changes: the status shows them on their way at once.
  const onUpdate = () => queueMicrotask(check);

  const refuse = (reason: string) => {
    if (stopped) return;
    stop();
    const message = refusalMessage(reason);
    for (const waiter of waiters) waiter.reject(new Error(message));
    waiters.clear();
    set({ state: 'refused', reason, message, lastSynced });
  };

  provider.on('message', ({ event }: { event: MessageEvent }) => {
    try {
      const decoder = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
      decoding.readVarString(decoder);
      const type = decoding.readVarUint(decoder);
      if ((type === MESSAGE_SYNC || type === MESSAGE_SYNC_REPLY) && decoding.readVarUint(decoder) === SYNC_STEP_1) {
        serverVector = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
        probing = false;
        // After the provider has answered it.
        queueMicrotask(check);
      }
    } catch {
      // Not a message to read the state vector from; the provider deals with it.
    }
  });
  provider.on('synced', check);
  provider.on('unsyncedChanges', check);
  provider.on('authenticated', check);
  provider.on('authenticationFailed', ({ reason }: { reason: string }) => refuse(reason));
  provider.on('close', ({ event }: { event: CloseEvent }) => {
    if (event.code === 1009) refuse('message-too-large');
    else if (event.reason in REFUSALS) refuse(event.reason);
  });
  socket.on('status', ({ status: socketStatus }: { status: WebSocketStatus }) => {
    if (stopped) return;
    if (socketStatus === WebSocketStatus.Disconnected) {
      serverVector = undefined;
      probing = false;
      set({ state: 'offline', lastSynced });
    } else if (socketStatus === WebSocketStatus.Connecting) {
      set({ state: 'connecting', lastSynced });
    }
  });
  doc.on('update', onUpdate);
  provider.attach();

  return {
    get status() {
      return status;
    },
    synced() {
      if (status.state === 'refused') return Promise.reject(new Error(status.message));
      if (stopped) return Promise.reject(new Error(CLOSED));
      const vector = Y.decodeStateVector(Y.encodeStateVector(doc));
      if (covered(vector)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        waiters.add({ vector, resolve, reject });
        check();
      });
    },
    close() {
      if (stopped) return;
      stop();
      for (const waiter of waiters) waiter.reject(new Error(CLOSED));
      waiters.clear();
      set({ state: 'offline', lastSynced });
    },
  };
}
