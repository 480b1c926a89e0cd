/** Searching a browser profile folder on disk for text the app was given. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under a folder whose bytes hold `text`, as UTF-8 or UTF-16 (localStorage keeps either). */
export function filesHolding(dir: string, text: string): string[] {
  if (!statSync(dir, { throwIfNoEntry: false })) return [];
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) continue;
    if (stat.isDirectory()) found.push(...filesHolding(path, text));
    else if (stat.isFile() && needles.some((n) => readFileSync(path).includes(n))) found.push(path);
  }
  return found;
}
