/** Starting, pausing, ending and reopening sessions, and recording what happens in them. */
import { newId } from '../domain/ids';
import { sessionDefaults } from '../domain/records/restore';
import type { EntryWithActions } from '../domain/records/entry';
import { today } from '../domain/dates';
import { addDealtCard, defaultTitle, nextSessionDraft, setCardNote as withCardNote, type SessionDraft } from '../domain/sessions/series';
import type { Party, SessionRecord } from '../domain/records/session';
import type { Unsubscribe } from '../storage/logbook';
import type { StorageProblem } from '../storage/storage-problem';
import { useActiveSession } from './active-session';
import { logbook } from './logbook';

function mirror(session: SessionRecord | undefined): void {
  const store = useActiveSession.getState();
  if (session && session.status !== 'ended' && session.deleted === 0) {
    store.set({ id: session.id, title: session.title, kind: session.kind, status: session.status });
  } else if (!session || store.active?.id === session.id) {
    store.set(null);
  }
}

/** Pauses whatever session is running, so only one records at a time. */
async function pauseOthers(exceptId?: string): Promise<void> {
  const active = useActiveSession.getState().active;
  if (active && active.id !== exceptId && active.status === 'active') {
    await logbook().sessions.change(active.id, (s) => (s.status === 'active' ? { ...s, status: 'paused' } : undefined));
  }
}

export async function startSession(draft: SessionDraft): Promise<SessionRecord> {
  await pauseOthers();
  const now = new Date().toISOString();
  const session = await logbook().sessions.create({
    ...sessionDefaults(),
    ...draft,
    id: newId(),
    createdAt: now,
    updatedAt: now,
    deleted: 0,
    title: draft.title.trim() || defaultTitle(draft.kind, draft.series.trim(), draft.date),
    series: draft.series.trim(),
    status: 'active',
  });
  mirror(session);
  return session;
}

async function setStatus(id: string, status: SessionRecord['status']): Promise<void> {
  if (status === 'active') await pauseOthers(id);
  const session = await logbook().sessions.change(id, (s) => {
    const next: SessionRecord = { ...s, status };
    if (status === 'ended') next.endedAt = new Date().toISOString();
    else delete next.endedAt;
    return next;
  });
  mirror(session);
}

export const pauseSession = (id: string) => setStatus(id, 'paused');
export const resumeSession = (id: string) => setStatus(id, 'active');
export const endSession = (id: string) => setStatus(id, 'ended');

/**
 * Corrects a session's details (title, date, series, people, a supervision's type, time and next
 * date); what happened in it is kept. Only the fields that changed are written (see the merge).
 */
export async function editSessionDetails(id: string, details: Omit<SessionDraft, 'kind'> & Partial<Pick<SessionRecord, 'nextDate'>>): Promise<void> {
  const session = await logbook().sessions.change(id, (s) => {
    const date = details.date || s.date;
    const series = details.series.trim();
    const title = details.title.trim() || defaultTitle(s.kind, series, date);
    return { ...s, ...details, title, date, series };
  });
  // Only the running session is shown in the session bar.
  if (session && useActiveSession.getState().active?.id === id) mirror(session);
}

/** A session's own writing, by field. `base`: the version it was typed over (see storage/sessions.ts). */
export async function setSessionText(id: string, field: 'notes' | 'wellbeing' | 'development', text: string, base?: SessionRecord): Promise<void> {
  await logbook().sessions.change(id, (s) => (s[field] === text ? undefined : { ...s, [field]: text }), base);
}

export const setSessionNotes = (id: string, notes: string, base?: SessionRecord) => setSessionText(id, 'notes', notes, base);

/**
 * One party agrees to the supervision record as it reads now (`record`, from
 * supervisionRecordText): kept with their name and the time, so a later change shows.
 */
export async function confirmRecord(id: string, party: Party, name: string, record: string): Promise<void> {
  await logbook().sessions.change(id, (s) => ({
    ...s,
    confirmations: [...s.confirmations.filter((c) => c.party !== party), { party, name: name.trim(), at: new Date().toISOString(), record }],
  }));
}

/** Starts the next session of a series: the same kind, people and type, on the date agreed. */
export function startNextSession(session: SessionRecord): Promise<SessionRecord> {
  return startSession(nextSessionDraft(session, today()));
}

export async function setCardNote(id: string, cardId: string, text: string, base?: SessionRecord): Promise<void> {
  await logbook().sessions.change(
    id,
    (s) => ((s.cardNotes.find((n) => n.cardId === cardId)?.text ?? '') === text ? undefined : withCardNote(s, cardId, text)),
    base,
  );
}

/** Records a card shown while a session is running. */
export async function recordCard(deckId: string, cardId: string): Promise<void> {
  const active = useActiveSession.getState().active;
  if (!active || active.status !== 'active') return;
  const session = await recordCardIn(active.id, deckId, cardId);
  if (!session) mirror(undefined);
}

/** Records a card shown in a given session, if that session is recording; a card is kept once. */
export function recordCardIn(sessionId: string, deckId: string, cardId: string): Promise<SessionRecord | undefined> {
  return logbook().sessions.change(sessionId, (s) =>
    s.status === 'active' ? addDealtCard(s, { deckId, cardId, at: new Date().toISOString() }) : undefined,
  );
}

export function watchSessions(onValue: (sessions: SessionRecord[]) => void, onError: (p: StorageProblem) => void): Unsubscribe {
  return logbook().sessions.watchAll(onValue, onError);
}

export function watchSession(
  id: string,
  onValue: (session: SessionRecord | undefined) => void,
  onError: (p: StorageProblem) => void,
): Unsubscribe {
  return logbook().sessions.watch(id, (session) => {
    if (useActiveSession.getState().active?.id === id) mirror(session);
    onValue(session);
  }, onError);
}

export function watchSessionEntries(
  ids: string[],
  onValue: (items: EntryWithActions[]) => void,
  onError: (p: StorageProblem) => void,
): Unsubscribe {
  if (ids.length === 0) {
    onValue([]);
    return () => undefined;
  }
  return logbook().entries.watchSessionEntries(ids, onValue, onError);
}
