import { useState } from 'preact/hooks';
import { messageOf, syncCall } from '../../state/sync';
import { paths } from '../routing/routes';
import { ErrorMessage } from '../shell/error-message';
import { spaceTitle } from './status-text';

const WHAT: Record<string, string> = {
  devices: 'This links this device to your logbook on another device: both will hold the same entries, actions and sessions.',
  pair: 'This shares a supervision series with you: both of you will see its sessions, records and actions, and can update the actions. Private entries stay with the person who wrote them.',
  team: 'This adds you to a team: you will see what its members share with it. Your own logbook stays yours; you choose what to share.',
};

/** Opened from an invite link (#/join/…): says what joining means and joins only when asked. */
export function JoinScreen({ invite }: { invite: string }) {
  const [joined, setJoined] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, kind = 'devices', ...rest] = invite.split('/');
  let name = '';
  try {
    name = decodeURIComponent(rest.join('/'));
  } catch {
    // A damaged name: joining says so.
  }

  const join = async () => {
    setBusy(true);
    setError(null);
    try {
      const space = await syncCall('join', `${location.origin}/#/join/${invite}`);
      // The link holds the space's key: keep it out of the browser's history.
      history.replaceState(null, '', paths.settings());
      setJoined(`You have joined “${spaceTitle(space)}”. Its records arrive as soon as there is a connection, and appear in your logbook.`);
    } catch (problem) {
      setError(messageOf(problem));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="screen prose" aria-labelledby="join-title">
      <h1 id="join-title">Join {spaceTitle({ kind: kind === 'pair' || kind === 'team' ? kind : 'devices', name })}</h1>
      <p>{WHAT[kind] ?? WHAT.devices}</p>
      <p>What you write is locked on your device before it is sent: the sync server keeps it but cannot read it.</p>
      {joined ? (
        <>
          <p role="status" data-testid="joined">
            {joined}
          </p>
          <p>
            <a class="button" href={paths.logbook()}>
              Go to the logbook
            </a>{' '}
            <a class="button" href={paths.settings()}>
              See sharing in Settings
            </a>
          </p>
        </>
      ) : (
        <p>
          <button type="button" class="button button--primary" disabled={busy} onClick={() => void join()}>
            {busy ? 'Joining…' : 'Join'}
          </button>
        </p>
      )}
      <ErrorMessage message={error} />
    </section>
  );
}
