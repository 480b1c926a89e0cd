/** A deterministic logbook of `count` entries with three actions each, as a backup file. */
export function generateBackup(count: number, deck: unknown, seed?: number): { data: import('../../src/domain/exports/backup').BackupData };
