/**
 * Encryption at rest for every table but the lock's own, including tables added later: a Dexie
 * middleware at the bottom of the stack, so every read and write of every store passes it.
 *
 * Web Crypto is asynchronous, and awaiting it inside an IndexedDB transaction lets the
 * transaction commit early. So the middleware itself never encrypts or decrypts: it swaps in
 * results prepared beforehand, and when one is missing it throws `Needs`, aborting the
 * transaction (nothing of it is written). The connection (connection.ts) then does the crypto
 * outside any transaction and runs the operation again. A write runs once as a probe first
 * (its mutations are recorded, not made), so every value it will write is encrypted before the
 * run that writes. See storage/README.md for what stays in clear and what this costs.
 */
import Dexie, { type DBCore, type DBCoreCursor, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTable, type DBCoreTableSchema, type Middleware } from 'dexie';
import { openText, sealText, type SealedBytes } from '../domain/lock/sealed-text';
import { fromBase64url, toBase64url } from '../domain/sync/base64url';

/** The field a sealed record keeps its ciphertext in; the rest of it is what its indexes need. */
export const SEALED = '$sealed';
/**
 * CryptoKeys a record holds (a sync member's private key), kept beside the ciphertext as
 * IndexedDB keeps them: a non-extractable key cannot be encrypted by the app.
 */
const KEYS = '$keys';
/** The lock's own records (wrapped keys, progress) cannot be encrypted with the key they hold. */
export const CLEAR_TABLES: readonly string[] = ['keyring'];
/** Indexed fields that hold what people write: left out of a sealed record, so never queried while a lock is set. */
const TEXT_INDEXES: Record<string, readonly string[]> = { sessions: ['series'], checkins: ['community'] };

type StoredValue = Record<string, unknown>;
type SealedValue = StoredValue & { [SEALED]: SealedBytes; [KEYS]?: CryptoKey[] };
/** An opened record: its JSON, and the CryptoKeys it refers to. */
interface Opened {
  json: string;
  keys: CryptoKey[];
}

export class LogbookLocked extends Error {
  override readonly name = 'LogbookLocked';
  constructor() {
    super('The logbook is locked. Unlock it with your passphrase to see or change it.');
  }
}

/** What the middleware needed and did not have: the connection prepares it and runs the work again. */
export class Needs extends Error {
  constructor(
    readonly table: string,
    readonly toOpen: SealedValue[],
    readonly toSeal: StoredValue[],
    /** A cursor met a record it could not open: open the whole table, not one record per run. */
    readonly wholeTable = false,
  ) {
    super('Encryption work is needed outside the transaction.');
  }
}

interface TableInfo {
  schema: DBCoreTableSchema;
  /** Top-level fields kept in clear: the primary key and the indexed fields. */
  clear: string[];
}

const isSealed = (value: unknown): value is SealedValue => typeof value === 'object' && value !== null && SEALED in value;
const ivText = (iv: Uint8Array) => String.fromCharCode(...iv);

function keyPaths(path: string | string[] | null): string[] {
  if (path === null) return [];
  return (Array.isArray(path) ? path : [path]).map((p) => p.split('.')[0]!);
}

export class Sealer {
  /** The data key while unlocked; never extractable. */
  key: CryptoKey | null = null;
  /** Whether writes are encrypted: a lock is set, or being set. */
  sealWrites = false;
  /** Opened records: `table␀key` → the IV they were opened from, their JSON and keys. */
  private opened = new Map<string, Opened & { iv: string }>();
  /** Values encrypted for the next run: `table␀json` → the record to store. */
  private outbox = new Map<string, SealedValue>();
  /** While a write's probe runs: what it would have written, by table. */
  private probe: Map<string, StoredValue[]> | null = null;
  private tables = new Map<string, TableInfo>();
  private down: DBCore | null = null;

