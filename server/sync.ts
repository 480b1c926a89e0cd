/**
 * The sync endpoint: Hocuspocus over WebSocket, one Yjs document per space (named by the space
 * id), open only to the space's members. It enforces the limits (message size, document size,
 * connection attempts per address), keeps every change durable before acknowledging it (see
 * documents.ts) and closes a removed member's connections at once.
 */
import type { IncomingMessage as HttpRequest } from 'node:http';
import type { Duplex } from 'node:stream';
import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { Throttle } from '@hocuspocus/extension-throttle';
import { Hocuspocus, IncomingMessage, MessageType, type Connection, type onConnectPayload } from '@hocuspocus/server';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { MemberToken, parse, SpaceId, type Refusal } from '../src/domain/sync/protocol';
import type { Config } from './config';
import type { Documents } from './documents';
import { describeError, log } from './log';
import { redisClient, Relay } from './relay';
import type { Spaces } from './spaces';

/** The transaction origin of changes relayed from other instances through Redis. */
const REDIS_ORIGIN = '__hocuspocus__redis__origin__';
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

interface Context {
  spaceId: string;
  memberId: string;
  address: string;
}

/** Thrown from a hook: Hocuspocus passes the reason on to the client as it is. */
const refusal = (reason: Refusal, code: number) => ({ reason, code });

/** Extension-throttle, with a reason the client can show. */
class ConnectionThrottle extends Throttle {
  override async onConnect(data: onConnectPayload) {
    try {
      return await super.onConnect(data);
    } catch {
      log('sync.refused', { reason: 'too-many-connections', address: String(data.requestHeaders['x-real-ip']) });
      throw refusal('too-many-connections', 4429);
    }
  }
}

/** The client's address: the socket's, or the proxy's header when the proxy is trusted. */
export function clientAddress(request: HttpRequest, trustProxy: boolean): string {
  const forwarded = request.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  const real = request.headers['x-real-ip'];
  if (trustProxy) return first || (typeof real === 'string' ? real : '') || request.socket.remoteAddress || '';
  return request.socket.remoteAddress ?? '';
}

/** Browsers send their page's origin: only this server's own pages (or PUBLIC_URL's, or APP_URL's) may connect. */
function originAllowed(request: HttpRequest, allowed: readonly (string | undefined)[]): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

export interface Sync {
  handleUpgrade(request: HttpRequest, socket: Duplex, head: Buffer): void;
  /** Closes a member's connections (or everyone's in the space) here and on every other instance. */
  disconnect(spaceId: string, memberId?: string): void;
  /** Stores every loaded document and closes every connection; the number of documents stored. */
  stop(): number;
}

