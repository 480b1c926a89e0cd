import { useMemo } from 'preact/hooks';
import { fileNames } from '../../domain/exports/file-names';
import { supervisionRecord } from '../../domain/exports/professional';
import { RecordScreen } from '../documents/record-screen';
import { paths } from '../routing/routes';
import { useProfile } from '../settings/use-profile';
import { MessageScreen } from '../shell/message-screen';
import { useSessionBundle } from './use-session-bundle';

/** A supervision record in the shape of the usual templates, for both parties to keep. */
export function SupervisionRecordScreen({ id }: { id: string }) {
  const { bundle, missing } = useSessionBundle(id);
  const profile = useProfile();
  const doc = useMemo(() => bundle && supervisionRecord(bundle, { name: profile.name, at: new Date() }), [bundle, profile.name]);
  if (missing) return <MessageScreen title="Session not found" text="It may have been deleted, or be on another device." link={{ href: paths.sessions(), label: 'All sessions' }} />;
  if (!doc || !bundle) return <p class="loading" aria-busy="true">Loading…</p>;
  return <RecordScreen doc={doc} fileName={fileNames.record(doc.title, bundle.session.date)} backHref={paths.session(id)} backLabel="Back to the session" />;
}
