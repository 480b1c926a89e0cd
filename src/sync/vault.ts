/**
 * A space's records on a Yjs document, encrypted so that the server holds only names it cannot
 * reverse and bytes it cannot read.
 *
 * - `records`: each device's latest copy of each record it has written. The map key is
 *   base64url(HMAC(names subkey, `${kind}:${id}:${deviceId}`)); the value is
 *   [format 1][epoch u32][12-byte IV][AES-GCM of JSON {kind, id, device, record}], with the map
 *   key and epoch as additional data, so a value moved to another key fails to decrypt. A device
 *   writes only its own keys, so Yjs never has to choose between two devices' values; readers
 *   decrypt every device's copy and combine them with the app's own merge (mergeRecords).
 *   A record taken out of the space (made private, moved elsewhere) is *withdrawn*: the device's
 *   copy becomes {kind, id, device, withdrawn}, the version vector of everything it had seen of
 *   the record and no content, and readers disregard every copy that vector covers. A later
 *   write (shared again) is not covered, so the record comes back.
 * - `members`: each member's card ({memberId, publicKey, name}), encrypted the same way and
 *   written by that member: names are content, and the owner wraps rotated keys for these
 *   public keys (the server could swap a key it stored; it cannot forge a card).
 * - `keys`: after a rotation, `${epoch}/${memberId}` holds the new key wrapped for that member
 *   and `${epoch}/previous` the previous key sealed with the new one, so the newest key opens
 *   the whole history and a removed member's old key opens nothing newer.
 *
 * Values that are damaged, tampered with or sealed with a key this device lacks are skipped and
 * reported, never thrown.
 */
import * as v from 'valibot';
import * as Y from 'yjs';
import type { RecordKind, StoredKind } from '../domain/records/kind';
import { joinVectors, type VersionVector } from '../domain/records/clock';
import { clockOf, mergeRecords, stableJson, type Versioned } from '../domain/records/merge';
import { kindNamed } from '../domain/records/registry';
import { restoreRecord } from '../domain/records/restore';
import {
  deriveSubkeys,
  nameOf,
  open,
  openPreviousKey,
  seal,
  sealPreviousKey,
  unwrapSpaceKey,
  wrapSpaceKey,
  type MemberKeyPair,
  type SpaceKey,
  type SpaceSubkeys,
} from './keys';

const FORMAT = 1;
const HEADER_BYTES = 5;
/** IV and GCM tag: the smallest sealed value. */
const MIN_SEALED_BYTES = 12 + 16;
/** Records sealed at once by putAll. */
const SEAL_BATCH = 256;

interface KindInfo {
  kind: StoredKind;
  schema: v.GenericSchema;
}

const infos = new WeakMap<StoredKind, KindInfo>();

/** A registered kind by its noun, checked as a backup's records are (unknown fields kept). */
function kindInfo(noun: string): KindInfo | undefined {
  const kind = kindNamed(noun);
  if (!kind) return undefined;
  let info = infos.get(kind);
  if (!info) infos.set(kind, (info = { kind, schema: v.looseObject(kind.schema.entries) }));
  return info;
}

const CopySchema = v.object({
  kind: v.string(),
  id: v.string(),
  device: v.string(),
  record: v.optional(v.looseObject({ id: v.string() })),
  withdrawn: v.optional(v.record(v.string(), v.number())),
});
const CardSchema = v.object({ memberId: v.string(), publicKey: v.string(), name: v.string() });

interface Copy {
  kind: string;
  id: string;
  device: string;
  /** Exactly one of the two: the device's copy, or what it withdrew. */
  record?: Versioned;
  withdrawn?: VersionVector;
}

/** Every write `cut` has seen covers `vv`. */
const coveredBy = (vv: VersionVector, cut: VersionVector) => Object.entries(vv).every(([device, time]) => time <= (cut[device] ?? 0));

/** A record's copies as one: merged, leaving out what a withdrawal covers; with no record left, who withdrew it. */
function combine(kind: RecordKind, copies: readonly Copy[]): { record?: Versioned; withdrawnBy: string[] } {
  let cut: VersionVector | undefined;
  const withdrawnBy: string[] = [];
  for (const copy of copies) {
    if (!copy.withdrawn) continue;
    cut = cut ? joinVectors(cut, copy.withdrawn) : copy.withdrawn;
    withdrawnBy.push(copy.device);
  }
  let record: Versioned | undefined;
  for (const copy of copies) {
    if (!copy.record || (cut && coveredBy(clockOf(copy.record).vv, cut))) continue;
    record = record ? mergeRecords(kind, record, copy.record) : copy.record;
  }
  return record ? { record, withdrawnBy: [] } : { withdrawnBy };
}

