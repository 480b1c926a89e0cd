import { CHECKIN, EVIDENCE_OF, evidenceOf, ratingOf, RATING_LABELS, RATINGS, type CheckinRecord, type EvidenceItem, type RatedPart, type RatingItem } from '../../domain/records/checkin';
import { valuesOfPath } from '../../domain/records/merge';
import { keepEvidence, rate, setEvidence } from '../../state/checkins';
import { useNotices } from '../../state/notices';
import { isStorageProblem } from '../../state/logbook';
import { DebouncedText } from '../sessions/debounced-text';

interface Props {
  checkin: CheckinRecord;
  part: RatedPart;
  itemId: string;
  /** The statement, verbatim, or the capability's heading. */
  text: string;
  lang?: string;
  cap?: number;
}

/** One statement or capability: the scale as radio buttons, saved as it is chosen, and a note of the evidence saved as it is typed. */
export function RatedItem({ checkin, part, itemId, text, lang, cap }: Props) {
  const current = ratingOf(checkin, part, itemId);
  // Two devices (or tabs) that rated or noted this at once each keep their value until someone chooses.
  const otherRatings = (valuesOfPath(CHECKIN, checkin, `${part}/${itemId}`).slice(1) as (RatingItem | undefined)[]).map((r) =>
    r ? RATING_LABELS[r.rating] : 'no rating',
  );
  const otherNotes = (valuesOfPath(CHECKIN, checkin, `${EVIDENCE_OF[part]}/${itemId}`).slice(1) as (EvidenceItem | undefined)[]).map((e) => e?.text ?? '');
  const failed = (problem: unknown) => {
    // The buttons show what is stored, so a choice that was not saved does not look chosen.
    if (isStorageProblem(problem)) useNotices.getState().showProblem(problem);
    else useNotices.getState().showProblem({ kind: 'save', message: `It was not saved: ${(problem as Error).message}` });
  };
  const choose = (rating: (typeof RATINGS)[number]) => rate(checkin.id, part, itemId, rating, otherRatings.length > 0).catch(failed);
  return (
    <fieldset class="rated" data-testid={`rated-${itemId}`} {...(cap ? { 'data-cap': String(cap) } : {})}>
      <legend class="rated__text" {...(lang ? { lang } : {})}>
        {text}
      </legend>
      <div class="rated__scale">
        {RATINGS.map((rating) => (
          <label class="choice rated__choice" key={rating}>
            <input type="radio" name={`${part}-${itemId}`} value={rating} checked={current === rating} onChange={() => void choose(rating)} />
            <span>{RATING_LABELS[rating]}</span>
          </label>
        ))}
      </div>
      {otherRatings.length > 0 && (
        <div class="rated__conflict" data-testid="rating-conflict">
          <p>
            Also rated {otherRatings.map((r) => `“${r}”`).join(' and ')} in another place at the same time. Choose the rating that stands
            {current ? ', or keep this one' : ''}.
          </p>
          {current && (
            <button type="button" class="button button--small" onClick={() => void rate(checkin.id, part, itemId, current, true).catch(failed)}>
              Keep “{RATING_LABELS[current]}”
            </button>
          )}
        </div>
      )}
      {otherNotes.length > 0 && (
        <div class="rated__conflict">
          <p>Also written in another place at the same time:</p>
          {otherNotes.map((note, i) => (
            <blockquote key={i}>{note || '(nothing)'}</blockquote>
          ))}
          <p>Change the note below to say what should stand, or keep it as it is.</p>
          <button type="button" class="button button--small" onClick={() => void keepEvidence(checkin.id, part, itemId).catch(failed)}>
            Keep the note as it is
          </button>
        </div>
      )}
      <DebouncedText
        id={`checkin:${checkin.id}:${part}:${itemId}`}
        label="Evidence (optional)"
        stored={evidenceOf(checkin, part, itemId)}
        version={checkin}
        save={(value, base) => setEvidence(checkin.id, part, itemId, value, base)}
        rows={2}
      />
    </fieldset>
  );
}
