import { useState } from 'preact/hooks';
import type { Deck } from '../../content/schema';
import { countOfSections, sectionLabel, sectionsPlural } from '../../domain/sections';
import type { Selection } from '../../domain/selection';
import { addedCardCount } from '../../domain/catalog';

interface Props {
  deck: Deck;
  selection: Selection;
  onChoose: (selection: Selection) => void;
  onCancel: () => void;
}

/** Chooses which sections (capabilities, themes…) and which group(s) to deal from. */
export function SelectionPanel({ deck, selection, onChoose, onCancel }: Props) {
  const allNumbers = deck.capabilities.map((c) => c.number);
  const [numbers, setNumbers] = useState<Set<number>>(
    () => new Set(selection.capabilities.length ? selection.capabilities : allNumbers),
  );
  const [group, setGroup] = useState<string>(selection.groups.length === 1 ? (selection.groups[0] ?? '') : '');
  const added = addedCardCount(deck.id);
  const [withOwn, setWithOwn] = useState(!selection.withoutOwn);
  const [error, setError] = useState('');

  const toggle = (n: number) => {
    const next = new Set(numbers);
    if (next.has(n)) next.delete(n);
    else next.add(n);
    setNumbers(next);
    setError('');
  };

  const submit = (event: Event) => {
    event.preventDefault();
    if (numbers.size === 0) {
      setError(`Choose at least one ${deck.sectionName.toLowerCase()} to deal from.`);
      return;
    }
    onChoose({ capabilities: [...numbers], groups: group ? [group] : [], ...(withOwn ? {} : { withoutOwn: true }) });
  };

  return (
    <form class="panel selection" onSubmit={submit} aria-labelledby="selection-title" noValidate>
      <h2 id="selection-title" class="panel__title">
        Choose the cards to deal
      </h2>
      {deck.groups.length > 1 && (
        <fieldset class="selection__groups">
          <legend>Cards for</legend>
          <label class="choice">
            <input type="radio" name="group" value="" checked={group === ''} onChange={() => setGroup('')} />
            Both groups
          </label>
          {deck.groups.map((g) => (
            <label class="choice" key={g.id}>
              <input type="radio" name="group" value={g.id} checked={group === g.id} onChange={() => setGroup(g.id)} />
              {g.name}
            </label>
          ))}
        </fieldset>
      )}
      <fieldset class="selection__caps" aria-describedby={error ? 'selection-error' : undefined}>
        <legend>{sectionsPlural(deck.sectionName)}</legend>
        <div class="selection__quick">
          <button type="button" class="button button--small" onClick={() => setNumbers(new Set(allNumbers))}>
            Select all
          </button>
          <button type="button" class="button button--small" onClick={() => setNumbers(new Set())}>
            Clear all
          </button>
        </div>
        <ul class="selection__list">
          {deck.capabilities.map((c) => (
            <li key={c.id}>
              <label class="choice">
                <input type="checkbox" checked={numbers.has(c.number)} onChange={() => toggle(c.number)} />
                <span>
                  <span class="selection__number">{c.number}.</span> {c.heading}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {added > 0 && (
        <label class="choice">
          <input type="checkbox" checked={withOwn} onChange={() => setWithOwn(!withOwn)} />
          Include our own cards ({added})
        </label>
      )}
      {error && (
        <p class="field-error" id="selection-error" role="alert">
          {error}
        </p>
      )}
      <div class="panel__actions">
        <button type="submit" class="button button--primary">
          Shuffle and deal
        </button>
        <button type="button" class="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function describeSelection(deck: Deck, selection: Selection, count: number): string {
  const sections = countOfSections(deck.sectionName, deck.capabilities.length);
  const caps =
    selection.capabilities.length === 0
      ? deck.capabilities.length === 1
        ? `One ${deck.sectionName.toLowerCase()}`
        : `All ${sections}`
      : selection.capabilities.length === 1
        ? sectionLabel(deck.sectionName, selection.capabilities[0] ?? 0)
        : `${sectionsPlural(deck.sectionName)} ${selection.capabilities.join(', ')}`;
  const groups =
    deck.groups.length < 2
      ? []
      : [
          selection.groups.length === 0
            ? 'both groups'
            : selection.groups.map((id) => deck.groups.find((g) => g.id === id)?.name.toLowerCase() ?? id).join(' and '),
        ];
  const own = selection.withoutOwn && addedCardCount(deck.id) > 0 ? ['without our own cards'] : [];
  return [caps, ...groups, ...own, `${count} ${count === 1 ? 'card' : 'cards'}`].join(' · ');
}
