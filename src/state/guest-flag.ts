/**
 * Whether this tab is a guest session (a borrowed or shared device): kept light, for the first
 * paint. The flag is in sessionStorage, so a reload stays a guest and a new browser session does
 * not; it holds nothing the guest wrote.
 */
const FLAG = 'power-shifting:guest';

export function isGuest(): boolean {
  try {
    return typeof sessionStorage !== 'undefined' && sessionStorage.getItem(FLAG) === '1';
  } catch {
    return false;
  }
}

export function setGuest(on: boolean): void {
  if (on) sessionStorage.setItem(FLAG, '1');
  else sessionStorage.removeItem(FLAG);
}

/** Set (in localStorage) while a guest session may have left its logbook on the device: the next start outside guest mode wipes it. */
const LEFT = 'power-shifting:guest-storage';

export function guestStorageMayRemain(): boolean {
  try {
    return localStorage.getItem(LEFT) === '1';
  } catch {
    return false;
  }
}

export function noteGuestStorage(remains: boolean): void {
  if (remains) localStorage.setItem(LEFT, '1');
  else localStorage.removeItem(LEFT);
}
