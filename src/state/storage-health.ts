/**
 * Early warnings about the device's storage: space running low (before a save fails), and a
 * logbook that has vanished (a browser clears a site's data when a disk fills, or when asked).
 */
import { storageStatus } from '../storage/device-storage';
import { browserStorage } from './browser-storage';
import { useNotices } from './notices';

/** Below this much free space for the app, people are told to make room and back up. */
export const LOW_SPACE_BYTES = 50 * 1024 * 1024;
const CHECK_EVERY_MS = 60_000;
const SEEN_KEY = 'power-shifting:seen-entries';

let lastCheck = 0;

function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? 'less than 1 MB' : `about ${Math.floor(bytes / 1024 / 1024)} MB`;
}

/** Warns when the browser says little room is left; at most once a minute unless `now`. */
export async function checkSpace(force = false): Promise<void> {
  const now = Date.now();
  if (!force && now - lastCheck < CHECK_EVERY_MS) return;
  lastCheck = now;
  const { usage, quota } = await storageStatus();
  if (usage === null || quota === null) return;
  const left = quota - usage;
  const notices = useNotices.getState();
  if (left < LOW_SPACE_BYTES) {
    notices.showWarning({
      kind: 'low-space',
      message: `This device is almost out of storage space (${megabytes(Math.max(0, left))} left for the app). Save a backup now, and free up some space on the device, so that nothing you write is lost.`,
    });
  } else if (notices.warning?.kind === 'low-space') {
    notices.showWarning(null);
  }
}

/** Remembers how many entries the logbook held, to notice if it is ever found empty. */
export function noteEntryCount(count: number): void {
  // Entries written or restored: the logbook is no longer the empty one the warning was about.
  const notices = useNotices.getState();
  if (count > 0 && notices.warning?.kind === 'vanished') notices.showWarning(null);
  try {
    browserStorage().setItem(SEEN_KEY, String(count));
  } catch {
    // Only an early warning is lost.
  }
}

/** Says so when the logbook opens empty although it held entries when last used here. */
export function checkNotVanished(count: number): void {
  const seen = Number(browserStorage().getItem(SEEN_KEY) ?? 0);
  if (count === 0 && seen > 0) {
    useNotices.getState().showWarning({
      kind: 'vanished',
      message: `The logbook on this device is empty, but it held ${seen} ${seen === 1 ? 'entry' : 'entries'} when it was last used here. The browser may have cleared it (this can happen when a device runs out of space, or when site data is cleared). If you have a backup, restore it in Settings.`,
    });
    // Kept until entries are written or restored, so the warning is not lost on the next reload.
    return;
  }
  noteEntryCount(count);
}
