/** Sessions as people use them: their titles, and the series that link one session to the next. */
import { instant } from '../dates';
import { KIND_LABELS, type DealtCard, type SessionKind, type SessionRecord } from '../records/session';

/** What starting a session asks for; a supervision's people and type carry over to the next in its series. */
export type SessionDraft = Pick<SessionRecord, 'kind' | 'title' | 'date' | 'participants' | 'series'> &
  Partial<Pick<SessionRecord, 'time' | 'supervisionType' | 'supervisor' | 'supervisee'>>;

export function defaultTitle(kind: SessionKind, series: string, date: string): string {
  return series.trim() || `${KIND_LABELS[kind]} session, ${date}`;
}

/** Case-insensitive series key, so "Supervision with A.B." and "supervision with a.b." match. */
export function seriesKey(series: string): string {
  return series.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Sessions in calendar order; those on the same day in the order they were made. */
function compareSessions(a: SessionRecord, b: SessionRecord): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return instant(a.createdAt) - instant(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Earlier sessions of the same series, the most recent first. */
export function earlierInSeries(session: SessionRecord, all: readonly SessionRecord[]): SessionRecord[] {
  const key = seriesKey(session.series);
  if (!key) return [];
  return all
    .filter((s) => s.id !== session.id && s.deleted === 0 && seriesKey(s.series) === key && compareSessions(s, session) < 0)
    .sort((a, b) => compareSessions(b, a));
}

/** Where a session stands in its series: 1 for the first (or a session with no series). */
export function numberInSeries(session: SessionRecord, all: readonly SessionRecord[]): number {
  return earlierInSeries(session, all).length + 1;
}

/** "Supervision with A.B. — session 3"; a session with no series, or a title of its own, keeps its title. */
export function titleInSeries(session: SessionRecord, number: number): string {
  const series = session.series.trim();
  const own = session.title.trim() && seriesKey(session.title) !== seriesKey(series);
  return series && !own ? `${series} — session ${number}` : session.title;
}

/** The next session of a series: the same kind, people and type, on the date agreed (or the day given). */
export function nextSessionDraft(session: SessionRecord, day: string): SessionDraft {
  return {
    kind: session.kind,
    title: '',
    date: session.nextDate && session.nextDate >= day ? session.nextDate : day,
    participants: [...session.participants],
    series: session.series,
    time: session.time,
    supervisionType: session.supervisionType,
    supervisor: { ...session.supervisor },
    supervisee: { ...session.supervisee },
  };
}

/** The latest earlier session of the same series, if any. */
export function previousInSeries(session: SessionRecord, all: readonly SessionRecord[]): SessionRecord | undefined {
  return earlierInSeries(session, all)[0];
}

export function addDealtCard(session: SessionRecord, card: DealtCard): SessionRecord | undefined {
  if (session.cards.some((c) => c.cardId === card.cardId && c.deckId === card.deckId)) return undefined;
  return { ...session, cards: [...session.cards, card] };
}

export function setCardNote(session: SessionRecord, cardId: string, text: string): SessionRecord {
  const others = session.cardNotes.filter((n) => n.cardId !== cardId);
  return { ...session, cardNotes: text.trim() ? [...others, { cardId, text }] : others };
}

export interface SeriesGroup {
  /** The series as last written; empty for the sessions that belong to none. */
  series: string;
  /** Newest first, each with its number in the series. */
  sessions: { session: SessionRecord; number: number }[];
}

/**
 * Sessions as the list shows them: one group per series, the one used most recently first, then
 * the sessions of no series. Deleted sessions are left out.
 */
export function groupBySeries(all: readonly SessionRecord[]): SeriesGroup[] {
  const groups = new Map<string, SessionRecord[]>();
  for (const session of all) {
    if (session.deleted !== 0) continue;
    const key = seriesKey(session.series);
    groups.set(key, [...(groups.get(key) ?? []), session]);
  }
  const named: { group: SeriesGroup; latest: SessionRecord }[] = [];
  let loose: SeriesGroup | undefined;
  for (const [key, sessions] of groups) {
    const ordered = [...sessions].sort(compareSessions);
    const latest = ordered[ordered.length - 1];
    if (!latest) continue;
    const group = {
      series: key ? latest.series.trim() : '',
      sessions: ordered.map((session, i) => ({ session, number: key ? i + 1 : 1 })).reverse(),
    };
    if (key) named.push({ group, latest });
    else loose = group;
  }
  named.sort((a, b) => compareSessions(b.latest, a.latest));
  return [...named.map((n) => n.group), ...(loose ? [loose] : [])];
}
