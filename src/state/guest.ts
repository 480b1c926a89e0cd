/**
 * Guest mode: a logbook of its own for a borrowed or shared device, kept apart from the device's
 * own logbook and wiped when the guest leaves. A guest session left without leaving (the tab or
 * browser closed) is wiped the next time the app starts outside guest mode.
 */
import { GUEST_DATABASE, guestIndexedDB, wipeGuest } from '../storage/guest-storage';
import { guestStorageMayRemain, isGuest, noteGuestStorage, setGuest } from './guest-flag';
import { logbook, selectDatabase } from './logbook';

/** Held by every guest tab for as long as it lives, so no other tab wipes a guest session in use. */
const IN_USE = 'power-shifting:guest';

const forever = () => new Promise<never>(() => undefined);

/** In a guest tab, before anything reads the logbook: the guest's own storage. */
export async function openGuestLogbook(): Promise<void> {
  selectDatabase(GUEST_DATABASE, await guestIndexedDB());
  void navigator.locks?.request(IN_USE, { mode: 'shared' }, forever);
}

/** Outside guest mode: wipes what a guest session left behind, unless a guest tab is still open. */
export function sweepGuest(): void {
  if (!guestStorageMayRemain()) return;
  void navigator.locks?.request(IN_USE, { ifAvailable: true }, async (lock) => {
    if (!lock) return;
    await wipeGuest();
    noteGuestStorage(false);
  });
}

export function startGuest(): void {
  noteGuestStorage(true);
  setGuest(true);
  location.replace(`${location.pathname}#/`);
  location.reload();
}

/** Wipes the guest's logbook; this tab then starts afresh with the device's own. */
export async function leaveGuest(): Promise<void> {
  if (!isGuest()) return;
  logbook().close();
  await wipeGuest();
  setGuest(false);
  noteGuestStorage(false);
  location.replace(`${location.pathname}#/`);
  location.reload();
}
