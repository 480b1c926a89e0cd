import { useEffect, useMemo } from 'preact/hooks';
import type { SessionBundle } from '../../domain/exports/notes-document';
import { snapshotOf } from '../../domain/logbook/card-snapshot';
import { isOpen } from '../../domain/logbook/filters';
import type { EntryWithActions } from '../../domain/records/entry';
import { earlierInSeries } from '../../domain/sessions/series';
import { type SessionRecord } from '../../domain/records/session';
import { findCard } from '../../domain/catalog';
import { loadDeck, useDecks } from '../../state/decks';
import type { CheckinRecord } from '../../domain/records/checkin';
import { watchSessionCheckins } from '../../state/checkins';
import { watchSession, watchSessionEntries, watchSessions } from '../../state/sessions';
import { useLive } from '../shell/use-live';

/**
 * Everything about one session, live: the session, its place in its series, its entries, its
 * cards resolved against the deck, and the actions to review: every action agreed last time
 * (with what came of it), and any still open from before.
 */
export function useSessionBundle(id: string) {
  const session = useLive<SessionRecord | undefined>((next, error) => watchSession(id, next, error), [id]);
  const sessions = useLive(watchSessions, []);
  const entries = useLive<EntryWithActions[]>((next, error) => watchSessionEntries([id], next, error), [id]);
  const checkins = useLive<CheckinRecord[]>((next, error) => watchSessionCheckins(id, next, error), [id]);

  const earlierSessions = useMemo(
    () => (session.value && sessions.value ? earlierInSeries(session.value, sessions.value) : []),
    [session.value, sessions.value],
  );
  const earlierIds = useMemo(() => earlierSessions.map((o) => o.id), [earlierSessions]);
  const previous = earlierSessions[0];
  const earlier = useLive<EntryWithActions[]>((next, error) => watchSessionEntries(earlierIds, next, error), [earlierIds.join(',')]);

  // The cards dealt may come from decks not loaded yet: load them, and resolve again as each arrives.
  const decksLoaded = useDecks((s) => s.status);
  const deckIds = [...new Set((session.value?.cards ?? []).map((c) => c.deckId))].join('\n');
  useEffect(() => {
    for (const deckId of deckIds.split('\n').filter(Boolean)) void loadDeck(deckId);
  }, [deckIds]);

  const bundle = useMemo((): SessionBundle | undefined => {
    const s = session.value;
    if (!s || !entries.value) return undefined;
    return {
      session: s,
      number: earlierSessions.length + 1,
      ...(previous ? { previous } : {}),
      cards: s.cards.map(({ deckId, cardId }) => {
        const card = findCard(deckId, cardId);
        return { cardId, card: card ? snapshotOf(card) : undefined };
      }),
      entries: entries.value,
      checkins: checkins.value ?? [],
      review: (earlier.value ?? []).flatMap(({ entry, actions }) =>
        actions.filter((a) => isOpen(a) || entry.sessionId === previous?.id).map((action) => ({ action, entry })),
      ),
    };
  }, [session.value, entries.value, checkins.value, earlier.value, earlierSessions, decksLoaded]);

  return {
    loading: !session.loaded && !session.error,
    missing: session.loaded && !session.value,
    error: session.error ?? entries.error ?? sessions.error,
    bundle,
    previous,
    allSessions: sessions.value ?? [],
  };
}
