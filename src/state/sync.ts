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
import { onFlush } from './flush';
import { isGuest } from './guest-flag';
import { useLockStatus, type LockStatus } from './lock-status';
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

/** Tells the other tabs there is nothing to show while locked, without forgetting that the device is a member. */
function pause(): void {
  useSync.setState({ spaces: [] });
  channel?.postMessage({ type: 'spaces', spaces: [] } satisfies Message);
}

/** Resolves once the lock's status is `want`: sync reads and writes the spaces, sealed like the rest of the logbook. */
function whenLock(want: (status: LockStatus) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (want(useLockStatus.getState().status)) return resolve();
    const unsubscribe = useLockStatus.subscribe((state) => {
      if (!want(state.status)) return;
      unsubscribe();
      resolve();
    });
  });
}

/** Starts the engine once what is stored can be read: no lock, or unlocked. */
async function startWhenReadable(onChange: () => void): Promise<Engine> {
  const [{ startEngine }, { logbook }, { loadProfile }, { refreshLock }] = await Promise.all([import('./sync-engine'), import('./logbook'), import('./profile'), import('./lock')]);
  // Whether a lock is set is read from the database before anything of the spaces is.
  if (useLockStatus.getState().status === 'unknown') await refreshLock();
  await whenLock((status) => status === 'off' || status === 'unlocked');
  return startEngine({ book: logbook(), server: __SYNC_ORIGIN__ || location.origin, name: async () => (await loadProfile()).name, onChange });
}

/** Leads sync for as long as this tab lives: stopped (nothing sent, nothing shown) while the logbook is locked, started again on unlock. */
async function lead(): Promise<never> {
  for (;;) {
    const running: { engine?: Engine } = {};
    // Set at once, so a call made meanwhile waits for this engine rather than asking other tabs.
    engine = startWhenReadable(() => running.engine && useLockStatus.getState().status !== 'locked' && publish(running.engine.views()));
    const started = await engine.catch(reportStartFailure);
    // Locked while starting: it starts again on unlock. Any other failure waits for the next visit.
    if (!started && useLockStatus.getState().status === 'locked') continue;
    if (!started) return forever();
    running.engine = started;
    publish(started.views());
    const persist = () => started.persist();
    addEventListener('pagehide', persist);
    // Locking waits for this, so each space's document is kept (sealed) before the key goes.
    const unflush = onFlush(persist);
    await whenLock((status) => status === 'locked');
    unflush();
    removeEventListener('pagehide', persist);
    started.stop();
    pause();
  }
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
    lead().catch(reportStartFailure);
    return;
  }
  // The lock is held for as long as this tab lives; a follower waits in line and takes over when the leader closes.
  role = new Promise((resolve) => {
    void locks
      .request(LOCK, { ifAvailable: true }, async (lock) => {
        if (!lock) {
          resolve('follower');
          void locks.request(LOCK, lead).catch(reportStartFailure);
          return;
        }
        resolve('leader');
        await lead();
      })
      .catch(reportStartFailure);
  });
}

function reportStartFailure(error: unknown): undefined {
  console.warn('Sync could not start:', error);
  return undefined;
}

/** On a visit, sync starts (after the first screen) if the device belongs to a space. */
export function startSyncIfMember(): void {
  // A guest's logbook belongs to no space: the hint is the device's own logbook's.
  if (browserStorage().getItem(MEMBER_HINT) && !isGuest()) startSync();
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
