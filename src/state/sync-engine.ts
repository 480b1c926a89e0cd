/**
 * Sync for the spaces this device belongs to, run by one tab (the leader: see sync.ts) and
 * loaded only when the device belongs to a space. Each space's Yjs document is kept in IndexedDB
 * and given to the vault (src/sync/vault.ts) and the connection.
 *
 * - **Outgoing**: after each write to the logbook (from any tab) the records changed since the
 *   last look are offered to each space they belong in (space-scope.ts), and put in the vault
 *   only when the vault lacks something of them; on start every record is offered (a reconcile).
 * - **Incoming**: what other devices wrote is merged into the logbook through the backups merge
 *   (mergeRecords, all in one transaction), so a newer local edit is never overwritten and a
 *   field changed on both sides keeps both values.
 * - **Withdrawn**: a record that leaves a pair's or team's scope (made private, moved) is
 *   withdrawn from it (see vault.ts). The other members' copies leave their logbooks, and their
 *   own devices' spaces; the author's devices (this one, and those that write in its own-devices
 *   space) keep theirs.
 */
import * as Y from 'yjs';
import type { SessionRecord } from '../domain/records/session';
import type { StoredKind } from '../domain/records/kind';
import type { Versioned } from '../domain/records/merge';
import { recordKinds } from '../domain/records/registry';
import { entriesOfActions, incoming, kindOfKey, outgoing, recordKey, type Arrival, type Held } from '../domain/sync/exchange';
import { inviteSuffix, type SpaceKind, type SpaceScope } from '../domain/sync/space-scope';
import type { Logbook, LogbookRecords, StoredSpace } from '../storage/logbook';
import { createInvite, createSpace, joinSpace, leaveSpace, listMembers, removeMember, type Membership } from '../sync/api';
import { connect, type SyncConnection, type SyncStatus } from '../sync/connection';
import { JOIN_ROUTE } from '../sync/invite-link';
import { rotateSpaceKey } from '../sync/rotation';
import { Vault } from '../sync/vault';

/** What the UI shows of a space. */
export interface SpaceView {
  id: string;
  kind: SpaceKind;
  name: string;
  role: Membership['role'];
  status: SyncStatus['state'];
  /** Why the server refused, in plain words. */
  message?: string;
  lastSyncedAt?: string;
}

export interface MemberView {
  memberId: string;
  role: Membership['role'];
  name: string;
  you: boolean;
  removed: boolean;
}

/** Looks again at records changed this long before the previous look: a clock set back a little loses nothing. */
const LOOK_BACK_MS = 10 * 60_000;
/** When the logbook was last looked at for changes to offer (kept, so a new visit need not look at everything). */
const LOOKED_AT = 'syncLookedAt';
const PERSIST_DELAY_MS = 150;
const PUSH_DELAY_MS = 50;

interface Withdrawal {
  kind: StoredKind;
  /** The last copy this space held: what the logbook's copy to remove is found by. */
  record: Versioned;
  by: string[];
}

interface SpaceHooks {
  changed: () => void;
  /** Device ids of this person's own devices (this one included). */
  mine: () => Promise<Set<string>>;
  /** Records taken out of this logbook because a space withdrew them. */
  removed: (items: readonly Withdrawal[]) => Promise<void>;
}

function sameVector(kept: Uint8Array | undefined, now: Uint8Array): boolean {
  if (!kept) return false;
  const [a, b] = [Y.decodeStateVector(kept), Y.decodeStateVector(now)];
  return a.size === b.size && [...a].every(([client, clock]) => b.get(client) === clock);
}

