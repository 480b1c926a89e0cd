/**
 * Records in the shape of the forms people file: a supervision record (both parties hold a
 * copy, as SCIE's guidance expects), an NMC revalidation reflective account, and a CPD record
 * that Social Work England and HCPC registrants can adapt. Each is a notes document, so it
 * prints, saves and shares like the session notes. Private entries are always left out.
 */
import { formatDate, formatDateTime, localDay } from '../dates';
import { liveActions } from '../logbook/compose';
import { reflectionParts } from '../logbook/templates';
import { STATUS_LABELS, type ActionRecord } from '../records/action';
import { CODE_THEME_LABELS, type EntryWithActions } from '../records/entry';
import { PARTIES, SUPERVISION_TYPE_LABELS, type SessionRecord } from '../records/session';
import { toMarkdown } from './markdown';
import { snapshotSection, snapshotWords } from '../logbook/card-snapshot';
import { sharedEntries, type Block, type Item, type NotesDocument, type SessionBundle } from './notes-document';

export interface MadeBy {
  /** The person making the record, from Settings; may be empty. */
  name: string;
  at: Date;
}

const PARTY_LABELS = { supervisor: 'Supervisor', supervisee: 'Supervisee' } as const;

function person(p: { name: string; role: string }): string {
  return [p.name.trim(), p.role.trim()].filter(Boolean).join(', ') || 'Not recorded';
}

function actionItem(action: ActionRecord, withFollowUp: boolean): Item {
  const details = withFollowUp
    ? [
        ...(action.followUp.happened.trim() ? [{ label: 'What happened', text: action.followUp.happened }] : []),
        ...(action.followUp.learned.trim() ? [{ label: 'What was learned', text: action.followUp.learned }] : []),
      ]
    : [];
  const aside = [action.owner.trim() ? `who: ${action.owner.trim()}` : '', action.due ? `by ${formatDate(action.due)}` : '', STATUS_LABELS[action.status]]
    .filter(Boolean)
    .join(', ');
  return { text: action.what.trim() || 'Untitled action', aside, ...(details.length ? { details } : {}) };
}

/** Who made a record and when: the document's own fields, so every renderer ends with the same line. */
function madeFields(made: MadeBy): Pick<NotesDocument, 'madeBy' | 'madeAt'> {
  return { ...(made.name.trim() ? { madeBy: made.name.trim() } : {}), madeAt: made.at.toISOString() };
}