export function createSync(config: Config, spaces: Spaces, documents: Documents): Sync {
  const connections = new Map<string, Map<Connection, string>>();
  const sizes = new Map<string, number>();

  const disconnectHere = (spaceId: string, memberId: string | undefined) => {
    for (const [connection, id] of connections.get(spaceId) ?? []) {
      if (memberId && id !== memberId) continue;
      log('sync.closed', { space: spaceId, member: id, reason: 'removed' });
      // The close message tells the client why; closing the socket stops everything at once.
      connection.close({ code: 4403, reason: 'removed' });
      connection.webSocket.close(4403, 'removed');
    }
  };
  const relay = config.redisUrl ? new Relay(config.redisUrl, disconnectHere) : undefined;

  const store = (name: string, state: Uint8Array) => {
    // A space deleted while its document was loaded stays deleted.
    if (!spaces.exists(name)) return;
    const started = performance.now();
    const bytes = documents.store(name, state);
    sizes.set(name, bytes);
    log('document.stored', { space: name, bytes, ms: Math.round(performance.now() - started) });
  };

  const hocuspocus = new Hocuspocus({
    quiet: true,
    debounce: config.storeDelayMs,
    maxDebounce: Math.max(10_000, config.storeDelayMs),
    extensions: [
      new ConnectionThrottle({ throttle: config.connectsPerMinute, consideredSeconds: 60, banTime: 1 }),
      new Database({
        fetch: async ({ documentName }) => {
          const started = performance.now();
          const state = documents.load(documentName);
          sizes.set(documentName, state?.length ?? 0);
          log('document.loaded', { space: documentName, bytes: state?.length ?? 0, ms: Math.round(performance.now() - started) });
          return state ?? null;
        },
        store: async ({ documentName, state }) => store(documentName, state),
      }),
      ...(config.redisUrl ? [new Redis({ createClient: () => redisClient(config.redisUrl!) })] : []),
    ],

    async onAuthenticate({ token, documentName, requestHeaders }): Promise<Context> {
      const address = String(requestHeaders['x-real-ip'] ?? '');
      const valid = parse(SpaceId, documentName).ok && parse(MemberToken, token).ok;
      const member = valid ? spaces.memberByToken(documentName, token) : undefined;
      if (!member || member.removed) {
        const reason = member?.removed ? 'removed' : 'not-a-member';
        log('sync.refused', { reason, space: documentName.slice(0, 32), address });
        throw refusal(reason, 4401);
      }
      return { spaceId: documentName, memberId: member.memberId, address };
    },

    async connected({ connection, context }) {
      const { spaceId, memberId, address } = context as Context;
      // Removed while it was authenticating: closed at once.
      if (!spaces.isActive(spaceId, memberId)) {
        connection.close({ code: 4403, reason: 'removed' });
        return;
      }
      const space = connections.get(spaceId) ?? new Map<Connection, string>();
      connections.set(spaceId, space);
      space.set(connection, memberId);
      connection.onClose(() => {
        space.delete(connection);
        if (!space.size) connections.delete(spaceId);
        log('sync.disconnected', { space: spaceId, member: memberId });
      });
      log('sync.connected', { space: spaceId, member: memberId, address, connections: space.size });
    },

    async onLoadDocument({ document, documentName }) {
      // After the stored state is applied (by the database extension), every change is logged
      // as it is applied: before the client's acknowledgement is sent.
      document.on('update', (update: Uint8Array, origin: unknown) => {
        sizes.set(documentName, (sizes.get(documentName) ?? 0) + update.length);
        // Relayed changes were logged by the instance that received them.
        if (origin !== REDIS_ORIGIN) documents.append(documentName, update);
      });
    },

    async beforeHandleMessage({ update: message, document, documentName, context }) {
      const { memberId } = context as Context;
      let incoming: number;
      try {
        const decoder = new IncomingMessage(message);
        decoder.readVarString();
        const type = decoder.readVarUint();
        if (type !== MessageType.Sync && type !== MessageType.SyncReply) return;
        const step = decoder.readVarUint();
        if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return;
        const update = decoder.readVarUint8Array();
        // Yjs would ignore a damaged update and the client would be told it arrived: refuse it instead.
        Y.decodeUpdate(update);
        incoming = update.length;
      } catch {
        log('sync.malformed', { space: documentName, member: memberId, bytes: message.length });
        throw { code: 4400, reason: 'malformed' };
      }
      let size = sizes.get(documentName) ?? 0;
      if (size + incoming <= config.maxDocumentBytes) return;
      // The running total only grows between compactions; measure before refusing.
      size = Y.encodeStateAsUpdate(document).length;
      sizes.set(documentName, size);
      if (size + incoming <= config.maxDocumentBytes) return;
      log('sync.refused', { reason: 'space-full', space: documentName, member: memberId, bytes: size, incoming });
      throw refusal('space-full', 4413);
    },

    async afterUnloadDocument({ documentName }) {
      documents.forget(documentName);
      sizes.delete(documentName);
    },
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes });

  return {
    handleUpgrade(request, socket, head) {
      const address = clientAddress(request, config.trustProxy);
      if (!originAllowed(request, [config.publicOrigin, config.appOrigin])) {
        log('sync.refused', { reason: 'origin', address });
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
        return;
      }
      // The throttle and the hooks read the address from here: only ever the one worked out above.
      request.headers['x-real-ip'] = address;
      delete request.headers['x-forwarded-for'];
      sockets.handleUpgrade(request, socket, head, (ws) => {
        ws.on('error', (error: Error & { code?: string }) => {
          const tooBig = error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';
          if (tooBig) log('sync.refused', { reason: 'message-too-large', address });
          else log('sync.socket-error', { address, message: describeError(error) });
        });
        hocuspocus.handleConnection(ws, request);
      });
    },

    disconnect(spaceId, memberId) {
      disconnectHere(spaceId, memberId);
      relay?.publish(spaceId, memberId);
    },

    stop() {
      for (const ws of sockets.clients) ws.close(1012, 'server restarting');
      let stored = 0;
      for (const [name, document] of hocuspocus.documents) {
        store(name, Y.encodeStateAsUpdate(document));
        stored++;
      }
      relay?.close();
      return stored;
    },
  };
}
