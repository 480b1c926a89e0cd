/** A text box offering what was typed before (a <datalist>), e.g. communities and tags. */
export function SuggestedInput(props: {
  id: string;
  /** The suggestion list's id, e.g. "known-communities". */
  listId: string;
  describedBy: string | undefined;
  value: string;
  suggestions: readonly string[];
  onValue: (value: string) => void;
}) {
  const { listId } = props;
  return (
    <>
      <input
        id={props.id}
        type="text"
        list={listId}
        autocomplete="off"
        aria-describedby={props.describedBy}
        value={props.value}
        onInput={(e) => props.onValue((e.currentTarget as HTMLInputElement).value)}
      />
      <datalist id={listId}>
        {props.suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </>
  );
}
