/** A card's words: its title, when it has one, in bold before the text. */
export function TaskText({ task }: { task: { title?: string | undefined; text: string } }) {
  if (task.title === undefined) return <>{task.text}</>;
  return (
    <>
      <strong class="task-title">{task.title}</strong> {task.text}
    </>
  );
}
