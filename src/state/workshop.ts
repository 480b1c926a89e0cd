/**
 * Workshop mode: the presenter window owns the state (card, timer, a note on show) and applies
 * commands from the facilitator window, which sees it through a BroadcastChannel.
 */
import { createStore } from 'zustand/vanilla';
import { bindStore } from './bind-store';
import { browserStorage } from './browser-storage';
import { createJSONStorage, persist } from 'zustand/middleware';
import { currentCardId } from '../domain/deal';
import { isMessage, type Command, type Message, type PresenterState } from '../domain/workshop/messages';
import { addMinute, newTimer, preset, reset, toggle, type Timer } from '../domain/workshop/timer';
import { useDealStore } from './deal-store';

interface WorkshopState {
  timer: Timer;
  sound: boolean;
  both: boolean;
  note: string | null;

  set: (change: Partial<Omit<WorkshopState, 'set'>>) => void;
}

/** Kept in localStorage so a presenter window closed by mistake reopens where it was. */
export const useWorkshop = bindStore(
  createStore<WorkshopState>()(
  persist(
    (set) => ({
      timer: newTimer(5),
      sound: false,
      both: false,
      note: null,
      set: (change) => set(change),
    }),
    {
      name: 'power-shifting:workshop',
      version: 1,
      storage: createJSONStorage(() => browserStorage()),
      partialize: ({ timer, sound, both }) => ({ timer, sound, both }),
    },
  ),
  ),
);

/**
 * The workshop session the facilitator window records into: its own, never a supervision or
 * personal session that happens to be running. Kept apart from the presenter's state, which the
 * presenter window writes.
 */
export const useWorkshopSession = bindStore(
  createStore<{ sessionId: string | null; set: (sessionId: string | null) => void }>()(
    persist((set) => ({ sessionId: null, set: (sessionId) => set({ sessionId }) }), {
      name: 'power-shifting:workshop-session',
      version: 1,
      storage: createJSONStorage(() => browserStorage()),
      partialize: ({ sessionId }) => ({ sessionId }),
    }),
  ),
);

/** Carries out a command in the presenter window. */
export function applyCommand(command: Command, now = Date.now()): void {
  const deal = useDealStore.getState();
  const workshop = useWorkshop.getState();
  switch (command.command) {
    case 'next':
      deal.next();
      break;
    case 'previous':
      deal.previous();
      break;
    case 'reshuffle':
      deal.reshuffle();
      break;
    case 'toggle-both':
      workshop.set({ both: !workshop.both });
      break;
    case 'timer-toggle':
      workshop.set({ timer: toggle(workshop.timer, now) });
      break;
    case 'timer-reset':
      workshop.set({ timer: reset(workshop.timer) });
      break;
    case 'timer-add-minute':
      workshop.set({ timer: addMinute(workshop.timer, now) });
      break;
    case 'timer-preset':
      workshop.set({ timer: preset(command.minutes ?? 5) });
      break;
    case 'toggle-sound':
      workshop.set({ sound: !workshop.sound });
      break;
    case 'show-note':
      workshop.set({ note: command.note?.trim() ? command.note : null });
      break;
    case 'hide-note':
      workshop.set({ note: null });
      break;
  }
}

export function presenterState(): PresenterState {
  const { deal } = useDealStore.getState();
  const { timer, sound, both, note } = useWorkshop.getState();
  const atEnd = deal.position >= deal.dealt - 1;
  return {
    cardId: currentCardId(deal) ?? null,
    // The card Next will show: further along the history, or the next undealt card.
    upcomingId: (atEnd ? deal.order[deal.dealt] : deal.order[deal.position + 1]) ?? null,
    position: deal.position + 1,
    total: deal.order.length,
    both,
    timer,
    sound,
    note,
  };
}

export interface Channel {
  post: (message: Message) => void;
  close: () => void;
}

const CHANNEL = 'power-shifting-workshop';

/** A same-browser channel between windows; a no-op where BroadcastChannel is missing. */
export function openChannel(onMessage: (message: Message) => void): Channel {
  if (typeof BroadcastChannel === 'undefined') return { post: () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent) => {
    if (isMessage(event.data)) onMessage(event.data);
  };
  return { post: (message) => channel.postMessage(message), close: () => channel.close() };
}