/** The part of a supervision record that both parties agree to: everything but the agreement itself. */
function supervisionContent(bundle: SessionBundle): Block[] {
  const { session } = bundle;
  const blocks: Block[] = [];
  blocks.push({
    type: 'facts',
    items: [
      { label: 'Date', value: `${formatDate(session.date)}${session.time ? `, ${session.time}` : ''}` },
      { label: 'Supervisor', value: person(session.supervisor) },
      { label: 'Supervisee', value: person(session.supervisee) },
      { label: 'Type', value: SUPERVISION_TYPE_LABELS[session.supervisionType] },
      ...(session.series.trim() ? [{ label: 'Series', value: `${session.series.trim()}, session ${bundle.number}` }] : []),
    ],
  });

  blocks.push({ type: 'heading', level: 2, text: 'Review of previous actions' });
  if (bundle.review.length) blocks.push({ type: 'list', ordered: false, items: bundle.review.map(({ action }) => actionItem(action, true)) });
  else blocks.push({ type: 'note', text: bundle.previous ? 'No actions were agreed last time.' : 'This is the first session of the series.' });

  blocks.push({ type: 'heading', level: 2, text: 'Cards discussed and notes' });
  if (!bundle.cards.length) blocks.push({ type: 'note', text: 'No cards were discussed.' });
  else {
    const items = bundle.cards.map(({ cardId, card }): Item => {
      const note = session.cardNotes.find((n) => n.cardId === cardId)?.text ?? '';
      return {
        ...(card ? { strong: `${snapshotSection(card)}: ${card.capabilityHeading}`, text: snapshotWords(card) } : { text: cardId }),
        ...(note.trim() ? { details: [{ label: 'Notes', text: note }] } : {}),
      };
    });
    blocks.push({ type: 'list', ordered: true, items });
  }

  const { shared, privateCount } = sharedEntries(bundle.entries);
  const discussion = shared.flatMap(({ entry }) => [
    ...reflectionParts(entry).map((p): Block => ({ type: 'text', label: `${entry.card ? entry.card.text.slice(0, 60) : 'Note'}: ${p.heading}`, text: p.text })),
    ...(entry.notes.trim() ? [{ type: 'text' as const, label: 'Notes', text: entry.notes }] : []),
  ]);
  if (discussion.length || session.notes.trim()) {
    blocks.push({ type: 'heading', level: 2, text: 'Discussion' });
    blocks.push(...discussion);
    if (session.notes.trim()) blocks.push({ type: 'text', label: 'Session notes', text: session.notes });
  }
  if (privateCount) blocks.push({ type: 'note', text: `${privateCount} private ${privateCount === 1 ? 'entry is' : 'entries are'} left out of this record.` });

  blocks.push({ type: 'heading', level: 2, text: 'Actions agreed' });
  const agreed = shared.flatMap(({ actions }) => liveActions(actions));
  if (agreed.length) blocks.push({ type: 'list', ordered: false, items: agreed.map((a) => actionItem(a, false)) });
  else blocks.push({ type: 'note', text: 'No actions were agreed.' });

  if (session.wellbeing.trim()) blocks.push({ type: 'heading', level: 2, text: 'Wellbeing' }, { type: 'text', text: session.wellbeing });
  if (session.development.trim()) blocks.push({ type: 'heading', level: 2, text: 'Development' }, { type: 'text', text: session.development });

  blocks.push({ type: 'facts', items: [{ label: 'Next session', value: session.nextDate ? formatDate(session.nextDate) : 'Not yet agreed' }] });
  return blocks;
}

/** The record's agreed content as text: what a confirmation keeps, to show any later change. */
export function supervisionRecordText(bundle: SessionBundle): string {
  return toMarkdown({ title: '', blocks: supervisionContent(bundle) });
}

/** Whether each party's confirmation still matches the record as it reads now. */
export function confirmationsOf(bundle: SessionBundle): { party: (typeof PARTIES)[number]; label: string; name: string; at?: string; changedSince: boolean }[] {
  const now = supervisionRecordText(bundle);
  return PARTIES.map((party) => {
    const confirmation = bundle.session.confirmations.find((c) => c.party === party);
    const name = confirmation?.name ?? bundle.session[party].name;
    return confirmation
      ? { party, label: PARTY_LABELS[party], name, at: confirmation.at, changedSince: confirmation.record !== now }
      : { party, label: PARTY_LABELS[party], name, changedSince: false };
  });
}

export function supervisionRecord(bundle: SessionBundle, made: MadeBy): NotesDocument {
  const title = `Supervision record${bundle.session.series.trim() ? `: ${bundle.session.series.trim()}, session ${bundle.number}` : ''}`;
  const agreement: Item[] = confirmationsOf(bundle).map((c) => ({
    strong: c.label,
    text: c.at ? `Confirmed by ${c.name || 'them'} on ${formatDateTime(c.at)}` : 'Not yet confirmed',
    ...(c.changedSince ? { aside: 'the record has changed since' } : {}),
  }));
  return {
    title,
    blocks: [
      { type: 'heading', level: 1, text: title },
      ...supervisionContent(bundle),
      { type: 'heading', level: 2, text: 'Agreement' },
      { type: 'list', ordered: false, items: agreement }
    ],
    ...madeFields(made),
  };
}

/** A record is for others to read: a private entry gives none. */
function privateEntry(title: string): NotesDocument {
  return {
    title,
    blocks: [
      { type: 'heading', level: 1, text: title },
      { type: 'note', text: 'This entry is marked private, so nothing of it goes into a record for others. Edit the entry and untick “Private” to make one from it.' },
    ],
  };
}