/** One space kept in step: its document, vault and connection. */
class SpaceSync {
  readonly doc = new Y.Doc();
  vault: Vault | undefined;
  connection: SyncConnection | undefined;
  status: SyncStatus = { state: 'connecting' };
  /** Every record the vault holds, each merged across devices: what outgoing compares with. */
  private readonly held: Held = new Map();
  private readonly arrived = new Map<string, Arrival>();
  private readonly withdrawals = new Map<string, Withdrawal>();
  /** A merge into the logbook is under way: what it holds is not yet in the logbook. */
  private merging = false;
  private persistTimer: ReturnType<typeof setTimeout> | undefined;
  private applying: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    readonly space: StoredSpace,
    private readonly book: Logbook,
    private readonly deviceId: string,
    private readonly hooks: SpaceHooks,
  ) {}

  get scope(): SpaceScope {
    return { kind: this.space.kind, spaceId: this.space.id, ...(this.space.kind === 'pair' ? { series: this.space.name } : {}) };
  }

  view(): SpaceView {
    const { status, space } = this;
    return {
      id: space.id,
      kind: space.kind,
      name: space.name,
      role: space.membership.role,
      status: space.state === 'removed' ? 'refused' : status.state,
      ...(status.state === 'refused' ? { message: status.message } : space.state === 'removed' ? { message: 'This device was removed from this space.' } : {}),
      ...(space.lastSyncedAt ? { lastSyncedAt: space.lastSyncedAt } : {}),
    };
  }

  async start(name: string): Promise<void> {
    const { space, book, doc } = this;
    const kept = await book.spaces.loadDoc(space.id);
    if (kept) Y.applyUpdate(doc, kept, this);
    const mergedBefore = sameVector(space.merged, Y.encodeStateVector(doc));
    doc.on('update', () => this.persistSoon());
    const m = space.membership;
    this.vault = await Vault.open(doc, {
      spaceId: space.id,
      deviceId: this.deviceId,
      memberId: m.memberId,
      memberKeys: m.memberKeys,
      key: m.key,
      onKey: (key) => {
        space.membership = { ...space.membership, key };
        void book.spaces.update(space.id, { membership: space.membership }).catch(() => undefined);
      },
    });
    for (const kind of recordKinds()) for (const record of await this.vault.records(kind)) this.held.set(recordKey(kind, record.id), record);
    this.vault.observe((changes) => {
      for (const { kind, id, record, withdrawnBy } of changes) {
        const key = recordKey(kind, id);
        if (record) {
          this.held.set(key, record);
          this.arrived.set(key, { kind, record });
          this.withdrawals.delete(key);
          continue;
        }
        const last = this.held.get(key) ?? this.arrived.get(key)?.record;
        this.held.delete(key);
        this.arrived.delete(key);
        if (last) this.withdrawals.set(key, { kind, record: last, by: withdrawnBy ?? [] });
      }
      this.applySoon();
    });
    // The name goes to the others once, and again only when it changes.
    const card = (await this.vault.memberCards()).find((c) => c.memberId === m.memberId);
    if (name && card?.name !== name) await this.vault.introduce(name);
    if (space.state !== 'active') return;
    // Whatever the vault holds that the logbook may lack (a document kept by a tab closed mid-merge,
    // a logbook cleared): only when the document changed since all of it was last merged.
    if (!mergedBefore) {
      for (const [key, record] of this.held) this.arrived.set(key, { kind: kindOfKey(key)!, record });
      this.applySoon();
    }
    if (typeof navigator === 'undefined' || navigator.onLine) this.reconnect();
    else this.onStatus({ state: 'offline', ...(space.lastSyncedAt ? { lastSynced: new Date(space.lastSyncedAt) } : {}) });
  }

  /** Connects (again): after the browser says the network is back, or a refusal the person may have fixed. */
  reconnect(): void {
    if (this.stopped || this.space.state !== 'active') return;
    this.connection?.close();
    const m = this.space.membership;
    this.connection = connect({ server: m.server, spaceId: this.space.id, token: m.token, doc: this.doc, onStatus: (status) => this.onStatus(status) });
  }

  /** The browser says the network is gone: a socket may linger without noticing for a while, so it is closed now. */
  disconnect(): void {
    this.connection?.close();
    this.connection = undefined;
  }

  private onStatus(status: SyncStatus): void {
    this.status = status;
    if (status.state === 'synced') {
      this.space.lastSyncedAt = status.lastSynced.toISOString();
      void this.book.spaces.update(this.space.id, { lastSyncedAt: this.space.lastSyncedAt }).catch(() => undefined);
    }
    if (status.state === 'refused' && (status.reason === 'removed' || status.reason === 'not-a-member')) {
      this.space.state = 'removed';
      void this.book.spaces.update(this.space.id, { state: 'removed' }).catch(() => undefined);
    }
    this.hooks.changed();
  }

  private persistSoon(): void {
    if (this.persistTimer) return;
    this.persistTimer = setTimeout(() => void this.persist(), PERSIST_DELAY_MS);
  }

  async persist(): Promise<void> {
    clearTimeout(this.persistTimer);
    this.persistTimer = undefined;
    if (this.stopped) return;
    await this.book.spaces.saveDoc(this.space.id, Y.encodeStateAsUpdate(this.doc)).catch(() => undefined);
  }

  private applySoon(): void {
    this.applying = this.applying.then(() => new Promise((resolve) => setTimeout(resolve, 20))).then(() => this.apply());
  }

  /**
   * Merges what arrived into the logbook, all at once. An action whose entry neither the logbook
   * nor the vault holds yet waits for it.
   */
  private async apply(): Promise<void> {
    if (this.stopped || (!this.arrived.size && !this.withdrawals.size)) return;
    this.merging = true;
    let done = false;
    try {
      done = await this.mergeArrived();
    } finally {
      this.merging = false;
    }
    if (done) await this.markMerged();
  }

  /** Whether all that arrived is now in the logbook. */
  private async mergeArrived(): Promise<boolean> {
    let done = await this.applyWithdrawals();
    if (this.arrived.size) {
      const arrivals = [...this.arrived.values()];
      this.arrived.clear();
      const local = new Set((await this.book.spaces.entries(entriesOfActions(arrivals))).map((parts) => parts.entry.id));
      const { data, waiting } = incoming(arrivals, local, this.held);
      for (const arrival of waiting) this.arrived.set(recordKey(arrival.kind, arrival.record.id), arrival);
      const result = await this.book.backups.merge(data).catch((error: unknown) => ({ ok: false as const, message: String(error) }));
      if (!result.ok) console.warn(`Records from a shared space could not be merged: ${result.message}`);
      done &&= result.ok && !waiting.length;
    }
    return done;
  }

  /** Notes the document as merged, once the vault has read all of it and nothing waits. */
  private async markMerged(): Promise<void> {
    await this.vault?.settled();
    if (this.stopped || this.merging || this.arrived.size || this.withdrawals.size) return;
    this.space.merged = Y.encodeStateVector(this.doc);
    await this.book.spaces.update(this.space.id, { merged: this.space.merged }).catch(() => undefined);
  }

  /**
   * Takes what other members withdrew out of the logbook. In a pair or team, a withdrawal by one
   * of this person's own devices leaves their copy alone (it is the author's); in one's own
   * devices space only removals travel (see `removed`), so each is followed.
   */
  private async applyWithdrawals(): Promise<boolean> {
    if (!this.withdrawals.size) return true;
    const all = [...this.withdrawals.values()];
    this.withdrawals.clear();
    const mine = this.space.kind === 'devices' ? new Set<string>() : await this.hooks.mine();
    const gone = all.filter((w) => !w.by.some((device) => mine.has(device)));
    if (!gone.length) return true;
    try {
      await this.book.spaces.remove(gone);
      await this.hooks.removed(gone);
      return true;
    } catch (error) {
      console.warn('Records withdrawn from a shared space could not be taken out of the logbook:', error);
      return false;
    }
  }

  /** Puts into the vault the records in this space's scope that add something to it, and withdraws those that left it. */
  async offer(records: LogbookRecords, allSessions: readonly SessionRecord[]): Promise<void> {
    const vault = this.vault;
    if (!vault || this.stopped || this.space.state !== 'active') return;
    const { put, withdraw } = outgoing(this.scope, records, this.held, allSessions);
    if (!put.size && !withdraw.size) return;
    // This device's own writes need no merging: a document merged before them stays merged.
    const merged = sameVector(this.space.merged, Y.encodeStateVector(this.doc));
    for (const [kind, list] of put) await vault.putAll(kind, list);
    for (const [kind, ids] of withdraw) await vault.withdraw(kind, ids);
    if (merged) await this.markMerged();
  }

  /** Withdraws records this space holds (they were taken out of the logbook). */
  async withdrawHeld(items: readonly Withdrawal[]): Promise<void> {
    const vault = this.vault;
    if (!vault || this.stopped || this.space.state !== 'active') return;
    const byKind = new Map<StoredKind, string[]>();
    for (const { kind, record } of items) {
      const key = recordKey(kind, record.id);
      if (!this.held.delete(key)) continue;
      byKind.set(kind, [...(byKind.get(kind) ?? []), record.id]);
    }
    for (const [kind, ids] of byKind) await vault.withdraw(kind, ids);
  }

  /** The devices that write in this space. */
  writers(): Promise<Set<string>> {
    return this.vault?.writers() ?? Promise.resolve(new Set());
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.persistTimer);
    this.connection?.close();
    this.vault?.close();
  }
}

