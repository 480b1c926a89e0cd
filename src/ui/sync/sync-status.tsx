import { useSync } from '../../state/sync';
import { paths } from '../routing/routes';
import { overallStatus } from './status-text';

/** In the top bar, only once the device shares something: one calm word, linking to the details in Settings. */
export function SyncStatus() {
  const status = overallStatus(useSync((s) => s.spaces));
  if (!status) return null;
  return (
    <a class={status.problem ? 'sync-status sync-status--problem' : 'sync-status'} href={paths.settings()} data-testid="sync-status">
      {status.text}
    </a>
  );
}
