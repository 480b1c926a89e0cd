import { useEffect } from 'preact/hooks';
import { formatDate, type NotesOptions, type SessionBundle } from '../../domain/exports/session-notes';
import { STATUS_LABELS, type ActionRecord } from '../../domain/logbook/records';
import { KIND_LABELS } from '../../domain/sessions/records';
import { paths } from '../routing/routes';
import { fromFlags } from './notes-options';
import { useSessionBundle } from './use-session-bundle';
import '../styles/sessions.css';

/** A clean, printable record of a session: black on white, for paper or "Save as PDF". */
export function PrintScreen({ id, flags }: { id: string; flags: string }) {
  const { bundle, missing } = useSessionBundle(id);
  const options = fromFlags(flags);
  useEffect(() => {
    document.documentElement.classList.add('printing');
    return () => document.documentElement.classList.remove('printing');
  }, []);
  if (missing) return <p role="alert">Session not found.</p>;
  if (!bundle) return <p class="loading" aria-busy="true">Loading…</p>;
  return (
    <article class="print-doc" aria-labelledby="print-title">
      <div class="print-doc__tools no-print">
        <button type="button" class="button button--primary" onClick={() => window.print()}>
          Print or save as PDF
        </button>
        <a class="button" href={paths.session(id)}>
          Back to the session
        </a>
        <p class="muted">Choose “Save as PDF” as the printer to keep a file. Paper size follows your printer (A4 or Letter).</p>
      </div>
      <SessionDocument bundle={bundle} options={options} />
    </article>
  );
}

function ActionLine({ action, options }: { action: ActionRecord; options: NotesOptions }) {
  return (
    <li>
      <strong>{action.what || 'Untitled action'}</strong> ({STATUS_LABELS[action.status]}
      {options.names && action.owner && `, owner: ${action.owner}`}
      {action.due && `, due ${formatDate(action.due)}`})
      {options.followUps && (action.followUp.happened.trim() || action.followUp.learned.trim()) && (
        <ul>
          {action.followUp.happened.trim() && <li class="pre-line">What happened: {action.followUp.happened}</li>}
          {action.followUp.learned.trim() && <li class="pre-line">What was learned: {action.followUp.learned}</li>}
        </ul>
      )}
    </li>
  );
}

function SessionDocument({ bundle, options }: { bundle: SessionBundle; options: NotesOptions }) {
  const { session } = bundle;
  return (
    <>
      <header class="print-doc__head">
        <h1 id="print-title">{session.title}</h1>
        <dl class="print-doc__facts">
          <div>
            <dt>Kind</dt>
            <dd>{KIND_LABELS[session.kind]}</dd>
          </div>
          <div>
            <dt>Date</dt>
            <dd>{formatDate(session.date)}</dd>
          </div>
          {session.series && (
            <div>
              <dt>Series</dt>
              <dd>{session.series}</dd>
            </div>
          )}
          {options.names && session.participants.length > 0 && (
            <div>
              <dt>Participants</dt>
              <dd>{session.participants.join(', ')}</dd>
            </div>
          )}
        </dl>
      </header>
      {options.review && bundle.review.length > 0 && (
        <section class="print-doc__section">
          <h2>Open actions from last time</h2>
          <ul>
            {bundle.review.map(({ action }) => (
              <ActionLine key={action.id} action={action} options={options} />
            ))}
          </ul>
        </section>
      )}
      <section class="print-doc__section">
        <h2>Cards discussed</h2>
        {bundle.cards.length === 0 ? (
          <p>No cards were dealt in this session.</p>
        ) : (
          <ol>
            {bundle.cards.map(({ cardId, card }) => {
              const note = options.notes ? session.cardNotes.find((n) => n.cardId === cardId)?.text : undefined;
              return (
                <li key={cardId}>
                  {card ? (
                    <>
                      <strong>
                        Capability {card.capabilityNumber}: {card.capabilityHeading}
                      </strong>
                      : {card.text} (for {card.groupName.toLowerCase()})
                    </>
                  ) : (
                    `${cardId} (card no longer in the deck)`
                  )}
                  {note?.trim() && <p class="pre-line">Group notes: {note}</p>}
                </li>
              );
            })}
          </ol>
        )}
      </section>
      {bundle.entries.length > 0 && (
        <section class="print-doc__section print-doc__section--break">
          <h2>Reflections and actions</h2>
          {bundle.entries.map(({ entry, actions }) => (
            <section key={entry.id} class="print-doc__entry">
              <h3>{entry.card ? entry.card.text : 'Note'}</h3>
              {entry.community && <p>Community: {entry.community}</p>}
              {options.reflections && entry.reflection.trim() && (
                <p class="pre-line">
                  <strong>What this looks like where we work:</strong> {entry.reflection}
                </p>
              )}
              {options.reflections && entry.notes.trim() && (
                <p class="pre-line">
                  <strong>Notes:</strong> {entry.notes}
                </p>
              )}
              {actions.length > 0 && (
                <>
                  <h4>Actions</h4>
                  <ul>
                    {actions.map((a) => (
                      <ActionLine key={a.id} action={a} options={options} />
                    ))}
                  </ul>
                </>
              )}
            </section>
          ))}
        </section>
      )}
      {options.notes && session.notes.trim() && (
        <section class="print-doc__section">
          <h2>Session notes</h2>
          <p class="pre-line">{session.notes}</p>
        </section>
      )}
    </>
  );
}
