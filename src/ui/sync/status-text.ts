import { formatDateTime } from '../../domain/dates';
import type { SpaceView } from '../../state/sync';

/** A space's sync status in plain words: what is happening, and what to do when something is wrong. */
export function statusText(space: SpaceView): string {
  const last = space.lastSyncedAt ? ` Last synced ${formatDateTime(space.lastSyncedAt)}.` : '';
  switch (space.status) {
    case 'synced':
      return `Synced.${last}`;
    case 'syncing':
      return `Sending changes…${last}`;
    case 'connecting':
    case 'offline':
      return `Waiting for a connection: changes are kept on this device and sent when it is back.${last}`;
    case 'refused':
      return `${space.message ?? 'The server refused the connection.'} Ask for a new invite, or leave this space.${last}`;
  }
}

/** One short word for the top bar: the least settled of all spaces. */
export function overallStatus(spaces: readonly SpaceView[]): { text: string; problem: boolean } | null {
  if (!spaces.length) return null;
  if (spaces.some((s) => s.status === 'refused')) return { text: 'Sync problem', problem: true };
  if (spaces.some((s) => s.status === 'connecting' || s.status === 'offline')) return { text: 'Waiting to sync', problem: false };
  if (spaces.some((s) => s.status === 'syncing')) return { text: 'Syncing', problem: false };
  return { text: 'Synced', problem: false };
}

export function spaceTitle(space: Pick<SpaceView, 'kind' | 'name'>): string {
  if (space.kind === 'devices') return 'My devices';
  if (space.kind === 'pair') return `Supervision: ${space.name}`;
  return `Team: ${space.name}`;
}