export type MemberCard = v.InferOutput<typeof CardSchema>;

interface Held<T> {
  bytes: Uint8Array;
  epoch: number;
  /** Undefined when the value could not be read (see problems()). */
  value?: T;
}

export interface VaultProblem {
  map: 'records' | 'members' | 'keys';
  key: string;
  reason: string;
}

export interface VaultChange {
  kind: StoredKind;
  id: string;
  /** Every device's copy merged; absent when the record was withdrawn. */
  record?: Versioned;
  /** The devices that withdrew it, when it was. */
  withdrawnBy?: string[];
}

export interface VaultOptions {
  spaceId: string;
  /** The device id records' clocks use (see src/domain/records/clock.ts). */
  deviceId: string;
  memberId: string;
  memberKeys: MemberKeyPair;
  /** The newest space key the device holds. */
  key: SpaceKey;
  /** A newer space key was found (unwrapped for this member) or rotated to: the app keeps it. */
  onKey?: (key: SpaceKey) => void;
  onProblem?: (problem: VaultProblem) => void;
}

const recordAad = (mapKey: string, epoch: number) => `power-shifting/record/${mapKey}/${epoch}`;
const cardAad = (memberId: string, epoch: number) => `power-shifting/member/${memberId}/${epoch}`;
const copyName = (kind: string, id: string, device: string) => `${kind}:${id}:${device}`;

function frame(epoch: number, sealed: Uint8Array): Uint8Array {
  const out = new Uint8Array(HEADER_BYTES + sealed.length);
  out[0] = FORMAT;
  new DataView(out.buffer).setUint32(1, epoch);
  out.set(sealed, HEADER_BYTES);
  return out;
}

class Unreadable extends Error {}

export class Vault {
  private readonly recordsMap: Y.Map<Uint8Array>;
  private readonly membersMap: Y.Map<Uint8Array>;
  private readonly keysMap: Y.Map<Uint8Array>;
  private readonly keyring = new Map<number, { key: SpaceKey; subkeys: SpaceSubkeys }>();
  private current: number;
  private readonly copies = new Map<string, Held<Copy>>();
  /** `${kind}:${id}` → the map key of this device's copy. */
  private readonly own = new Map<string, string>();
  private readonly cards = new Map<string, Held<MemberCard>>();
  private readonly problemsByKey = new Map<string, VaultProblem>();
  private readonly observers = new Set<(changes: VaultChange[]) => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly unobserve: (() => void)[] = [];

  private constructor(
    private readonly doc: Y.Doc,
    private readonly options: VaultOptions,
  ) {
    this.recordsMap = doc.getMap('records');
    this.membersMap = doc.getMap('members');
    this.keysMap = doc.getMap('keys');
    this.current = options.key.epoch;
  }

  /** The vault of a space's document; reads everything already in it and publishes this member's card. */
  static async open(doc: Y.Doc, options: VaultOptions): Promise<Vault> {
    const vault = new Vault(doc, options);
    await vault.addKey(options.key);
    await vault.enqueue(async () => {
      await vault.followKeys();
      await vault.refreshRecords([...vault.recordsMap.keys()], false);
      await vault.refreshCards([...vault.membersMap.keys()]);
      await vault.refreshOwn();
    });
    vault.watch();
    return vault;
  }

  /** The epoch of the newest key this device holds. */
  get epoch(): number {
    return this.current;
  }

  /** This device's latest copy of a record: merged with the copy it wrote before, encrypted, written. */
  put(kind: RecordKind, record: Versioned): Promise<void> {
    return this.putAll(kind, [record]);
  }

  /** Several records in one change (one message to the server). */
  putAll(kind: RecordKind, records: readonly Versioned[]): Promise<void> {
    const info = kindInfo(kind.noun);
    if (!info) return Promise.reject(new Error(`A space cannot hold records of kind “${kind.noun}”.`));
    const invalid = records.find((record) => !v.safeParse(info.schema, record).success);
    if (invalid) return Promise.reject(new Error(`This is not a valid ${kind.noun}: ${String(invalid.id)}.`));
    return this.enqueue(() => this.write(kind, records));
  }

