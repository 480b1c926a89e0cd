import type { Sides } from '../../domain/print/sheets';

/** How to get cards that are the right size, line up front to back, and last. */
export function PrintAdvice({ sides }: { sides: Sides }) {
  return (
    <section class="print-advice" aria-labelledby="print-advice-title">
      <h2 id="print-advice-title">Before you print</h2>
      <ol>
        <li>
          <strong>Print at actual size.</strong> In the print window choose “Actual size” or a scale of 100&nbsp;%, not
          “Fit to page” or “Shrink to fit”. The cards are drawn to measure (63&nbsp;×&nbsp;88&nbsp;mm, the size of a playing card); at
          any other scale they come out the wrong size and the cut marks do not line up.
        </li>
        {sides === 'both' ? (
          <li>
            <strong>Print on both sides, flipping on the long edge</strong> (it may be called “Long-edge binding” or
            “Flip on long edge”). Each page of fronts is followed by the page of their backs. If your printer only prints
            on one side, print the odd pages, put the stack back in the tray the other way up, then print the even pages:
            try it with one sheet first to see which way round it goes.
          </li>
        ) : (
          <li>
            <strong>Print on one side.</strong> The cards have plain backs.
          </li>
        )}
        <li>
          <strong>Margins “Default” or “None”, and no headers and footers</strong>, so nothing is printed over the cut
          marks.
        </li>
        <li>
          <strong>If the coloured bands are missing</strong> from the preview, tick “Background graphics” (Chrome, Edge) or
          “Print backgrounds” (Firefox, Safari).
        </li>
        <li>
          <strong>Check the first sheet</strong> before printing the rest: a card should be 63&nbsp;mm across.
        </li>
      </ol>
      <h3>Paper and cutting</h3>
      <p>
        Thin card of 160 to 250 g/m² (gsm) makes cards that shuffle and deal well. Many home printers take it one sheet at
        a time through a rear or manual feed tray: check the heaviest your printer takes. Ordinary 80 to 100 g/m² paper is
        fine for a trial or a one-off session, though on paper that thin the coloured backs can show through the fronts.
      </p>
      <p>
        Cut along the lines that the marks in the margins point to, right across the sheet, with a guillotine or a craft
        knife and a steel ruler. The marks stay outside the cards, so a cut that is slightly off leaves no line on a card.
      </p>
    </section>
  );
}
