import type { Group } from '../../content/schema';
import type { OwnCard, OwnDeckRecord } from '../../domain/records/own-deck';
import { changeOwnDeck } from '../../state/own-decks';
import { Field, inputValue } from '../logbook/field';
import { DebouncedText } from '../sessions/debounced-text';

interface Props {
  record: OwnDeckRecord;
  /** The sections a card can be in: its number and how it is named in the list. */
  sections: readonly { number: number; label: string }[];
  sectionName: string;
  /** A published deck's groups, when it has them: each card is for one. */
  groups?: readonly Group[];
  /** Runs a change, showing its failure. */
  run: (work: () => Promise<unknown>) => void;
}

/**
 * The cards of a deck of one's own, or a team's own cards on a published deck, edited in place:
 * each box is saved as you type (within a second), and a card is removed at once.
 */
export function OwnCardList({ record, sections, sectionName, groups = [], run }: Props) {
  const { id } = record;
  const changeCard = (cardId: string, change: (card: OwnCard) => OwnCard) => (d: OwnDeckRecord) => ({
    ...d,
    cards: d.cards.map((c) => (c.id === cardId ? change(c) : c)),
  });
  // Each box changes one field of the latest stored deck: a card's title and text, typed one after
  // the other, are one item of the deck's list, so a change made from an older copy would undo the other.
  const save = (cardId: string, change: (card: OwnCard, text: string) => OwnCard) => async (text: string) => {
    await changeOwnDeck(id, changeCard(cardId, (c) => change(c, text)));
  };
  return (
    <ol class="own-cards">
      {record.cards.map((card, i) => (
        <li key={card.id} class="panel" aria-label={`Card ${i + 1}`}>
          <Field label={sectionName}>
            {({ id: fieldId }) => (
              <select
                id={fieldId}
                value={String(card.section)}
                onChange={(e) => {
                  const section = Number(inputValue(e));
                  run(() => changeOwnDeck(id, changeCard(card.id, (c) => ({ ...c, section }))));
                }}
              >
                {sections.map((s) => (
                  <option key={s.number} value={String(s.number)}>
                    {s.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {groups.length > 1 && (
            <Field label="For">
              {({ id: fieldId }) => (
                <select
                  id={fieldId}
                  value={card.group ?? groups[0]?.id}
                  onChange={(e) => {
                    const group = inputValue(e);
                    run(() => changeOwnDeck(id, changeCard(card.id, (c) => ({ ...c, group }))));
                  }}
                >
                  {groups.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <DebouncedText
            id={`deck:${id}:card:${card.id}:title`}
            label="Title (optional)"
            rows={1}
            stored={card.title}
            version={record}
            save={save(card.id, (c, title) => ({ ...c, title }))}
          />
          <DebouncedText
            id={`deck:${id}:card:${card.id}:text`}
            label="What the card says"
            rows={3}
            stored={card.text}
            version={record}
            save={save(card.id, (c, text) => ({ ...c, text }))}
          />
          <button
            type="button"
            class="button button--small"
            onClick={() => run(() => changeOwnDeck(id, (d) => ({ ...d, cards: d.cards.filter((c) => c.id !== card.id) })))}
          >
            Remove this card
          </button>
        </li>
      ))}
    </ol>
  );
}
