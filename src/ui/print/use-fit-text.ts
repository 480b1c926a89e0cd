import type { RefObject } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import { fitSizes } from '../../domain/print/fit';

/**
 * Sets each `[data-fit]` box inside `root` to the largest of `sizes` (in points) at which its
 * text fits, through the CSS variable --fit, whenever `key` changes. Returns the `data-fit`
 * values of boxes whose text is too long even at the smallest size: those are left at it, with
 * their text whole, for the screen to point out.
 */
export function useFitText(root: RefObject<HTMLElement>, sizes: readonly number[], key: string): string[] {
  const [tooLong, setTooLong] = useState<string[]>([]);
  useLayoutEffect(() => {
    const container = root.current;
    if (!container) return;
    const boxes = [...container.querySelectorAll<HTMLElement>('[data-fit]')];
    // Measured a little narrower than they are, so that a printer's slightly different type
    // widths cannot push a last word onto a line that is not there.
    container.classList.add('is-fitting');
    const fits = fitSizes(boxes.length, sizes, (chosen) => {
      boxes.forEach((box, i) => box.style.setProperty('--fit', `${chosen[i]}pt`));
      return boxes.map((box) => box.scrollHeight <= box.clientHeight && box.scrollWidth <= box.clientWidth);
    });
    container.classList.remove('is-fitting');
    const failed = boxes.filter((_, i) => !fits[i]?.fits).map((box) => box.dataset.fit ?? '');
    setTooLong((old) => (old.join('\n') === failed.join('\n') ? old : failed));
  }, [key]);
  return tooLong;
}
