import type { NotesOptions } from '../../domain/exports/notes-document';

/** Export choices as a short string, so the print view has its own URL. */
const FLAGS: [keyof NotesOptions, string][] = [
  ['reflections', 'r'],
  ['names', 'n'],
  ['notes', 'o'],
  ['followUps', 'f'],
  ['review', 'v'],
];

export function toFlags(options: NotesOptions): string {
  return FLAGS.filter(([key]) => options[key]).map(([, flag]) => flag).join('');
}

export function fromFlags(flags: string): NotesOptions {
  const options = {} as NotesOptions;
  for (const [key, flag] of FLAGS) options[key] = flags.includes(flag);
  return options;
}

export const OPTION_LABELS: Record<keyof NotesOptions, string> = {
  reflections: 'Reflections and notes written in entries',
  names: 'Participants’ names and action owners',
  notes: 'Group notes on each card and the session notes',
  followUps: 'Follow-ups: what happened and what was learned',
  review: 'Open actions carried over from last time',
};
