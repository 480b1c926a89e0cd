import { useState } from 'preact/hooks';
import { messageOf, syncCall, useSync, type MemberView, type SpaceView } from '../../state/sync';
import { Field, inputValue } from '../logbook/field';
import { ErrorMessage } from '../shell/error-message';
import { useSubmit } from '../shell/use-submit';
import { InviteBox } from './invite-box';
import { spaceTitle, statusText } from './status-text';
import '../styles/sync.css';

/** Settings › Devices and sharing: link one's own devices, join with a link, start a team, and each space's status and members. */
export function SharingPanel() {
  const spaces = useSync((s) => s.spaces);
  const [invite, setInvite] = useState<{ link: string; who: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const linkDevice = async () => {
    setBusy(true);
    setError(null);
    try {
      setInvite({ link: await syncCall('linkDevice'), who: 'your other device' });
    } catch (problem) {
      setError(messageOf(problem));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="sharing-title" class="sharing">
      <h2 id="sharing-title">Devices and sharing</h2>
      <p>
        Link your phone and laptop so both hold one logbook, share a supervision series with the other person in it, or keep a
        team’s shared entries and actions together. Everything still works offline; changes go across when there is a
        connection. What you write is locked on this device before it is sent: the server keeps it but cannot read it.
      </p>
      {!spaces.length && <p data-testid="no-spaces">Nothing is shared yet. Start by linking another device, or open an invite link someone sent you.</p>}

      <h3>Link another device</h3>
      <p>On your other device, scan the code or open the link: it gets this logbook, and from then on both stay the same.</p>
      <p>
        <button type="button" class="button" disabled={busy} onClick={() => void linkDevice()}>
          Link another device
        </button>
      </p>
      <ErrorMessage message={error} />
      {invite && <InviteBox link={invite.link} who={invite.who} />}

      {spaces.length > 0 && (
        <>
          <h3>Shared on this device</h3>
          <ul class="space-list" aria-label="Spaces this device shares">
            {spaces.map((space) => (
              <SpaceItem key={space.id} space={space} />
            ))}
          </ul>
        </>
      )}

      <JoinForm />
      <TeamForm onInvite={setInvite} />
    </section>
  );
}

function JoinForm() {
  const [link, setLink] = useState('');
  const [joined, setJoined] = useState<string | null>(null);
  const { submit, busy, error } = useSubmit(
    async () => {
      const space = await syncCall('join', link);
      setLink('');
      setJoined(`Joined “${spaceTitle(space)}”. Its records arrive as soon as there is a connection.`);
    },
    { stays: true },
  );
  return (
    <form onSubmit={submit} aria-labelledby="join-title" noValidate>
      <h3 id="join-title">Join with an invite link</h3>
      <Field label="Invite link">{({ id }) => <input id={id} type="url" value={link} onInput={(e) => setLink(inputValue(e))} />}</Field>
      <ErrorMessage message={error} />
      <p>
        <button type="submit" class="button" disabled={busy || !link.trim()}>
          Join
        </button>
      </p>
      {joined && <p role="status">{joined}</p>}
    </form>
  );
}

function TeamForm({ onInvite }: { onInvite: (invite: { link: string; who: string }) => void }) {
  const [name, setName] = useState('');
  const { submit, busy, error } = useSubmit(
    async () => {
      const id = await syncCall('createTeam', name.trim());
      setName('');
      onInvite({ link: await syncCall('invite', id), who: 'the people in your team' });
    },
    { stays: true },
  );
  return (
    <form onSubmit={submit} aria-labelledby="team-title" noValidate>
      <h3 id="team-title">Start a team</h3>
      <p>A team shares the entries and actions each person chooses to share with it; everyone’s own logbook stays their own.</p>
      <Field label="Team name">{({ id }) => <input id={id} type="text" maxLength={200} value={name} onInput={(e) => setName(inputValue(e))} />}</Field>
      <ErrorMessage message={error} />
      <p>
        <button type="submit" class="button" disabled={busy || !name.trim()}>
          Create the team
        </button>
      </p>
    </form>
  );
}

function SpaceItem({ space }: { space: SpaceView }) {
  const [members, setMembers] = useState<MemberView[] | null>(null);
  const [invite, setInvite] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const owner = space.role === 'owner';
  const title = spaceTitle(space);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      await work();
    } catch (problem) {
      setError(messageOf(problem));
    } finally {
      setBusy(false);
    }
  };
  const loadMembers = () => run(async () => setMembers(await syncCall('members', space.id)));
  const rotated = (missing: number) =>
    setNote(
      `The space has a new key: nothing written from now on can be read with the old one.${missing ? ` ${missing} member${missing === 1 ? ' has' : 's have'} not connected yet and will need a new invite.` : ''}`,
    );

  return (
    <li class="space" data-testid="space" aria-labelledby={`space-${space.id}`}>
      <h4 id={`space-${space.id}`}>{title}</h4>
      <p class={space.status === 'refused' ? 'space__status space__status--problem' : 'space__status'} data-testid="space-status" data-status={space.status}>
        {statusText(space)}
      </p>
      <p class="space__actions">
        {owner && space.status !== 'refused' && (
          <button type="button" class="button button--small" disabled={busy} onClick={() => void run(async () => setInvite(await syncCall('invite', space.id)))}>
            Invite
          </button>
        )}
        <button type="button" class="button button--small" disabled={busy} aria-expanded={!!members} onClick={() => (members ? setMembers(null) : void loadMembers())}>
          {members ? 'Hide members' : 'Members'}
        </button>
        {owner && space.status !== 'refused' && (
          <button type="button" class="button button--small" disabled={busy} onClick={() => void run(async () => rotated((await syncCall('rotate', space.id)).missing))}>
            Change the key
          </button>
        )}
        <button
          type="button"
          class="button button--small"
          disabled={busy}
          onClick={() => {
            if (!confirm(`Leave “${title}”? What is already on this device stays; nothing more comes or goes.`)) return;
            void run(() => syncCall('leave', space.id));
          }}
        >
          Leave
        </button>
      </p>
      <ErrorMessage message={error} />
      {note && <p role="status">{note}</p>}
      {invite && <InviteBox link={invite} who={space.kind === 'devices' ? 'your other device' : 'the person you are inviting'} />}
      {members && (
        <ul class="member-list" aria-label={`Members of ${title}`}>
          {members.map((m) => (
            <li key={m.memberId}>
              <span>
                {m.name || 'Someone who has not given a name'}
                {m.you ? ' (this device)' : ''}
                {m.role === 'owner' ? ', owner' : ''}
                {m.removed ? ', removed' : ''}
              </span>
              {owner && !m.you && !m.removed && (
                <button
                  type="button"
                  class="button button--small"
                  disabled={busy}
                  onClick={() =>
                    void run(async () => {
                      rotated((await syncCall('remove', space.id, m.memberId)).missing);
                      setMembers(await syncCall('members', space.id));
                    })
                  }
                >
                  Remove {m.name || 'this member'}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
