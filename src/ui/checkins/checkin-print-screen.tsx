import { useMemo } from 'preact/hooks';
import { checkinDocument } from '../../domain/exports/checkin-document';
import { fileNames } from '../../domain/exports/file-names';
import type { CheckinRecord } from '../../domain/records/checkin';
import type { SessionRecord } from '../../domain/records/session';
import { watchCheckin } from '../../state/checkins';
import { watchSession } from '../../state/sessions';
import { RecordScreen } from '../documents/record-screen';
import { paths } from '../routing/routes';
import { useProfile } from '../settings/use-profile';
import { MessageScreen } from '../shell/message-screen';
import { useLive } from '../shell/use-live';
import { DESTINATION_FAILED, useDestination } from './use-destination';

/** A check-in as a document: printed, saved as a Word file, or copied into an email. */
export function CheckinPrintScreen({ id }: { id: string }) {
  const checkin = useLive<CheckinRecord | undefined>((next, error) => watchCheckin(id, next, error), [id]);
  const sessionId = checkin.value?.sessionId ?? '';
  const session = useLive<SessionRecord | undefined>(
    (next, error) => (sessionId ? watchSession(sessionId, next, error) : (next(undefined), () => undefined)),
    [sessionId],
  );
  const loaded = useDestination(checkin.value?.deckId);
  const profile = useProfile();
  const doc = useMemo(
    () =>
      checkin.value && loaded.state === 'ready'
        ? checkinDocument(checkin.value, loaded.deck, loaded.destination, session.value, { name: profile.name, at: new Date() })
        : undefined,
    [checkin.value, loaded, session.value, profile.name],
  );
  if (checkin.loaded && (!checkin.value || checkin.value.deleted)) {
    return <MessageScreen title="Check-in not found" text="It may have been deleted, or be on another device." link={{ href: paths.checkins(), label: 'Where are we now?' }} />;
  }
  if (loaded.state === 'failed') return <MessageScreen alert title="The destination could not be loaded" text={DESTINATION_FAILED} />;
  if (!doc || !checkin.value) return <p class="loading" aria-busy="true">Loading…</p>;
  return <RecordScreen doc={doc} fileName={fileNames.record(doc.title, checkin.value.date)} backHref={paths.checkin(id)} backLabel="Back to the check-in" />;
}
