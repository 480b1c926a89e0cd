/**
 * Each space's Yjs document, as the server keeps it: a snapshot (the whole state as one blob)
 * and a log of the changes since. Every change is added to the log in the same moment it is
 * applied, before the client is told it arrived, so a server killed at any point loses nothing
 * it acknowledged. Compaction (after a quiet moment, and at shutdown) folds the log into the
 * snapshot. All of it is ciphertext and structure: the server cannot read what it stores.
 */
import * as Y from 'yjs';
import type { Db } from './database';

interface Known {
  /** The snapshot version this process last read or wrote. */
  version: number;
  /** Log rows this process's document holds: read when it was loaded, or written by it since. */
  held: Set<number>;
}

export class Documents {
  private readonly known = new Map<string, Known>();

  constructor(private readonly db: Db) {}

  /** The stored state (snapshot and log merged), or undefined for a document never stored. */
  load(name: string): Uint8Array | undefined {
    return this.db.transaction(() => {
      const snapshot = this.db.prepare('SELECT state, version FROM documents WHERE name = ?').get(name) as { state: Buffer; version: number } | undefined;
      const log = this.db.prepare('SELECT id, data FROM updates WHERE name = ? ORDER BY id').all(name) as { id: number; data: Buffer }[];
      this.known.set(name, { version: snapshot?.version ?? 0, held: new Set(log.map((row) => row.id)) });
      const parts = [...(snapshot ? [snapshot.state] : []), ...log.map((row) => row.data)];
      if (!parts.length) return undefined;
      return parts.length === 1 ? parts[0] : Y.mergeUpdates(parts);
    })();
  }

  /** Adds one change to the log, synchronously: durable once this returns. */
  append(name: string, update: Uint8Array): void {
    const { lastInsertRowid } = this.db.prepare('INSERT INTO updates (name, data) VALUES (?, ?)').run(name, update);
    this.known.get(name)?.held.add(Number(lastInsertRowid));
  }

  /**
   * Writes `state` (the loaded document) as the snapshot and empties the log. When another
   * process sharing the file wrote to it since, their changes are merged in, never overwritten.
   * Returns the size of the snapshot.
   */
  store(name: string, state: Uint8Array): number {
    return this.db.transaction(() => {
      const known = this.known.get(name) ?? { version: -1, held: new Set<number>() };
      const snapshot = this.db.prepare('SELECT state, version FROM documents WHERE name = ?').get(name) as { state: Buffer; version: number } | undefined;
      const log = this.db.prepare('SELECT id, data FROM updates WHERE name = ? ORDER BY id').all(name) as { id: number; data: Buffer }[];
      const foreign = log.filter((row) => !known.held.has(row.id));
      let merged = state;
      if ((snapshot && snapshot.version !== known.version) || foreign.length) {
        // Applied to a document rather than merged as updates, so that deleted content is dropped.
        const doc = new Y.Doc();
        if (snapshot) Y.applyUpdate(doc, snapshot.state);
        for (const row of foreign) Y.applyUpdate(doc, row.data);
        Y.applyUpdate(doc, state);
        merged = Y.encodeStateAsUpdate(doc);
        doc.destroy();
      }
      const version = (snapshot?.version ?? 0) + 1;
      this.db
        .prepare('INSERT INTO documents (name, state, version, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET state = excluded.state, version = excluded.version, updated_at = excluded.updated_at')
        .run(name, merged, version, Date.now());
      const last = log.at(-1)?.id;
      if (last !== undefined) this.db.prepare('DELETE FROM updates WHERE name = ? AND id <= ?').run(name, last);
      known.version = version;
      for (const row of log) known.held.delete(row.id);
      this.known.set(name, known);
      return merged.length;
    }).immediate();
  }

  /** The document is no longer loaded in this process. */
  forget(name: string): void {
    this.known.delete(name);
  }
}
