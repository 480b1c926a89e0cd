import { KeyList, type KeyHelp } from '../shell/key-list';

const SHORTCUTS: KeyHelp[] = [
  { keys: ['Space', '→', 'Page Down'], label: 'Next card' },
  { keys: ['←', 'Page Up'], label: 'Previous card' },
  { keys: ['B'], label: 'Show both groups' },
  { keys: ['R'], label: 'Reshuffle' },
  { keys: ['W'], label: 'Write a reflection on this card' },
];

export function ShortcutList() {
  return (
    <details class="shortcuts">
      <summary>Keyboard shortcuts</summary>
      <KeyList items={SHORTCUTS} />
    </details>
  );
}
