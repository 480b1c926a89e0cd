import { isOwnCard } from '../../domain/catalog';

/** A card's words: its title, when it has one, in bold before the text; then "Own card" for one made in the app. */
export function TaskText({ task }: { task: { id: string; title?: string | undefined; text: string } }) {
  const own = isOwnCard(task.id) && (
    <>
      {' '}
      <span class="card__own">Own card</span>
    </>
  );
  if (task.title === undefined) {
    return (
      <>
        {task.text}
        {own}
      </>
    );
  }
  return (
    <>
      <strong class="task-title">{task.title}</strong> {task.text}
      {own}
    </>
  );
}
