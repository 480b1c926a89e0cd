import type { Deck } from '../../content/schema';
import { ACTION_STATUSES, STATUS_LABELS } from '../../domain/records/action';

/** One <option> per capability, "3. We make time, space…", valued by its number. */
export function CapabilityOptions({ deck }: { deck: Deck }) {
  return (
    <>
      {deck.capabilities.map((c) => (
        <option key={c.id} value={c.number}>
          {c.number}. {c.heading}
        </option>
      ))}
    </>
  );
}

/** One <option> per action status, in the order an action moves through them. */
export function StatusOptions() {
  return (
    <>
      {ACTION_STATUSES.map((s) => (
        <option key={s} value={s}>
          {STATUS_LABELS[s]}
        </option>
      ))}
    </>
  );
}
