/**
 * This tab's id, so that each tab's drafts are its own, and which tabs are still open, so that
 * a draft left by a closed tab (or a browser that crashed) can be picked up again. A tab holds a
 * Web Lock named after its id for as long as it is open; the browser releases it when the tab
 * goes, however it goes.
 */
const KEY = 'power-shifting:tab';
const LOCK = 'power-shifting-tab:';

function makeId(): string {
  return crypto.randomUUID().replace(/-/g, '').slice(0, 10);
}

function remembered(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function remember(id: string): void {
  try {
    sessionStorage.setItem(KEY, id);
  } catch {
    // Without sessionStorage a reload counts as a new tab: its drafts are still found, as a closed tab's.
  }
}

/** Holds the tab's lock; resolves false if another open tab already holds it. */
function hold(id: string): Promise<boolean> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return Promise.resolve(true);
  return new Promise((resolve) => {
    locks
      .request(LOCK + id, { ifAvailable: true }, (lock) => {
        resolve(!!lock);
        // Held until the tab closes.
        return lock ? new Promise<void>(() => undefined) : undefined;
      })
      .catch(() => resolve(true));
  });
}

let id: string | undefined;
let checked: Promise<string> | undefined;

/**
 * This tab's id, at once: kept across reloads of the tab. Typing can start before the check
 * below has finished, and its draft must have somewhere to go.
 */
export function currentTab(): string {
  if (!id) {
    id = remembered() ?? makeId();
    remember(id);
  }
  return id;
}

/** This tab's id, once it holds the tab's lock: a duplicated tab (which copies the id) takes a new one. */
export function tabId(): Promise<string> {
  checked ??= (async () => {
    if (!(await hold(currentTab()))) {
      id = makeId();
      remember(id);
      await hold(id);
    }
    return currentTab();
  })();
  return checked;
}

/** The ids of the tabs open now, or null where the browser cannot say. */
export async function openTabs(): Promise<Set<string> | null> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return null;
  try {
    const { held = [] } = await locks.query();
    return new Set(held.flatMap((lock) => (lock.name?.startsWith(LOCK) ? [lock.name.slice(LOCK.length)] : [])));
  } catch {
    return null;
  }
}