  /** Every record of a kind, each one every device's copies merged; withdrawn ones left out. */
  async records<R extends Versioned>(kind: RecordKind): Promise<R[]> {
    await this.idle();
    return [...this.copiesById(kind).values()].flatMap((copies) => {
      const { record } = combine(kind, copies);
      return record ? [record as R] : [];
    });
  }

  /**
   * Takes records out of the space: this device's copy of each becomes a withdrawal covering
   * every copy held now. Records the space does not hold are passed over.
   */
  withdraw(kind: StoredKind, ids: readonly string[]): Promise<void> {
    return this.enqueue(async () => {
      const byId = this.copiesById(kind, new Set(ids));
      const copies: Copy[] = [];
      for (const [id, held] of byId) {
        if (!combine(kind, held).record) continue;
        let cut: VersionVector = {};
        for (const copy of held) cut = joinVectors(cut, copy.withdrawn ?? clockOf(copy.record!).vv);
        copies.push({ kind: kind.noun, id, device: this.options.deviceId, withdrawn: cut });
      }
      await this.writeCopies(copies);
    });
  }

  /** The devices that wrote anything here. */
  async writers(): Promise<Set<string>> {
    await this.idle();
    return new Set([...this.copies.values()].flatMap(({ value }) => (value ? [value.device] : [])));
  }

  private copiesById(kind: RecordKind, only?: ReadonlySet<string>): Map<string, Copy[]> {
    const byId = new Map<string, Copy[]>();
    for (const { value } of this.copies.values()) {
      if (value?.kind !== kind.noun || (only && !only.has(value.id))) continue;
      const list = byId.get(value.id);
      if (list) list.push(value);
      else byId.set(value.id, [value]);
    }
    return byId;
  }

  /** Called with the records other devices changed (merged) or withdrew, after each change that arrives. */
  observe(callback: (changes: VaultChange[]) => void): () => void {
    this.observers.add(callback);
    return () => this.observers.delete(callback);
  }

  /** The members' cards this device can read: ids, public keys and names. */
  async memberCards(): Promise<MemberCard[]> {
    await this.idle();
    return [...this.cards.values()].flatMap((held) => (held.value ? [held.value] : []));
  }

  /** Publishes this member's name (encrypted) with its public key. */
  introduce(name: string): Promise<void> {
    return this.enqueue(() => this.writeCard(name));
  }

  /** Resolves once every change already in the document has been read (and observers told). */
  settled(): Promise<void> {
    return this.idle().then(() => undefined);
  }

  /** Values that could not be read, each once, with the reason. */
  problems(): VaultProblem[] {
    return [...this.problemsByKey.values()];
  }

  /**
   * Owner, during a rotation: wraps `next` for each member whose card (and so public key) this
   * device holds, and seals the current key with it for the history. Members without a card
   * (who never connected since joining) are listed as missing: they need a new invite.
   */
  shareKey(next: SpaceKey, memberIds: readonly string[]): Promise<{ sharedWith: string[]; missing: string[] }> {
    return this.enqueue(async () => {
      const previous = this.keyring.get(this.current)!.key;
      if (next.epoch !== previous.epoch + 1) throw new Error(`The new key must be for epoch ${previous.epoch + 1}.`);
      const { spaceId } = this.options;
      const sharedWith: string[] = [];
      const missing: string[] = [];
      const wrapped = new Map<string, Uint8Array>();
      for (const memberId of memberIds) {
        const card = this.cards.get(memberId)?.value;
        if (!card) {
          missing.push(memberId);
          continue;
        }
        wrapped.set(`${next.epoch}/${memberId}`, await wrapSpaceKey(next, previous, spaceId, memberId, card.publicKey));
        sharedWith.push(memberId);
      }
      wrapped.set(`${next.epoch}/previous`, await sealPreviousKey(next, previous, spaceId));
      this.doc.transact(() => {
        for (const [key, bytes] of wrapped) this.keysMap.set(key, bytes);
      }, this);
      return { sharedWith, missing };
    });
  }

  /** Moves to a newer key: this device's records and card are encrypted again with it. */
  rotate(next: SpaceKey): Promise<void> {
    return this.enqueue(async () => {
      if (next.epoch <= this.current) return;
      await this.addKey(next);
      this.current = next.epoch;
      this.options.onKey?.(next);
      await this.refreshOwn();
    });
  }

