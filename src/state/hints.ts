/** Hints a person has put away ("Not now"), remembered on this device so they do not come back. */
import { logbook } from './logbook';

export type Hint = 'install';

const key = (hint: Hint) => `hint:${hint}:dismissed`;

export async function hintDismissed(hint: Hint): Promise<boolean> {
  return !!(await logbook().meta.get<string>(key(hint)).catch(() => undefined));
}

export async function dismissHint(hint: Hint): Promise<void> {
  await logbook().meta.set(key(hint), new Date().toISOString());
}
