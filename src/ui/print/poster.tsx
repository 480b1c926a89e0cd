import type { Destination, DestinationGroup } from '../../content/schema';

/**
 * One group's destination as a poster: the question, the group, its headline and statements in
 * the largest type that fits the page (see useFitText), and where the words come from.
 */
export function DestinationPoster({ destination, group }: { destination: Destination; group: DestinationGroup }) {
  const { source } = destination.about;
  return (
    <div class="poster" lang={destination.language}>
      <p class="poster__question">{destination.title}</p>
      <div class="poster__body" data-fit={group.id}>
        <h2 class="poster__group">{group.name}</h2>
        <p class="poster__headline">{group.headline}</p>
        <ul class="poster__statements">
          {group.statements.map((s) => (
            <li key={s.id}>{s.text}</li>
          ))}
        </ul>
      </div>
      <p class="poster__source">
        From <cite>{source.title}</cite>, {source.publisher}
        {source.year === undefined ? '' : `, ${source.year}`}. {source.note}
      </p>
    </div>
  );
}
