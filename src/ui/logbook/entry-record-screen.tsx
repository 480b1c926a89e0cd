import { useMemo } from 'preact/hooks';
import { localDay } from '../../domain/dates';
import { fileNames } from '../../domain/exports/file-names';
import { cpdRecord, nmcReflectiveAccount } from '../../domain/exports/professional';
import type { EntryWithActions } from '../../domain/records/entry';
import type { SessionRecord } from '../../domain/records/session';
import { watchEntry } from '../../state/logbook';
import { watchSession } from '../../state/sessions';
import { RecordScreen } from '../documents/record-screen';
import { paths, type RecordForm } from '../routing/routes';
import { useProfile } from '../settings/use-profile';
import { MessageScreen } from '../shell/message-screen';
import { useLive } from '../shell/use-live';

const MAKERS = { nmc: nmcReflectiveAccount, cpd: cpdRecord } as const;

/** An entry as an NMC reflective account or a CPD record, to print, save or paste into a portfolio. */
export function EntryRecordScreen({ id, form }: { id: string; form: RecordForm }) {
  const item = useLive<EntryWithActions | undefined>((next, error) => watchEntry(id, next, error), [id]);
  const sessionId = item.value?.entry.sessionId ?? '';
  const session = useLive<SessionRecord | undefined>(
    (next, error) => (sessionId ? watchSession(sessionId, next, error) : (next(undefined), () => undefined)),
    [sessionId],
  );
  const profile = useProfile();
  const doc = useMemo(
    () => item.value && MAKERS[form](item.value, session.value, { name: profile.name, at: new Date() }),
    [item.value, session.value, form, profile.name],
  );
  if (item.loaded && !item.value) {
    return <MessageScreen title="Entry not found" text="It may have been deleted, or be on another device." link={{ href: paths.logbook(), label: 'Logbook' }} />;
  }
  if (!doc || !item.value) return <p class="loading" aria-busy="true">Loading…</p>;
  return (
    <RecordScreen
      doc={doc}
      fileName={fileNames.record(doc.title, localDay(item.value.entry.createdAt))}
      backHref={paths.entry(id)}
      backLabel="Back to the entry"
    />
  );
}
