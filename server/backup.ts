/**
 * `npm run server:backup -- <file>`: a consistent copy of the server's database, taken while
 * the server runs (SQLite's online backup). Restore by stopping the server and putting the copy
 * in place of DATA_DIR/power-shifting.sqlite (see the README).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Sqlite from 'better-sqlite3';
import { DATABASE_FILE } from './database';

const target = process.argv[2];
const source = join(resolve(process.env.DATA_DIR || 'data'), DATABASE_FILE);
if (!target) {
  console.error('Say where to write the backup: npm run server:backup -- /path/to/backup.sqlite');
  process.exit(2);
}
if (!existsSync(source)) {
  console.error(`There is no database at ${source}. Set DATA_DIR to the server's data folder.`);
  process.exit(2);
}
if (existsSync(target)) {
  console.error(`${target} exists already; choose a new file name.`);
  process.exit(2);
}
const db = new Sqlite(source, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const { totalPages } = await db.backup(resolve(target));
db.close();
console.warn(`Backed up ${totalPages} pages of ${source} to ${resolve(target)}.`);
