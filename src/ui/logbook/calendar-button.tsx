import type { ActionRecord, EntryRecord } from '../../domain/logbook/records';
import { useNotices } from '../../state/notices';
import { saveFile } from '../shell/save-file';

interface Props {
  label: string;
  /** One action; without it, every open action with a due date. */
  action?: ActionRecord;
  entry?: EntryRecord | undefined;
  small?: boolean;
}

/** Saves an .ics file so the phone's own calendar reminds about an action. */
export function CalendarButton({ label, action, entry, small }: Props) {
  const save = async () => {
    try {
      const exports = await import('../../state/exports');
      const file = action ? exports.actionIcsFile(action, entry) : await exports.openActionsIcsFile();
      await saveFile(file);
    } catch (problem) {
      useNotices.getState().showProblem({ kind: 'export', message: (problem as Error).message });
    }
  };
  return (
    <button type="button" class={`button ${small ? 'button--small' : ''}`} onClick={() => void save()}>
      {label}
      {action && <span class="visually-hidden">: {action.what}</span>}
    </button>
  );
}
