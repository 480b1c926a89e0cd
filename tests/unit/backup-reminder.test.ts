import { describe, expect, it } from 'vitest';
import { needsReminder, remindNow, type BackupStatus } from '../../src/state/exports';

const NOW = new Date('2026-06-15T12:00:00Z');
const status = (extra: Partial<BackupStatus>): BackupStatus => ({ lastBackupAt: null, changedSince: 0, total: 0, snoozedUntil: null, ...extra });

describe('the backup reminder', () => {
  it('is due after enough changes, or days with changes, and not for an empty or untouched logbook', () => {
    expect(needsReminder(status({}), NOW)).toBe(false);
    expect(needsReminder(status({ total: 2, changedSince: 2 }), NOW)).toBe(false);
    expect(needsReminder(status({ total: 3, changedSince: 3 }), NOW)).toBe(true);
    expect(needsReminder(status({ total: 40, changedSince: 10, lastBackupAt: '2026-06-14T12:00:00Z' }), NOW)).toBe(true);
    expect(needsReminder(status({ total: 40, changedSince: 1, lastBackupAt: '2026-05-01T12:00:00Z' }), NOW)).toBe(true);
    expect(needsReminder(status({ total: 40, changedSince: 0, lastBackupAt: '2026-05-01T12:00:00Z' }), NOW)).toBe(false);
  });

  it('rests while snoozed, and comes back when the week is over', () => {
    const due = status({ total: 3, changedSince: 3 });
    expect(remindNow({ ...due, snoozedUntil: '2026-06-20T12:00:00Z' }, NOW)).toBe(false);
    expect(remindNow({ ...due, snoozedUntil: '2026-06-15T11:59:59Z' }, NOW)).toBe(true);
    expect(remindNow({ ...status({}), snoozedUntil: '2026-06-01T00:00:00Z' }, NOW)).toBe(false);
  });
});