  close(): void {
    for (const stop of this.unobserve.splice(0)) stop();
    this.observers.clear();
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private idle(): Promise<unknown> {
    return this.enqueue(async () => undefined);
  }

  private watch(): void {
    const onRecords = (event: Y.YMapEvent<Uint8Array>) => {
      const keys = [...event.keysChanged];
      const remote = event.transaction.origin !== this;
      void this.enqueue(() => this.refreshRecords(keys, remote));
    };
    const onMembers = (event: Y.YMapEvent<Uint8Array>) => {
      const keys = [...event.keysChanged];
      void this.enqueue(() => this.refreshCards(keys));
    };
    const onKeys = () => void this.enqueue(() => this.followKeys());
    this.recordsMap.observe(onRecords);
    this.membersMap.observe(onMembers);
    this.keysMap.observe(onKeys);
    this.unobserve.push(
      () => this.recordsMap.unobserve(onRecords),
      () => this.membersMap.unobserve(onMembers),
      () => this.keysMap.unobserve(onKeys),
    );
  }

  private async addKey(key: SpaceKey): Promise<boolean> {
    if (this.keyring.has(key.epoch)) return false;
    this.keyring.set(key.epoch, { key, subkeys: await deriveSubkeys(key) });
    return true;
  }

  private report(problem: VaultProblem): void {
    const id = `${problem.map}/${problem.key}`;
    if (this.problemsByKey.get(id)?.reason === problem.reason) return;
    this.problemsByKey.set(id, problem);
    this.options.onProblem?.(problem);
  }

  private resolved(map: VaultProblem['map'], key: string): void {
    this.problemsByKey.delete(`${map}/${key}`);
  }

  /** The plaintext of a framed value, or Unreadable saying why. */
  private async unframe(bytes: unknown, aad: (epoch: number) => string): Promise<{ epoch: number; plaintext: Uint8Array }> {
    if (!(bytes instanceof Uint8Array) || bytes.length < HEADER_BYTES + MIN_SEALED_BYTES) throw new Unreadable('is not an encrypted value');
    if (bytes[0] !== FORMAT) throw new Unreadable(`was written in format ${bytes[0]}, which this version of the app cannot read`);
    const epoch = new DataView(bytes.buffer, bytes.byteOffset, bytes.length).getUint32(1);
    const keys = this.keyring.get(epoch);
    if (!keys) throw new Unreadable(`needs the space key of epoch ${epoch}, which this device does not hold`);
    try {
      return { epoch, plaintext: await open(keys.subkeys.contents, bytes.subarray(HEADER_BYTES), aad(epoch)) };
    } catch {
      throw new Unreadable('could not be decrypted: it was changed, moved, or not written with this space’s key');
    }
  }

  private async readCopy(mapKey: string, bytes: Uint8Array): Promise<Held<Copy>> {
    const { epoch, plaintext } = await this.unframe(bytes, (e) => recordAad(mapKey, e));
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(plaintext));
    } catch {
      throw new Unreadable('is not a record');
    }
    if (!v.is(CopySchema, json)) throw new Unreadable('is not a record');
    const info = kindInfo(json.kind);
    if (!info) throw new Unreadable(`holds a kind of record this version does not know (${json.kind.slice(0, 40)})`);
    if (!json.record === !json.withdrawn) throw new Unreadable('is not a record');
    if (json.record && (json.record.id !== json.id || !v.is(info.schema, json.record))) throw new Unreadable(`is not a valid ${info.kind.noun}`);
    // Each copy has exactly one place: the name its kind, id and device give.
    const subkeys = this.keyring.get(epoch)!.subkeys;
    if ((await nameOf(subkeys, copyName(json.kind, json.id, json.device))) !== mapKey) throw new Unreadable('is stored under a name that does not match it');
    const { kind, id, device } = json;
    const value: Copy = json.record ? { kind, id, device, record: restoreRecord(info.kind, json.record as unknown as Versioned) } : { kind, id, device, withdrawn: json.withdrawn! };
    return { bytes, epoch, value };
  }

  private async refreshRecords(keys: readonly string[], remote: boolean, retry = false): Promise<void> {
    const changed = new Map<string, StoredKind>();
    // Decrypted many at once (WebCrypto works off the main thread), then taken in order.
    const opened = new Map<string, { bytes: Uint8Array; reading: Promise<Held<Copy>> }>();
    for (let i = 0; i < keys.length; i += SEAL_BATCH) {
      for (const mapKey of keys.slice(i, i + SEAL_BATCH)) {
        const bytes = this.recordsMap.get(mapKey);
        const held = this.copies.get(mapKey);
        if (bytes === undefined || (held?.bytes === bytes && !(retry && !held.value))) continue;
        const reading = this.readCopy(mapKey, bytes);
        // Failures are taken up below, in order.
        reading.catch(() => undefined);
        opened.set(mapKey, { bytes, reading });
      }
      await Promise.allSettled([...opened.values()].map((o) => o.reading));
    }
    for (const mapKey of keys) {
      const bytes = this.recordsMap.get(mapKey);
      const held = this.copies.get(mapKey);
      if (bytes === undefined) {
        this.copies.delete(mapKey);
        this.resolved('records', mapKey);
        if (held?.value) changed.set(`${held.value.kind}:${held.value.id}`, kindInfo(held.value.kind)!.kind);
        continue;
      }
      if (held?.bytes === bytes && !(retry && !held.value)) continue;
      try {
        const early = opened.get(mapKey);
        // Read again if the value changed meanwhile.
        const copy = await (early?.bytes === bytes ? early.reading : this.readCopy(mapKey, bytes));
        this.copies.set(mapKey, copy);
        this.resolved('records', mapKey);
        const { kind, id, device } = copy.value!;
        if (device === this.options.deviceId) this.own.set(`${kind}:${id}`, mapKey);
        changed.set(`${kind}:${id}`, kindInfo(kind)!.kind);
      } catch (error) {
        if (!(error instanceof Unreadable)) throw error;
        this.copies.set(mapKey, { bytes, epoch: 0 });
        this.report({ map: 'records', key: mapKey, reason: `A record ${error.message}.` });
      }
    }
    if (!remote || !changed.size || !this.observers.size) return;
    // One pass over the copies, not one per changed record: a first sync changes them all.
    const copiesOf = new Map<string, Copy[]>();
    for (const { value } of this.copies.values()) {
      if (!value) continue;
      const name = `${value.kind}:${value.id}`;
      if (!changed.has(name)) continue;
      const list = copiesOf.get(name);
      if (list) list.push(value);
      else copiesOf.set(name, [value]);
    }
    const changes: VaultChange[] = [];
    for (const [name, kind] of changed) {
      const copies = copiesOf.get(name);
      if (!copies) continue;
      const { record, withdrawnBy } = combine(kind, copies);
      const id = copies[0]!.id;
      if (record) changes.push({ kind, id, record });
      else if (withdrawnBy.length) changes.push({ kind, id, withdrawnBy });
    }
    for (const observer of this.observers) observer(changes);
  }

  private async refreshCards(keys: readonly string[], retry = false): Promise<void> {
    for (const memberId of keys) {
      const bytes = this.membersMap.get(memberId);
      const held = this.cards.get(memberId);
      if (bytes === undefined) {
        this.cards.delete(memberId);
        continue;
      }
      if (held?.bytes === bytes && !(retry && !held.value)) continue;
      try {
        const { epoch, plaintext } = await this.unframe(bytes, (e) => cardAad(memberId, e));
        const card: unknown = JSON.parse(new TextDecoder().decode(plaintext));
        if (!v.is(CardSchema, card) || card.memberId !== memberId) throw new Unreadable('is not a member card');
        this.cards.set(memberId, { bytes, epoch, value: card });
        this.resolved('members', memberId);
      } catch (error) {
        if (!(error instanceof Unreadable) && !(error instanceof SyntaxError)) throw error;
        this.cards.set(memberId, { bytes, epoch: 0 });
        this.report({ map: 'members', key: memberId, reason: `A member card ${error instanceof Unreadable ? error.message : 'is not a member card'}.` });
      }
    }
  }

  /** Takes up newer keys wrapped for this member, and older ones sealed in the history. */
  private async followKeys(): Promise<void> {
    const { spaceId, memberId, memberKeys } = this.options;
    let found = false;
    let moved = false;
    for (;;) {
      const epoch = this.current + 1;
      const wrapped = this.keysMap.get(`${epoch}/${memberId}`);
      if (!wrapped) break;
      try {
        const next = await unwrapSpaceKey(wrapped, epoch, this.keyring.get(this.current)!.key, spaceId, memberId, memberKeys.privateKey);
        await this.addKey(next);
        this.current = epoch;
        this.options.onKey?.(next);
        found = moved = true;
        this.resolved('keys', `${epoch}/${memberId}`);
      } catch {
        this.report({ map: 'keys', key: `${epoch}/${memberId}`, reason: `The space key of epoch ${epoch} could not be unwrapped for this member.` });
        break;
      }
    }
    for (let epoch = Math.min(...this.keyring.keys()); epoch > 1; epoch--) {
      const sealed = this.keysMap.get(`${epoch}/previous`);
      if (!sealed) break;
      try {
        found = (await this.addKey(await openPreviousKey(sealed, this.keyring.get(epoch)!.key, spaceId))) || found;
      } catch {
        this.report({ map: 'keys', key: `${epoch}/previous`, reason: `The space key of epoch ${epoch - 1} could not be opened.` });
        break;
      }
    }
    if (!found) return;
    await this.refreshRecords([...this.recordsMap.keys()], true, true);
    await this.refreshCards([...this.membersMap.keys()], true);
    if (moved) await this.refreshOwn();
  }

  /** This device's card and copies, in the newest key: written if missing, sealed again if older. */
  private async refreshOwn(): Promise<void> {
    const card = this.cards.get(this.options.memberId);
    if (!card?.value || card.epoch < this.current || card.value.publicKey !== this.options.memberKeys.publicKey) {
      await this.writeCard(card?.value?.name ?? '');
    }
    const stale: Copy[] = [];
    for (const mapKey of this.own.values()) {
      const held = this.copies.get(mapKey);
      if (held?.value && held.epoch < this.current) stale.push(held.value);
    }
    await this.writeCopies(stale);
  }

  private async writeCard(name: string): Promise<void> {
    const { memberId, memberKeys } = this.options;
    const card: MemberCard = { memberId, publicKey: memberKeys.publicKey, name };
    const { subkeys } = this.keyring.get(this.current)!;
    const bytes = frame(this.current, await seal(subkeys.contents, new TextEncoder().encode(JSON.stringify(card)), cardAad(memberId, this.current)));
    this.cards.set(memberId, { bytes, epoch: this.current, value: card });
    this.doc.transact(() => this.membersMap.set(memberId, bytes), this);
  }

  /** This device's copies merged with what it wrote before; unchanged ones are not written again. */
  private async write(kind: RecordKind, records: readonly Versioned[]): Promise<void> {
    const copies: Copy[] = [];
    for (const record of records) {
      const previousKey = this.own.get(`${kind.noun}:${record.id}`);
      const before = previousKey ? this.copies.get(previousKey) : undefined;
      const merged = before?.value?.record ? mergeRecords(kind, before.value.record, record) : record;
      if (before?.value?.record && before.epoch === this.current && stableJson(merged) === stableJson(before.value.record)) continue;
      copies.push({ kind: kind.noun, id: record.id, device: this.options.deviceId, record: merged });
    }
    await this.writeCopies(copies);
  }

  /** Seals and writes this device's copies, in one change. */
  private async writeCopies(copies: readonly Copy[]): Promise<void> {
    const { deviceId } = this.options;
    const { subkeys } = this.keyring.get(this.current)!;
    const epoch = this.current;
    const sealOne = async (copy: Copy) => {
      const previousKey = this.own.get(`${copy.kind}:${copy.id}`);
      const mapKey = await nameOf(subkeys, copyName(copy.kind, copy.id, deviceId));
      const sealed = await seal(subkeys.contents, new TextEncoder().encode(JSON.stringify(copy)), recordAad(mapKey, epoch));
      return { mapKey, previousKey, held: { bytes: frame(epoch, sealed), epoch, value: copy } };
    };
    const writes: { mapKey: string; previousKey?: string; held: Held<Copy> }[] = [];
    // Many at once: the browser runs WebCrypto off the main thread, so a whole logbook seals several times faster.
    for (let i = 0; i < copies.length; i += SEAL_BATCH) writes.push(...(await Promise.all(copies.slice(i, i + SEAL_BATCH).map(sealOne))));
    if (!writes.length) return;
    this.doc.transact(() => {
      for (const { mapKey, previousKey, held } of writes) {
        this.recordsMap.set(mapKey, held.bytes);
        // A copy from an older epoch had another name: it moves.
        if (previousKey && previousKey !== mapKey) this.recordsMap.delete(previousKey);
      }
    }, this);
    for (const { mapKey, previousKey, held } of writes) {
      if (previousKey && previousKey !== mapKey) this.copies.delete(previousKey);
      this.copies.set(mapKey, held);
      this.own.set(`${held.value!.kind}:${held.value!.id}`, mapKey);
    }
  }
}
