import type { ActionRecord } from '../../domain/records/action';
import type { EntryRecord } from '../../domain/records/entry';
import { useNotices } from '../../state/notices';


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
      const [exports, { saveExport }] = await Promise.all([import('../../state/exports'), import('../files/save-export')]);
      await saveExport(action ? exports.actionIcsFile(action, entry) : exports.openActionsIcsFile());
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
