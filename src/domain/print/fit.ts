/**
 * Choosing the largest type size at which text fits its box. The measuring is left to the
 * caller (a browser lays the text out); this is only the search.
 */

/** Sizes to try, largest first: from `max` down to `min` in steps of `step`. */
export function sizeSteps(max: number, min: number, step: number): number[] {
  const sizes: number[] = [];
  // Counted in whole steps, so that 0.1 + 0.2 never adds a size just below `min`.
  const count = Math.floor((max - min) / step + 1e-9);
  for (let i = 0; i <= count; i++) sizes.push(Math.round((max - i * step) * 1000) / 1000);
  return sizes;
}

export interface Fit {
  size: number;
  /** False when the text is too long even at the smallest size (it is then shown at that size). */
  fits: boolean;
}

/**
 * The largest of `sizes` (largest first) at which each of `count` boxes fits its text, found by
 * one binary search for all of them together: `measure` is given a size for every box and says
 * which fit, so each step costs the page one layout rather than one per box. Text that fits at
 * one size is taken to fit at every smaller one.
 */
export function fitSizes(
  count: number,
  sizes: readonly number[],
  measure: (sizes: readonly number[]) => readonly boolean[],
): Fit[] {
  if (sizes.length === 0) throw new Error('fitSizes needs at least one size');
  const last = sizes.length - 1;
  // For each box, the answer lies in sizes[low..high]; high === sizes.length means none fits.
  const low = new Array<number>(count).fill(0);
  const high = new Array<number>(count).fill(sizes.length);
  const sizeAt = (index: number) => sizes[Math.min(index, last)] as number;
  while (low.some((l, i) => l < (high[i] as number))) {
    const middle = low.map((l, i) => (l < (high[i] as number) ? Math.floor((l + (high[i] as number)) / 2) : l));
    const fits = measure(middle.map(sizeAt));
    middle.forEach((m, i) => {
      if ((low[i] as number) >= (high[i] as number)) return;
      if (fits[i]) high[i] = m;
      else low[i] = m + 1;
    });
  }
  // The last layout leaves every box at its answer, and confirms it.
  const chosen = low.map(sizeAt);
  const fits = measure(chosen);
  return chosen.map((size, i) => ({ size, fits: fits[i] === true }));
}
