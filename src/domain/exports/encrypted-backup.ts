/**
 * Backups encrypted with a passphrase of their own: the same envelope (format, version, when,
 * which app), with `encrypted` holding the backup's JSON sealed by AES-GCM under a PBKDF2 key,
 * instead of `data`. The envelope's fields are bound to the ciphertext, so none can be swapped.
 * Opening one gives back the plain backup text, which is then read as any backup is.
 */
import * as v from 'valibot';
import { PBKDF2_ITERATIONS, passphraseKey } from '../lock/keys';
import { openText, sealText } from '../lock/sealed-text';
import { fromBase64url, toBase64url } from '../sync/base64url';
import { Short, Time } from '../records/fields';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './backup';

const B64 = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]+$/));

const EncryptedSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: Time,
  app: v.object({ name: Short, version: Short }),
  encrypted: v.object({
    kdf: v.literal('pbkdf2-sha256'),
    iterations: v.pipe(v.number(), v.integer(), v.minValue(100_000), v.maxValue(10_000_000)),
    salt: B64,
    iv: B64,
    data: B64,
  }),
});

export type EncryptedBackup = v.InferOutput<typeof EncryptedSchema>;

export type OpenResult = { ok: true; text: string } | { ok: false; message: string };

const context = (b: Pick<Backup, 'format' | 'version' | 'exportedAt' | 'app'>) => JSON.stringify([b.format, b.version, b.exportedAt, b.app.name, b.app.version]);

export async function encryptBackup(backup: Backup, json: string, passphrase: string, iterations = PBKDF2_ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await passphraseKey(passphrase, salt, iterations);
  const sealed = await sealText(key, json, context(backup));
  const envelope: EncryptedBackup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: backup.exportedAt,
    app: backup.app,
    encrypted: { kdf: 'pbkdf2-sha256', iterations, salt: toBase64url(salt), iv: toBase64url(sealed.iv), data: toBase64url(new Uint8Array(sealed.data)) },
  };
  return JSON.stringify(envelope, null, 2) + '\n';
}

/** Whether a file's text is an encrypted backup (checked before asking for its passphrase). */
export function isEncryptedBackup(text: string): boolean {
  try {
    const json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as Record<string, unknown>;
    return json.format === BACKUP_FORMAT && typeof json.encrypted === 'object' && json.encrypted !== null;
  } catch {
    return false;
  }
}

export async function openBackup(text: string, passphrase: string): Promise<OpenResult> {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { ok: false, message: 'This file could not be read as a backup: it is not valid JSON. Nothing was imported.' };
  }
  const parsed = v.safeParse(EncryptedSchema, json);
  if (!parsed.success) return { ok: false, message: 'This encrypted backup is damaged, so nothing was imported. Try an earlier backup.' };
  const { encrypted } = parsed.output;
  const bytes = (s: string) => fromBase64url(s) as Uint8Array<ArrayBuffer>;
  try {
    const key = await passphraseKey(passphrase, bytes(encrypted.salt), encrypted.iterations);
    return { ok: true, text: await openText(key, { iv: bytes(encrypted.iv), data: bytes(encrypted.data).buffer }, context(parsed.output)) };
  } catch {
    return {
      ok: false,
      message: 'That passphrase does not open this backup, or the file was changed after it was saved. Nothing was imported.',
    };
  }
}
