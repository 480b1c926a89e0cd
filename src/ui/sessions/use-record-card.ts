import { useLayoutEffect } from 'preact/hooks';
import type { Card } from '../../domain/cards';
import type { SessionKind } from '../../domain/records/session';
import { useActiveSession, withSessions } from '../../state/active-session';

/**
 * Adds each card shown to the running session's record (only a session of `onlyKind`, if given:
 * the wall records into a workshop, never into a supervision left running). A layout effect: a plain one waits for
 * the next frame, and a key that left the screen before then (w, to write about the card)
 * dropped the card from the record.
 */
export function useRecordCard(card: Pick<Card, 'id' | 'deckId'> | undefined, onlyKind?: SessionKind): void {
  const recording = useActiveSession((s) => s.active?.status === 'active' && (!onlyKind || s.active.kind === onlyKind));
  useLayoutEffect(() => {
    if (recording && card) void withSessions((m) => m.recordCard(card.deckId, card.id)).catch(() => undefined);
  }, [recording, card?.id]);
}
