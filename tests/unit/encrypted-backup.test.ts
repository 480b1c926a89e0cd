import { describe, expect, it } from 'vitest';
import { backupJson, makeBackup, readBackup } from '../../src/domain/exports/backup';
import { encryptBackup, isEncryptedBackup, openBackup } from '../../src/domain/exports/encrypted-backup';
import { emptyDraft } from '../../src/domain/logbook/drafts';
import { entryDefaults } from '../../src/domain/records/restore';

// The lowest count the reader accepts keeps the tests quick; the app uses PBKDF2_ITERATIONS.
const FAST = 100_000;

const entry = { ...entryDefaults(), ...emptyDraft(), id: '01JB0000000000000000000001', createdAt: '2026-03-01T09:00:00.000Z', updatedAt: '2026-03-01T09:00:00.000Z', deleted: 0 as const, reflection: 'Words about Moss Side' };
const backup = makeBackup({ entries: [entry], actions: [], sessions: [], checkins: [] }, new Date('2026-03-02T10:00:00Z'), '0.1.0');

describe('encrypted backups', () => {
  it('round-trips: the opened text reads as the same backup, and the file holds none of the words', async () => {
    const text = await encryptBackup(backup, backupJson(backup), 'backup pass', FAST);
    expect(text).not.toContain('Moss Side');
    expect(isEncryptedBackup(text)).toBe(true);
    expect(isEncryptedBackup(backupJson(backup))).toBe(false);
    const opened = await openBackup(text, 'backup pass');
    expect(opened.ok).toBe(true);
    const read = readBackup((opened as { text: string }).text);
    expect(read.ok && read.backup.data.entries[0]?.reflection).toBe('Words about Moss Side');
  });

  it('refuses a wrong passphrase, a changed byte and a changed envelope, in plain words', async () => {
    const text = await encryptBackup(backup, backupJson(backup), 'backup pass', FAST);
    expect(await openBackup(text, 'other pass')).toEqual({ ok: false, message: expect.stringContaining('does not open this backup') });
    const json = JSON.parse(text) as { exportedAt: string; encrypted: { data: string } };
    const flipped = json.encrypted.data.startsWith('A') ? 'B' : 'A';
    const tampered = { ...json, encrypted: { ...json.encrypted, data: flipped + json.encrypted.data.slice(1) } };
    expect((await openBackup(JSON.stringify(tampered), 'backup pass')).ok).toBe(false);
    expect((await openBackup(JSON.stringify({ ...json, exportedAt: '2020-01-01T00:00:00.000Z' }), 'backup pass')).ok).toBe(false);
    expect(await openBackup('{"format":"power-shifting-backup","encrypted":{}}', 'backup pass')).toEqual({ ok: false, message: expect.stringContaining('damaged') });
  });
});
