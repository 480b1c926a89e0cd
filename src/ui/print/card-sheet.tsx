import { useMemo } from 'preact/hooks';
import type { Card } from '../../domain/cards';
import { sheetLayout, type Paper } from '../../domain/print/paper';
import type { Sheet } from '../../domain/print/sheets';
import { CardBack, CardFront } from './printed-card';
import { PaperSheet } from './paper';

interface Props {
  sheet: Sheet<Card>;
  paper: Paper;
  label: string;
  deckTitle: string;
  sectionName: string;
  /** Ids of cards whose text is too long to fit: marked on screen. */
  tooLong: readonly string[];
}

/** One sheet of nine cards, fronts or backs, with cut marks in the margins. */
export function CardSheet({ sheet, paper, label, deckTitle, sectionName, tooLong }: Props) {
  const layout = useMemo(() => sheetLayout(paper), [paper]);
  return (
    <PaperSheet paper={paper} label={label}>
      <svg class="cut-marks" viewBox={`0 0 ${paper.width} ${paper.height}`} aria-hidden="true">
        {layout.marks.map((m, i) => (
          <line key={i} x1={m.x1} y1={m.y1} x2={m.x2} y2={m.y2} />
        ))}
      </svg>
      {sheet.slots.map((card, i) => {
        const place = layout.cards[i];
        if (!card || !place) return null;
        return (
          <div
            key={card.id}
            class="card-place"
            data-side={sheet.side}
            data-too-long={sheet.side === 'front' && tooLong.includes(card.id) ? 'true' : undefined}
            style={{ left: `${place.x}mm`, top: `${place.y}mm`, width: `${place.width}mm`, height: `${place.height}mm` }}
          >
            {sheet.side === 'front' ? (
              <CardFront card={card} sectionName={sectionName} />
            ) : (
              <CardBack card={card} deckTitle={deckTitle} sectionName={sectionName} />
            )}
          </div>
        );
      })}
    </PaperSheet>
  );
}
