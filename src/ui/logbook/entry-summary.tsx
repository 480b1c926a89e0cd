import type { EntryWithActions } from '../../domain/records/entry';
import { formatTime } from '../../domain/dates';
import { capabilityOf, isOpen } from '../../domain/logbook/filters';
import { reflectionParts } from '../../domain/logbook/templates';
import { capabilityColour } from '../cards/capability-colour';
import { paths } from '../routing/routes';
import { snapshotFor, snapshotSection } from '../../domain/logbook/card-snapshot';

/** One entry in the Logbook list: enough to recognise it, with a link to open it. */
export function EntrySummary({ item, onDelete }: { item: EntryWithActions; onDelete: () => void }) {
  const { entry, actions } = item;
  const capability = capabilityOf(item);
  const open = actions.filter(isOpen).length;
  const done = actions.filter((a) => a.status === 'done').length;
  const title = entry.card ? entry.card.text : entry.notes.split('\n')[0]?.slice(0, 120) || 'Free note';
  const time = formatTime(entry.createdAt);
  const reflection = reflectionParts(entry)[0]?.text;
  return (
    <article class="entry-summary" data-cap={capability ? capabilityColour(capability) : undefined} data-testid="entry-summary">
      <h3 class="entry-summary__title">
        <a href={paths.entry(entry.id)}>{title}</a>
      </h3>
      <p class="entry-summary__meta">
        {entry.card ? snapshotSection(entry.card) : capability ? `Capability ${capability}` : 'Free note'}
        {entry.card && snapshotFor(entry.card) && ` · ${snapshotFor(entry.card)}`}
        {entry.community && ` · ${entry.community}`}
        {` · ${time}`}
        {entry.private && (
          <>
            {' · '}
            <strong>Private</strong>
          </>
        )}
      </p>
      {reflection && <p class="entry-summary__text">{reflection}</p>}
      <div class="entry-summary__footer">
        {actions.length > 0 && (
          <span class="entry-summary__actions">
            {actions.length} {actions.length === 1 ? 'action' : 'actions'}: {open} open, {done} done
          </span>
        )}
        {entry.tags.length > 0 && (
          <ul class="tags" aria-label="Tags">
            {entry.tags.map((t) => (
              <li key={t} class="tag">
                {t}
              </li>
            ))}
          </ul>
        )}
        <button type="button" class="button button--small button--quiet" onClick={onDelete}>
          Delete<span class="visually-hidden"> entry: {title}</span>
        </button>
      </div>
    </article>
  );
}
