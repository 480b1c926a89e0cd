/**
 * What the presenter and facilitator windows say to each other over a BroadcastChannel:
 * commands one way, the presenter's state the other. Messages are checked before use.
 */
import type { Timer } from './timer';

export const COMMANDS = [
  'next',
  'previous',
  'reshuffle',
  'toggle-both',
  'timer-toggle',
  'timer-reset',
  'timer-add-minute',
  'timer-preset',
  'show-note',
  'hide-note',
  'toggle-sound',
] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface Command {
  type: 'command';
  command: CommandName;
  minutes?: number;
  note?: string;
}

export interface PresenterState {
  cardId: string | null;
  upcomingId: string | null;
  position: number;
  total: number;
  both: boolean;
  timer: Timer;
  sound: boolean;
  /** A note the facilitator chose to show on the shared screen. */
  note: string | null;
}

export type Message = Command | { type: 'state'; state: PresenterState } | { type: 'hello' } | { type: 'bye' };

export function isMessage(data: unknown): data is Message {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  if (m.type === 'hello' || m.type === 'bye') return true;
  if (m.type === 'command') {
    return (
      COMMANDS.includes(m.command as CommandName) &&
      (m.minutes === undefined || (typeof m.minutes === 'number' && m.minutes > 0 && m.minutes <= 120)) &&
      (m.note === undefined || (typeof m.note === 'string' && m.note.length <= 10_000))
    );
  }
  if (m.type === 'state') {
    const s = m.state as Record<string, unknown> | undefined;
    return !!s && typeof s.position === 'number' && typeof s.total === 'number' && typeof s.timer === 'object';
  }
  return false;
}
