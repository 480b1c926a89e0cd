import { Fragment } from 'preact';

export interface KeyHelp {
  keys: string[];
  label: string;
}

/** Keys and what they do, as a description list ("Space or → — Next card"). */
export function KeyList({ items, class: className }: { items: readonly KeyHelp[]; class?: string }) {
  return (
    <dl class={className}>
      {items.map(({ keys, label }) => (
        <div key={label}>
          <dt>
            {keys.map((k, i) => (
              <Fragment key={k}>
                {i > 0 && ' or '}
                <kbd>{k}</kbd>
              </Fragment>
            ))}
          </dt>
          <dd>{label}</dd>
        </div>
      ))}
    </dl>
  );
}
