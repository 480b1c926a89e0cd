import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { PAPERS, type Paper, type PaperId } from '../../domain/print/paper';

/** Choosing A4 or US Letter. */
export function PaperChoice({ value, onChange }: { value: PaperId; onChange: (paper: PaperId) => void }) {
  return (
    <fieldset>
      <legend>Paper</legend>
      {PAPERS.map((paper) => (
        <label key={paper.id} class="choice">
          <input type="radio" name="paper" value={paper.id} checked={value === paper.id} onChange={() => onChange(paper.id)} />
          <span>
            {paper.name} <span class="choice__hint">{`${paper.width} × ${paper.height} mm`}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Sets the printed page to the chosen paper with no margins while a print screen is open: each
 * sheet below is the whole page, so where things land on it does not depend on the browser's
 * own margins. It is a stylesheet made in script because the paper is chosen on screen, and the
 * Content-Security-Policy rightly allows no inline <style>.
 */
export function usePrintedPage(paper: Paper): void {
  useEffect(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`@page { size: ${paper.cssSize}; margin: 0; }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [paper]);
}

/** One piece of paper, drawn at its real size on screen and printed as one page. */
export function PaperSheet({ paper, label, children }: { paper: Paper; label: string; children: ComponentChildren }) {
  return (
    <div class="paper-sheet" role="group" aria-label={label} style={{ width: `${paper.width}mm`, height: `${paper.height}mm` }}>
      {children}
    </div>
  );
}
