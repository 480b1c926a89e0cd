import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';

/** Sizes in pixels the search is held between: readable at the least, sane at the most. */
const SMALLEST = 18;
const LARGEST = 240;

/**
 * Makes what is inside `ref` as large as its stage allows: the largest font size (in whole
 * pixels, set as --fit on the element, which sizes its parts in em) at which it overflows
 * neither the stage's height nor its own width. Measured again whenever the stage changes size.
 */
export function useFitText(ref: RefObject<HTMLElement>, stage: RefObject<HTMLElement>, key: unknown): void {
  useLayoutEffect(() => {
    const element = ref.current;
    const box = stage.current;
    if (!element || !box) return;
    const fits = (size: number) => {
      element.style.setProperty('--fit', `${size}px`);
      return element.scrollHeight <= box.clientHeight && element.scrollWidth <= element.clientWidth + 1;
    };
    const fit = () => {
      let low = SMALLEST;
      let high = LARGEST;
      while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if (fits(mid)) low = mid;
        else high = mid - 1;
      }
      element.style.setProperty('--fit', `${low}px`);
    };
    fit();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(fit) : undefined;
    observer?.observe(box);
    return () => observer?.disconnect();
  }, [key]);
}
