/**
 * Sync as the UI sees it. One tab per browser runs it (the leader, chosen with a Web Lock; when
 * it closes the next tab takes over); the others show its status, which it sends over a
 * BroadcastChannel, and ask it to do what they are asked to. The sync code (sync-engine.ts,
 * yjs, the Hocuspocus provider) is loaded only once the device belongs to a space, or is asked
 * to join or share one: never on first paint.
 */
import { createStore } from 'zustand/vanilla';
import { bindStore } from './bind-store';
import { browserStorage } from './browser-storage';
import type { Engine, MemberView, SpaceView } from './sync-engine';

export type { MemberView, SpaceView };

interface SyncState {
  /** Sync has been started in this tab (as leader or follower). */
  started: boolean;
  spaces: SpaceView[];
}

export const useSync = bindStore(createStore<SyncState>()(() => ({ started: false, spaces: [] })));

/** Set while the device belongs to a space, so a later visit starts sync without opening the database first. */
const MEMBER_HINT = 'power-shifting:sync';
const CHANNEL = 'power-shifting-sync';
const LOCK = 'power-shifting-sync';
const FOLLOWER_WAIT_MS = 20_000;

type Operations = Omit<Engine, 'views' | 'persist' | 'stop'>;
type Operation = keyof Operations;

type Message =
  | { type: 'hello' }
  | { type: 'spaces'; spaces: SpaceView[] }
  | { type: 'call'; id: string; op: Operation; args: string[] }
  | { type: 'reply'; id: string; ok: true; value: unknown }
  | { type: 'reply'; id: string; ok: false; message: string };

let channel: BroadcastChannel | undefined;
let engine: Promise<Engine> | undefined;
const waiting = new Map<string, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

function publish(spaces: SpaceView[]): void {
  useSync.setState({ spaces });
  if (spaces.length) browserStorage().setItem(MEMBER_HINT, '1');
  else browserStorage().removeItem(MEMBER_HINT);
  channel?.postMessage({ type: 'spaces', spaces } satisfies Message);
}

function lead(): Promise<unknown> {
  engine = Promise.all([import('./sync-engine'), import('./logbook'), import('./profile')]).then(([{ startEngine }, { logbook }, { loadProfile }]) => {
    let current: Engine | undefined;
    const started = startEngine({
      book: logbook(),
      server: __SYNC_ORIGIN__ || location.origin,
      name: async () => (await loadProfile()).name,
      onChange: () => current && publish(current.views()),
    });
    return started.then((made) => {
      current = made;
      publish(made.views());
      addEventListener('pagehide', () => void made.persist());
      return made;
    });
  });
  return engine;
}

async function answer(message: Extract<Message, { type: 'call' }>): Promise<void> {
  if (!engine) return;
  try {
    const made = await engine;
    const value = await (made[message.op] as (...args: string[]) => Promise<unknown>)(...message.args);
    channel?.postMessage({ type: 'reply', id: message.id, ok: true, value } satisfies Message);
  } catch (error) {
    channel?.postMessage({ type: 'reply', id: message.id, ok: false, message: messageOf(error) } satisfies Message);
  }
}

function onMessage(event: MessageEvent<Message>): void {
  const message = event.data;
  if (message.type === 'hello' && engine) void engine.then((made) => publish(made.views()));
  else if (message.type === 'spaces' && !engine) useSync.setState({ spaces: message.spaces });
  else if (message.type === 'call') void answer(message);
  else if (message.type === 'reply') {
    const waiter = waiting.get(message.id);
    if (!waiter) return;
    waiting.delete(message.id);
    if (message.ok) waiter.resolve(message.value);
    else waiter.reject(new Error(message.message));
  }
}

/** Whether this tab leads sync; settled once the lock has answered. */
let role: Promise<'leader' | 'follower'> = Promise.resolve('follower');

const forever = () => new Promise<never>(() => undefined);

/** Starts sync in this tab: as the leader if no other tab leads, otherwise following the one that does. */
export function startSync(): void {
  if (useSync.getState().started) return;
  useSync.setState({ started: true });
  if (typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = onMessage;
    channel.postMessage({ type: 'hello' } satisfies Message);
  }
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) {
    role = Promise.resolve('leader');
    void lead().catch(reportStartFailure);
    return;
  }
  // The lock is held for as long as this tab lives; a follower waits in line and takes over when the leader closes.
  role = new Promise((resolve) => {
    void locks
      .request(LOCK, { ifAvailable: true }, async (lock) => {
        if (!lock) {
          resolve('follower');
          void locks.request(LOCK, () => lead().then(forever)).catch(reportStartFailure);
          return;
        }
        resolve('leader');
        await lead();
        await forever();
      })
      .catch(reportStartFailure);
  });
}

function reportStartFailure(error: unknown): void {
  console.warn('Sync could not start:', error);
}

/** On a visit, sync starts (after the first screen) if the device belongs to a space. */
export function startSyncIfMember(): void {
  if (browserStorage().getItem(MEMBER_HINT)) startSync();
}

export function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'Something went wrong. Check the connection and try again.';
}

/** Runs an operation in the tab that leads sync: this one, or another one asked over the channel. */
export async function syncCall<K extends Operation>(op: K, ...args: Parameters<Operations[K]>): Promise<Awaited<ReturnType<Operations[K]>>> {
  startSync();
  type Result = Awaited<ReturnType<Operations[K]>>;
  await role;
  const leading = engine;
  if (leading) {
    const made = await leading;
    return (await (made[op] as (...a: string[]) => Promise<unknown>)(...(args as string[]))) as Result;
  }
  const id = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  return new Promise<Result>((resolve, reject) => {
    const timer = setTimeout(() => {
      waiting.delete(id);
      // This tab may have become the leader meanwhile.
      if (engine) void syncCall(op, ...args).then(resolve, reject);
      else reject(new Error('Another tab of the app did not answer. Close the other tabs of the app and try again.'));
    }, FOLLOWER_WAIT_MS);
    waiting.set(id, {
      resolve: (value) => (clearTimeout(timer), resolve(value as Result)),
      reject: (error) => (clearTimeout(timer), reject(error)),
    });
    channel?.postMessage({ type: 'call', id, op, args: args as string[] } satisfies Message);
  });
}
