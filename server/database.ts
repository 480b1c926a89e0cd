/**
 * The one SQLite file that holds everything the server keeps. Several server processes may
 * share it (behind a load balancer on one machine): SQLite's write-ahead log lets them, and
 * every write that reads first does so inside one immediate transaction.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';

export type Db = Sqlite.Database;

export const DATABASE_FILE = 'power-shifting.sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS spaces (
  id TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS members (
  space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
  member_id TEXT NOT NULL,
  token_hash BLOB NOT NULL,
  role TEXT NOT NULL,
  joined_at INTEGER NOT NULL,
  removed_at INTEGER,
  PRIMARY KEY (space_id, member_id)
) STRICT;
CREATE UNIQUE INDEX IF NOT EXISTS members_by_token ON members (space_id, token_hash);
CREATE TABLE IF NOT EXISTS invites (
  space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
  verifier TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  max_uses INTEGER NOT NULL,
  uses INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (space_id, verifier)
) STRICT;
CREATE TABLE IF NOT EXISTS challenges (
  nonce TEXT PRIMARY KEY,
  space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
  verifier TEXT NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS documents (
  name TEXT PRIMARY KEY,
  state BLOB NOT NULL,
  version INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS updates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  data BLOB NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS updates_by_name ON updates (name, id);
`;

export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Sqlite(join(dataDir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  // A change is acknowledged to the client only once it is in the log on disk (see documents.ts).
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Another process sharing the file may hold the write lock for a moment.
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  return db;
}
