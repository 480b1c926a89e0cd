import { evidenceOf, ratingOf, RATING_LABELS, RATINGS, type CheckinRecord, type RatedPart } from '../../domain/records/checkin';
import { rate, setEvidence } from '../../state/checkins';
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
  const choose = (rating: (typeof RATINGS)[number]) =>
    rate(checkin.id, part, itemId, rating).catch((problem: unknown) => {
      // The buttons show what is stored, so a choice that was not saved does not look chosen.
      if (isStorageProblem(problem)) useNotices.getState().showProblem(problem);
      else useNotices.getState().showProblem({ kind: 'save', message: `The rating was not saved: ${(problem as Error).message}` });
    });
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
