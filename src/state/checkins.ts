/** Starting, rating, noting and deleting check-ins ("Where are we now?"), and what the screens watch. */
import { actionTallies, type ActionTally } from '../domain/checkins/progress';
import type { Capability } from '../content/schema';
import { newId } from '../domain/ids';
import { EVIDENCE_OF, withEvidence, withRating, type CheckinRecord, type RatedPart, type Rating } from '../domain/records/checkin';
import { checkinDefaults } from '../domain/records/restore';
import type { Unsubscribe } from '../storage/logbook';
import type { StorageProblem } from '../storage/storage-problem';
import { afterChange, askForPersistenceOnce, logbook } from './logbook';
import { useNotices } from './notices';
import { toStorageProblem } from '../storage/storage-problem';

export interface CheckinStart {
  deckId: string;
  community: string;
  date: string;
  sessionId?: string;
}

export async function startCheckin(start: CheckinStart): Promise<CheckinRecord> {
  const now = new Date().toISOString();
  const checkin = await logbook().checkins.create({
    ...checkinDefaults(),
    ...start,
    community: start.community.trim(),
    id: newId(),
    createdAt: now,
    updatedAt: now,
    deleted: 0,
  });
  void askForPersistenceOnce();
  afterChange();
  return checkin;
}

/** `settle`: the rating was given two values at once in two places, and this is the one that stands. */
export async function rate(id: string, part: RatedPart, itemId: string, rating: Rating | undefined, settle = false): Promise<void> {
  await logbook().checkins.change(id, (c) => withRating(c, part, itemId, rating), undefined, settle ? [`${part}/${itemId}`] : undefined);
}

/** Keeps the note of evidence as shown, where it was written two ways at once in two places. */
export async function keepEvidence(id: string, part: RatedPart, itemId: string): Promise<void> {
  await logbook().checkins.change(id, (c) => c, undefined, [`${EVIDENCE_OF[part]}/${itemId}`]);
}

/** `base`: the version the note was typed over (see storage/checkins.ts). */
export async function setEvidence(id: string, part: RatedPart, itemId: string, text: string, base?: CheckinRecord): Promise<void> {
  await logbook().checkins.change(id, (c) => withEvidence(c, part, itemId, text), base);
}

export async function setCheckinNotes(id: string, notes: string, base?: CheckinRecord): Promise<void> {
  await logbook().checkins.change(id, (c) => (c.notes === notes ? undefined : { ...c, notes }), base);
}

/** Corrects who and when; the ratings are kept. */
export async function editCheckinDetails(id: string, details: { community: string; date: string }): Promise<void> {
  await logbook().checkins.change(id, (c) => ({ ...c, community: details.community.trim() || c.community, date: details.date || c.date }));
}

/** Shares it with a team space, or (`undefined`) with nobody. */
export async function shareCheckin(id: string, space: string | undefined): Promise<void> {
  await logbook().checkins.change(id, ({ space: _shared, ...rest }) => (space ? { ...rest, space } : rest));
}

export async function deleteCheckin(id: string): Promise<void> {
  await logbook().checkins.remove(id);
  useNotices.getState().showToast('Check-in deleted.', {
    label: 'Undo',
    run: () => {
      logbook()
        .checkins.restore(id)
        .then(() => useNotices.getState().showToast('Check-in restored.'))
        .catch((error: unknown) => useNotices.getState().showProblem(toStorageProblem(error)));
    },
  });
}

export function watchCheckins(onValue: (checkins: CheckinRecord[]) => void, onError: (p: StorageProblem) => void): Unsubscribe {
  return logbook().checkins.watchAll(onValue, onError);
}

export function watchCheckin(id: string, onValue: (checkin: CheckinRecord | undefined) => void, onError: (p: StorageProblem) => void): Unsubscribe {
  return logbook().checkins.watch(id, onValue, onError);
}

export function watchSessionCheckins(sessionId: string, onValue: (checkins: CheckinRecord[]) => void, onError: (p: StorageProblem) => void): Unsubscribe {
  return logbook().checkins.watchInSession(sessionId, onValue, onError);
}

/** Actions agreed and done per capability, for the whole logbook and for one community: read once. */
export async function readActionTallies(deckId: string, capabilities: readonly Capability[], community: string): Promise<{ all: ActionTally[]; community: ActionTally[] }> {
  const items = await logbook().entries.live();
  return { all: actionTallies(deckId, capabilities, items), community: actionTallies(deckId, capabilities, items, community) };
}
