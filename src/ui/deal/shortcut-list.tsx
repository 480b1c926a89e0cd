import { Fragment } from 'preact';

const SHORTCUTS: [keys: string[], action: string][] = [
  [['Space', '→', 'Page Down'], 'Next card'],
  [['←', 'Page Up'], 'Previous card'],
  [['B'], 'Show both groups'],
  [['R'], 'Reshuffle'],
  [['W'], 'Write a reflection on this card'],
];

export function ShortcutList() {
  return (
    <details class="shortcuts">
      <summary>Keyboard shortcuts</summary>
      <dl>
        {SHORTCUTS.map(([keys, action]) => (
          <div key={action}>
            <dt>
              {keys.map((k, i) => (
                <Fragment key={k}>
                  {i > 0 && ' or '}
                  <kbd>{k}</kbd>
                </Fragment>
              ))}
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