  readonly middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'Sealing',
    // Below Dexie's own middlewares, so hooks, live queries and virtual indexes see plain records.
    level: -2,
    create: (down) => {
      this.down = down;
      return { ...down, table: (name) => (CLEAR_TABLES.includes(name) ? this.wrapClear(down.table(name)) : this.wrap(down.table(name))) };
    },
  };

  /** Forgets the key and every opened record. */
  forget(): void {
    this.key = null;
    this.opened.clear();
    this.outbox.clear();
  }

  /** Runs a write's probe: mutations are recorded and skipped. Returns the values to seal. */
  async probing<T>(work: () => Promise<T>): Promise<void> {
    const probe = new Map<string, StoredValue[]>();
    this.probe = probe;
    try {
      await work();
    } finally {
      this.probe = null;
    }
    for (const [table, values] of probe) if (!CLEAR_TABLES.includes(table)) await this.prepare(new Needs(table, [], values));
  }

  /** Drops values prepared for a run that is over. */
  settle(): void {
    this.outbox.clear();
  }

  /** Does the crypto a run found missing, outside any transaction. */
  async prepare(needs: Needs): Promise<void> {
    const key = this.key;
    if (!key) throw new LogbookLocked();
    const info = this.info(needs.table);
    const toOpen = needs.wholeTable ? await this.unopened(needs.table) : needs.toOpen;
    await Promise.all(
      toOpen.map(async (value) => {
        const id = info.schema.primaryKey.extractKey!(value);
        const json = await openText(key, value[SEALED], context(needs.table, id));
        this.opened.set(cacheKey(needs.table, id), { iv: ivText(value[SEALED].iv), json, keys: value[KEYS] ?? [] });
      }),
    );
    await Promise.all(
      needs.toSeal.map(async (value) => {
        const keys: CryptoKey[] = [];
        const json = toJson(value, keys);
        const id = info.schema.primaryKey.extractKey!(value);
        const sealed: SealedValue = { ...pick(value, info.clear), [SEALED]: await sealText(key, json, context(needs.table, id)), ...(keys.length ? { [KEYS]: keys } : {}) };
        this.outbox.set(`${needs.table}\u0000${json}`, sealed);
      }),
    );
  }

  /** Every stored record of a table not yet opened, read in one transaction of its own. */
  private async unopened(table: string): Promise<SealedValue[]> {
    const down = this.down!;
    const core = down.table(table);
    const trans = down.transaction([table], 'readonly');
    const { result } = await core.query({ trans, values: true, query: { index: core.schema.primaryKey, range: FULL_RANGE } });
    return (result as unknown[]).filter((value): value is SealedValue => isSealed(value) && !this.cached(table, value));
  }

  private info(table: string): TableInfo {
    const known = this.tables.get(table);
    if (known) return known;
    const schema = this.down!.table(table).schema;
    const hidden = TEXT_INDEXES[table] ?? [];
    const clear = [...new Set([schema.primaryKey, ...schema.indexes].flatMap((index) => keyPaths(index.keyPath)))].filter((f) => !hidden.includes(f));
    const info = { schema, clear };
    this.tables.set(table, info);
    return info;
  }

  private cached(table: string, value: SealedValue): Opened | undefined {
    const id = this.info(table).schema.primaryKey.extractKey!(value);
    const hit = this.opened.get(cacheKey(table, id));
    return hit && hit.iv === ivText(value[SEALED].iv) ? hit : undefined;
  }

  /** Stored values as the app sees them; the sealed ones missing from the cache are collected. */
  private openAll(table: string, values: unknown[]): unknown[] {
    const missing: SealedValue[] = [];
    const out = values.map((value) => {
      if (!isSealed(value)) return value;
      if (!this.key) throw new LogbookLocked();
      const opened = this.cached(table, value);
      if (!opened) missing.push(value);
      return opened && fromJson(opened);
    });
    if (missing.length) throw new Needs(table, missing, []);
    return out;
  }

  /** A table kept in clear still takes part in probes: nothing a probe does may be written. */
  private wrapClear(table: DBCoreTable): DBCoreTable {
    return { ...table, mutate: (req) => (this.probe ? this.skipped(table, req) : table.mutate(req)) };
  }

  private skipped(table: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
    if (req.type !== 'add' && req.type !== 'put') return Dexie.Promise.resolve({ numFailures: 0, failures: {}, lastResult: undefined });
    const list = this.probe!.get(table.name) ?? [];
    list.push(...(req.values as StoredValue[]));
    this.probe!.set(table.name, list);
    const keys = req.keys ?? req.values.map((v) => table.schema.primaryKey.extractKey!(v));
    return Dexie.Promise.resolve({ numFailures: 0, failures: {}, results: keys, lastResult: keys[keys.length - 1] });
  }

  private wrap(table: DBCoreTable): DBCoreTable {
    const name = table.name;
    const one = (value: unknown) => this.openAll(name, [value])[0];
    return {
      ...table,
      // Dexie's own promises, never async functions: a native await would lose Dexie's zone,
      // and with it the transaction the middlewares above look for.
      get: (req) => table.get(req).then(one),
      getMany: (req) => table.getMany(req).then((values) => this.openAll(name, values)),
      query: (req) =>
        table.query(req).then((response) => (req.values === false ? response : { ...response, result: this.openAll(name, response.result) })),
      openCursor: (req) => table.openCursor(req).then((cursor) => (cursor && req.values !== false ? this.openingCursor(name, cursor) : cursor)),
      mutate: (req) => this.mutate(table, req),
    };
  }

  private mutate(table: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
    if (!this.sealWrites) return table.mutate(req);
    if (!this.key) return Dexie.Promise.reject(new LogbookLocked());
    if (this.probe) return this.skipped(table, req);
    if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
    const missing: StoredValue[] = [];
    const values = req.values.map((value: StoredValue) => {
      const sealed = this.outbox.get(`${table.name}\u0000${toJson(value, [])}`);
      if (!sealed) missing.push(value);
      return sealed;
    });
    if (missing.length) return Dexie.Promise.reject(new Needs(table.name, [], missing));
    return table.mutate({ ...req, values });
  }

  /** A cursor whose `value` is opened; the first record it cannot open stops the run. */
  private openingCursor(table: string, cursor: DBCoreCursor): DBCoreCursor {
    const open = (value: SealedValue) => this.openOrNeedTable(table, value);
    const opening: DBCoreCursor = {
      get trans() {
        return cursor.trans;
      },
      get key() {
        return cursor.key;
      },
      get primaryKey() {
        return cursor.primaryKey;
      },
      get done() {
        return cursor.done;
      },
      get value() {
        const value: unknown = cursor.value;
        if (!isSealed(value)) return value;
        return open(value);
      },
      continue: (key) => cursor.continue(key),
      continuePrimaryKey: (key, primaryKey) => cursor.continuePrimaryKey(key, primaryKey),
      advance: (count) => cursor.advance(count),
      start: (onNext) => cursor.start(onNext),
      stop: (value) => cursor.stop(value),
      next: () => cursor.next().then(() => opening),
      fail: (error) => cursor.fail(error),
    };
    return opening;
  }

  private openOrNeedTable(table: string, value: SealedValue): unknown {
    if (!this.key) throw new LogbookLocked();
    const opened = this.cached(table, value);
    if (!opened) throw new Needs(table, [], [], true);
    return fromJson(opened);
  }
}

