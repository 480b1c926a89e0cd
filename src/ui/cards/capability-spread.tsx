import type { Capability, Deck, Task } from '../../content/schema';
import { paths } from '../routing/routes';
import { sectionLabel } from '../../domain/sections';
import { capabilityColour } from './capability-colour';
import { TaskText } from './task-text';

interface Props {
  deck: Deck;
  capability: Capability;
  /** The card to mark as the one dealt, if any. */
  highlight?: string;
  headingLevel?: 2 | 3;
}

/** Both groups' tasks for one section side by side, as on the printed spread; a deck without groups lists its cards. */
export function CapabilitySpread({ deck, capability, highlight, headingLevel = 2 }: Props) {
  const Heading = `h${headingLevel}` as 'h2';
  const Sub = `h${headingLevel + 1}` as 'h3';
  return (
    <section class="spread" data-cap={capabilityColour(capability.number)} aria-labelledby={`spread-${capability.id}`}>
      <header class="spread__band">
        <span class="card__number" aria-hidden="true">
          {capability.number}
        </span>
        <Heading class="spread__heading" id={`spread-${capability.id}`}>
          <span class="card__eyebrow">{sectionLabel(deck.sectionName, capability.number)}</span>
          <span class="card__heading" lang={deck.language}>
            {capability.heading}
          </span>
        </Heading>
      </header>
      {capability.framing && (
        <p class="card__framing" lang={deck.language}>
          {capability.framing}
        </p>
      )}
      <div class="spread__groups" lang={deck.language}>
        {deck.groups.length === 0 ? (
          <div class="spread__group">
            <Tasks tasks={capability.tasks} highlight={highlight} />
          </div>
        ) : (
          deck.groups.map((group) => {
            const tasks = capability.tasks.filter((t) => t.group === group.id);
            return (
              <div class="spread__group" data-group={group.id} key={group.id}>
                <Sub class="spread__group-name">{group.name}</Sub>
                {tasks.length === 0 ? <p class="muted">No tasks for this group.</p> : <Tasks tasks={tasks} highlight={highlight} />}
              </div>
            );
          })
        )}
      </div>
    </section>
  );
}

function Tasks({ tasks, highlight }: { tasks: readonly Task[]; highlight: string | undefined }) {
  return (
    <ul class="spread__tasks">
      {tasks.map((task) => (
        <li key={task.id} class={task.id === highlight ? 'is-current' : undefined}>
          <a href={paths.card(task.id)} aria-current={task.id === highlight ? 'true' : undefined}>
            <TaskText task={task} />
          </a>
        </li>
      ))}
    </ul>
  );
}
