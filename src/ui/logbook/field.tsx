import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

interface Props {
  label: string;
  hint?: string;
  class?: string;
  children: (ids: { id: string; describedBy: string | undefined }) => ComponentChildren;
}

/** A label, an optional hint and one control, wired together for assistive technology. */
export function Field({ label, hint, class: className, children }: Props) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div class={`field ${className ?? ''}`}>
      <label class="field__label" for={id}>
        {label}
      </label>
      {hint && (
        <p class="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {children({ id, describedBy: hintId })}
    </div>
  );
}

/** The value of the input, select or textarea an event came from. */
export const inputValue = (event: Event): string => (event.currentTarget as HTMLInputElement).value;
