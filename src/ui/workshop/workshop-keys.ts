import type { CommandName } from '../../domain/workshop/messages';

/** The workshop's keys, shared by the help overlay, the presenter and the facilitator window. */
export const WORKSHOP_KEYS: { keys: string[]; label: string; command?: CommandName }[] = [
  { keys: ['→', 'Space', 'Page Down'], label: 'Next card (clickers send Page Down)', command: 'next' },
  { keys: ['←', 'Page Up'], label: 'Previous card', command: 'previous' },
  { keys: ['R'], label: 'Reshuffle', command: 'reshuffle' },
  { keys: ['B'], label: 'Show both groups', command: 'toggle-both' },
  { keys: ['T'], label: 'Start or pause the timer', command: 'timer-toggle' },
  { keys: ['M'], label: 'Add a minute', command: 'timer-add-minute' },
  { keys: ['0'], label: 'Reset the timer', command: 'timer-reset' },
  { keys: ['F'], label: 'Full screen on or off' },
  { keys: ['L'], label: 'Lock the logbook now' },
  { keys: ['?'], label: 'Show or hide these keys' },
];

/** event.key → command, for useKeys. */
export const KEY_COMMANDS: Record<string, CommandName> = {
  ArrowRight: 'next',
  ' ': 'next',
  PageDown: 'next',
  n: 'next',
  ArrowLeft: 'previous',
  PageUp: 'previous',
  p: 'previous',
  r: 'reshuffle',
  b: 'toggle-both',
  t: 'timer-toggle',
  m: 'timer-add-minute',
  '0': 'timer-reset',
};