/** A record as JSON, its bytes as base64 (a space's key, a Yjs document) and its CryptoKeys as places in `keys`. */
function toJson(value: unknown, keys: CryptoKey[]): string {
  return JSON.stringify(value, (_field, v: unknown) => {
    if (v instanceof Uint8Array) return { $bytes: toBase64url(v) };
    if (v instanceof ArrayBuffer) return { $buffer: toBase64url(new Uint8Array(v)) };
    if (typeof CryptoKey !== 'undefined' && v instanceof CryptoKey) return { $key: keys.push(v) - 1 };
    return v;
  });
}

function fromJson({ json, keys }: Opened): unknown {
  // Most records (entries, sessions) hold neither: parsed without a reviver, which is slower.
  if (!json.includes('{"$')) return JSON.parse(json);
  return JSON.parse(json, (_field, v: unknown) => {
    if (typeof v !== 'object' || v === null) return v;
    const tagged = v as { $bytes?: unknown; $buffer?: unknown; $key?: unknown };
    if (typeof tagged.$bytes === 'string') return fromBase64url(tagged.$bytes);
    if (typeof tagged.$buffer === 'string') return fromBase64url(tagged.$buffer)?.buffer;
    if (typeof tagged.$key === 'number') return keys[tagged.$key];
    return v;
  });
}

const cacheKey = (table: string, id: unknown) => `${table}\u0000${JSON.stringify(id)}`;
/** What a record's ciphertext is bound to: its table and primary key. */
const context = (table: string, id: unknown) => `power-shifting|${table}|${JSON.stringify(id)}`;
const FULL_RANGE = { type: 3 as const, lower: -Infinity, upper: [[]], lowerOpen: false, upperOpen: false };

function pick(value: StoredValue, fields: readonly string[]): StoredValue {
  const out: StoredValue = {};
  for (const field of fields) if (field in value) out[field] = value[field];
  return out;
}

/** The `Needs` behind an error, which Dexie may have wrapped on its way out of a transaction. */
export function needsOf(error: unknown): Needs | undefined {
  for (let e = error, depth = 0; e && depth < 5; depth++) {
    if (e instanceof Needs) return e;
    e = (e as { inner?: unknown }).inner;
  }
  return undefined;
}

/** A LogbookLocked behind an error, likewise. */
export function isLocked(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; depth++) {
    if (e instanceof LogbookLocked) return true;
    e = (e as { inner?: unknown }).inner;
  }
  return false;
}