/** What an entry was about, without naming anyone: the card, or that it was a note, and when. */
function activity(item: EntryWithActions, session: SessionRecord | undefined): string {
  const card = item.entry.card;
  const what = card ? `Reflecting on the card “${snapshotWords(card)}” (${snapshotSection(card).toLowerCase()}: ${card.capabilityHeading})` : 'A reflective note';
  const where = session ? ` in a ${session.kind} session` : '';
  return `${what}${where}, ${formatDate(localDay(item.entry.createdAt))}.`;
}

/** What an entry says was learned (its reflection, then what its actions taught), and what changed (each action and what came of it). */
function learning({ entry, actions }: EntryWithActions): { learned: string[]; changed: string[] } {
  const live = liveActions(actions);
  return {
    learned: [...reflectionParts(entry).map((p) => `${p.heading}: ${p.text}`), ...live.map((a) => a.followUp.learned).filter((t) => t.trim())],
    changed: live.map((a) => [a.what, a.followUp.happened].filter((t) => t.trim()).join(': ')).filter(Boolean),
  };
}

/**
 * An NMC revalidation reflective account: its four questions, answered from the entry. Nothing
 * that names anyone goes in (the NMC asks that no one be identifiable): no community, no action
 * owners, no participants.
 */
export function nmcReflectiveAccount(item: EntryWithActions, session: SessionRecord | undefined, made: MadeBy): NotesDocument {
  const { entry } = item;
  if (entry.private) return privateEntry('Reflective account');
  const { learned, changed } = learning(item);
  const themes = entry.codeThemes.map((t) => CODE_THEME_LABELS[t]);
  const title = 'Reflective account';
  return {
    title,
    blocks: [
      { type: 'heading', level: 1, text: title },
      { type: 'note', text: 'For NMC revalidation. Do not include any information that might identify a specific patient, service user or colleague.' },
      { type: 'heading', level: 2, text: 'What was the nature of the CPD activity, practice-related feedback, or event or experience in your practice?' },
      { type: 'text', text: activity(item, session) },
      { type: 'heading', level: 2, text: 'What did you learn from the CPD activity and/or feedback and/or event or experience in your practice?' },
      learned.length ? { type: 'text', text: learned.join('\n\n') } : { type: 'note', text: 'Not written yet.' },
      { type: 'heading', level: 2, text: 'How did you change or improve your practice as a result?' },
      changed.length ? { type: 'list', ordered: false, items: changed.map((text) => ({ text })) } : { type: 'note', text: 'Not written yet.' },
      { type: 'heading', level: 2, text: 'How is this relevant to the Code?' },
      { type: 'facts', items: [{ label: 'Themes', value: themes.length ? themes.join(', ') : 'None chosen yet' }] },
      entry.codeRelevance.trim() ? { type: 'text', text: entry.codeRelevance } : { type: 'note', text: 'Not written yet.' }
    ],
    ...madeFields(made),
  };
}

/** A CPD record: activity, date, hours, participatory hours, what was learned, and its impact on practice. */
export function cpdRecord(item: EntryWithActions, session: SessionRecord | undefined, made: MadeBy): NotesDocument {
  const { entry } = item;
  if (entry.private) return privateEntry('CPD record');
  const { learned, changed: impact } = learning(item);
  const title = 'CPD record';
  return {
    title,
    blocks: [
      { type: 'heading', level: 1, text: title },
      {
        type: 'facts',
        items: [
          { label: 'Activity', value: activity(item, session) },
          { label: 'Date', value: formatDate(localDay(entry.createdAt)) },
          { label: 'Hours', value: entry.cpdHours || 'Not recorded' },
          { label: 'Participatory hours', value: entry.participatoryHours || 'Not recorded' },
        ],
      },
      { type: 'heading', level: 2, text: 'What I learned' },
      learned.length ? { type: 'text', text: learned.join('\n\n') } : { type: 'note', text: 'Not written yet.' },
      { type: 'heading', level: 2, text: 'Impact on my practice' },
      impact.length ? { type: 'list', ordered: false, items: impact.map((text) => ({ text })) } : { type: 'note', text: 'Not written yet.' }
    ],
    ...madeFields(made),
  };
}
