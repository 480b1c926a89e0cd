import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitSizes, sizeSteps } from '../../src/domain/print/fit';

describe('type sizes to try', () => {
  it('runs from the largest to the smallest in even steps, both included', () => {
    expect(sizeSteps(11, 7.5, 0.5)).toEqual([11, 10.5, 10, 9.5, 9, 8.5, 8, 7.5]);
    expect(sizeSteps(0.3, 0.1, 0.1)).toEqual([0.3, 0.2, 0.1]);
  });
});

describe('fitting text to its box', () => {
  const sizes = sizeSteps(11, 7.5, 0.5);

  it('finds the largest size at which each box fits, and says which fit at none', () => {
    // Each box fits at or below its own limit.
    const limits = [20, 11, 9.2, 7.5, 7];
    const fits = fitSizes(limits.length, sizes, (s) => s.map((size, i) => size <= limits[i]!));
    expect(fits).toEqual([
      { size: 11, fits: true },
      { size: 11, fits: true },
      { size: 9, fits: true },
      { size: 7.5, fits: true },
      { size: 7.5, fits: false },
    ]);
  });

  it('lays the page out a few times for all the boxes together, not once per box and size', () => {
    let layouts = 0;
    fitSizes(100, sizes, (s) => {
      layouts++;
      return s.map((size, i) => size <= 7 + (i % 5));
    });
    expect(layouts).toBeLessThanOrEqual(Math.ceil(Math.log2(sizes.length + 1)) + 1);
  });

  it('always agrees with trying every size in turn', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 5, max: 14, noNaN: true }), { maxLength: 30 }), (limits) => {
        const fits = fitSizes(limits.length, sizes, (s) => s.map((size, i) => size <= limits[i]!));
        limits.forEach((limit, i) => {
          const best = sizes.find((size) => size <= limit);
          expect(fits[i]).toEqual(best === undefined ? { size: 7.5, fits: false } : { size: best, fits: true });
        });
      }),
    );
  });
});