export interface Engine {
  views(): SpaceView[];
  /** A link to join the device's own-devices space (made now if there is none). */
  linkDevice(): Promise<string>;
  /** A link to share a supervision series (its space made now if there is none). */
  sharePair(series: string): Promise<string>;
  createTeam(name: string): Promise<string>;
  invite(spaceId: string): Promise<string>;
  join(link: string): Promise<SpaceView>;
  members(spaceId: string): Promise<MemberView[]>;
  remove(spaceId: string, memberId: string): Promise<{ missing: number }>;
  rotate(spaceId: string): Promise<{ missing: number }>;
  leave(spaceId: string): Promise<void>;
  /** Keeps every space's document now (the page is going). */
  persist(): Promise<void>;
  stop(): void;
}

export interface EngineOptions {
  book: Logbook;
  /** The sync server: the origin that served the app, unless the app was built for one elsewhere. */
  server: string;
  /** The person's name, published (encrypted) to the other members. */
  name: () => Promise<string>;
  onChange: () => void;
}

export async function startEngine({ book, server, name, onChange }: EngineOptions): Promise<Engine> {
  const deviceId = await book.spaces.deviceId();
  const running = new Map<string, SpaceSync>();
  const kept = await book.meta.get<number>(LOOKED_AT).catch(() => undefined);
  let lookedAt = typeof kept === 'number' ? kept : undefined;
  let pushTimer: ReturnType<typeof setTimeout> | undefined;
  let pushing: Promise<void> = Promise.resolve();

  const push = (all = false) => {
    pushing = pushing
      .then(async () => {
        const started = Date.now();
        const since = all || lookedAt === undefined ? undefined : new Date(lookedAt - LOOK_BACK_MS).toISOString();
        lookedAt = started;
        const records = await book.spaces.records(since);
        if (records.entries.length || Object.values(records.lists).some((list) => list.length)) {
          const sessions = [...running.values()].some((s) => s.space.kind !== 'devices') ? await book.spaces.sessions() : [];
          for (const sync of running.values()) await sync.offer(records, sessions);
        }
        // Only once offered: a tab closed mid-way leaves the next visit to offer them again.
        await book.meta.set(LOOKED_AT, started).catch(() => undefined);
      })
      .catch((error: unknown) => console.warn('Changes could not be offered to a shared space:', error));
    return pushing;
  };

  const pushSoon = () => {
    clearTimeout(pushTimer);
    pushTimer = setTimeout(() => void push(), PUSH_DELAY_MS);
  };

  const ownDevices = () => [...running.values()].filter((s) => s.space.kind === 'devices');
  const hooks: SpaceHooks = {
    changed: onChange,
    async mine() {
      const devices = new Set([deviceId]);
      for (const sync of ownDevices()) for (const device of await sync.writers()) devices.add(device);
      return devices;
    },
    // Only one's own devices follow: in a pair or team, only the author withdraws.
    removed: async (items) => void (await Promise.all(ownDevices().map((sync) => sync.withdrawHeld(items)))),
  };

  async function run(space: StoredSpace): Promise<SpaceSync> {
    const sync = new SpaceSync(space, book, deviceId, hooks);
    running.set(space.id, sync);
    await sync.start(await name().catch(() => ''));
    onChange();
    return sync;
  }

  const get = (spaceId: string) => {
    const sync = running.get(spaceId);
    if (!sync?.vault) throw new Error('This space is not on this device.');
    return sync;
  };

  const inviteLink = async (sync: SpaceSync) => {
    const { link } = await createInvite(sync.space.membership, { origin: location.origin, days: 7, uses: sync.space.kind === 'team' ? 20 : 1 });
    return `${link}${inviteSuffix({ kind: sync.space.kind, name: sync.space.name })}`;
  };

  async function create(kind: SpaceKind, spaceName: string): Promise<SpaceSync> {
    const membership = await createSpace(server);
    const space: StoredSpace = { id: membership.spaceId, kind, name: spaceName, membership, joinedAt: new Date().toISOString(), state: 'active' };
    await book.spaces.put(space);
    const sync = await run(space);
    await push(true);
    return sync;
  }

  const find = (kind: SpaceKind, spaceName: string) =>
    [...running.values()].find((s) => s.space.kind === kind && s.space.name === spaceName && s.space.state === 'active' && s.space.membership.role === 'owner');

  const unsubscribe = book.spaces.onRecordsChanged(pushSoon);
  const offline = () => running.forEach((sync) => sync.disconnect());
  const online = () => running.forEach((sync) => sync.reconnect());
  addEventListener('offline', offline);
  addEventListener('online', online);
  for (const space of await book.spaces.list()) await run(space);
  // What changed since the last visit (a write made while no tab was syncing included).
  await push();

  return {
    views: () => [...running.values()].map((s) => s.view()),
    linkDevice: async () => inviteLink(find('devices', '') ?? (await create('devices', ''))),
    sharePair: async (series) => inviteLink(find('pair', series) ?? (await create('pair', series))),
    createTeam: async (teamName) => (await create('team', teamName)).space.id,
    invite: (spaceId) => inviteLink(get(spaceId)),
    async join(link) {
      const at = link.indexOf(JOIN_ROUTE);
      const [payload = '', kindText = 'devices', ...rest] = (at >= 0 ? link.slice(at + JOIN_ROUTE.length) : link).split('/');
      const kind: SpaceKind = kindText === 'pair' || kindText === 'team' ? kindText : 'devices';
      let spaceName = '';
      try {
        spaceName = decodeURIComponent(rest.join('/'));
      } catch {
        throw new Error('This invite link is damaged or incomplete. Copy the whole link again, or ask for a new one.');
      }
      // The link names the app; the space is on this app's sync server.
      const membership = await joinSpace(server, payload);
      const existing = running.get(membership.spaceId);
      if (existing) existing.stop();
      const space: StoredSpace = { id: membership.spaceId, kind, name: spaceName, membership, joinedAt: new Date().toISOString(), state: 'active' };
      await book.spaces.put(space);
      const sync = await run(space);
      await push(true);
      return sync.view();
    },
    async members(spaceId) {
      const sync = get(spaceId);
      const cards = new Map((await sync.vault!.memberCards()).map((c) => [c.memberId, c.name]));
      return (await listMembers(sync.space.membership)).map((m) => ({
        memberId: m.memberId,
        role: m.role,
        name: cards.get(m.memberId) ?? '',
        you: m.memberId === sync.space.membership.memberId,
        removed: !!m.removedAt,
      }));
    },
    async remove(spaceId, memberId) {
      const sync = get(spaceId);
      await removeMember(sync.space.membership, memberId);
      const rotation = await rotateSpaceKey(sync.space.membership, sync.vault!);
      return { missing: rotation.missing.length };
    },
    async rotate(spaceId) {
      const sync = get(spaceId);
      const rotation = await rotateSpaceKey(sync.space.membership, sync.vault!);
      return { missing: rotation.missing.length };
    },
    async leave(spaceId) {
      const sync = running.get(spaceId);
      if (!sync) return;
      // Removed already: there is nothing to tell the server.
      if (sync.space.state === 'active') await leaveSpace(sync.space.membership);
      sync.stop();
      running.delete(spaceId);
      await book.spaces.forget(spaceId);
      onChange();
    },
    persist: async () => void (await Promise.all([...running.values()].map((s) => s.persist()))),
    stop() {
      unsubscribe();
      removeEventListener('offline', offline);
      removeEventListener('online', online);
      clearTimeout(pushTimer);
      for (const sync of running.values()) sync.stop();
    },
  };
}
