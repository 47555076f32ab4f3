import { describe, expect, it } from 'vitest';
import { CLASSIFICATION_METHODS, ckmeans, classify, classOf, colourScale } from './classification';

const oneToTen = [10, 3, 7, 1, 9, 2, 8, 4, 6, 5];

/** Every value's class under a classification. */
const classesOf = (values: number[], breaks: number[]) => values.map((v) => classOf(v, breaks));

describe('quantiles', () => {
  it('puts as many values in each class as it can', () => {
    const c = classify(oneToTen, 'quantiles', 5);
    expect(c).toEqual({ method: 'quantiles', classes: 5, breaks: [1, 3, 5, 7, 9, 10] });
    expect(colourScale(oneToTen, 'quantiles', 5).counts).toEqual([2, 2, 2, 2, 2]);
  });

  it('never splits a run of equal values, so classes may be fewer', () => {
    const ties = [1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 5];
    const c = classify(ties, 'quantiles', 4);
    const scale = colourScale(ties, 'quantiles', 4);
    // All the 1s share a class, whatever the cut points said.
    expect(new Set(scale.indices.slice(0, 8)).size).toBe(1);
    expect(c.breaks[0]).toBe(1);
    expect(c.breaks.at(-1)).toBe(5);
    expect(c.classes).toBeLessThan(4);
    expect(scale.counts.reduce((a, b) => a + b, 0)).toBe(ties.length);
    expect(scale.counts.every((n) => n > 0)).toBe(true);
  });
});

describe('equal intervals', () => {
  it('cuts the range in equal widths, empty classes included', () => {
    expect(classify([0, 10, 100], 'equal', 4).breaks).toEqual([0, 25, 50, 75, 100]);
    expect(colourScale([0, 10, 100], 'equal', 4).counts).toEqual([2, 0, 0, 1]);
    expect(classify([0, 1], 'equal', 5).classes).toBe(5);
  });
});

describe('natural breaks (ckmeans)', () => {
  it('finds the obvious groups', () => {
    const values = [1, 2, 3, 50, 52, 55, 100, 101, 102, 103];
    expect(classify(values, 'natural', 3).breaks).toEqual([1, 50, 100, 103]);
    expect(classesOf(values, [1, 50, 100, 103])).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 2]);
  });

  it('gives the clusters simple-statistics documents for its example', () => {
    // simple-statistics' ckmeans([-1, 2, -1, 2, 4, 5, 6, -1, 2, -1], 3) → [[-1, -1, -1, -1], [2, 2, 2], [4, 5, 6]]
    const values = [-1, 2, -1, 2, 4, 5, 6, -1, 2, -1];
    expect(classify(values, 'natural', 3).breaks).toEqual([-1, 2, 4, 6]);
    expect(ckmeans([-1, 2, 4, 5, 6], [4, 3, 1, 1, 1], 3)).toEqual([[-1], [2], [4, 5, 6]]);
  });

  it('weighs ties: runs of equal values count for as many values as they hold', () => {
    // Once each, 4 and 6 sit together between the outliers 0 and 11.
    expect(classify([0, 4, 6, 11], 'natural', 3).breaks).toEqual([0, 4, 11, 11]);
    // Ten times each, keeping them together costs more than pairing the 4s with the 0.
    const heavy = [0, ...Array(10).fill(4), ...Array(10).fill(6), 11];
    expect(classify(heavy, 'natural', 3).breaks).toEqual([0, 6, 11, 11]);
  });

  it('is optimal: no other split of consecutive values has a smaller within-class sum of squares', () => {
    const values = [3, 8, 8, 9, 15, 16, 16, 22, 30, 31, 40, 41, 41, 42, 60];
    const ssq = (xs: number[]) => {
      const m = xs.reduce((a, b) => a + b, 0) / xs.length;
      return xs.reduce((a, x) => a + (x - m) ** 2, 0);
    };
    const cost = (breaks: number[]) =>
      [0, 1, 2, 3].reduce((total, k) => total + ssq(values.filter((v) => classOf(v, breaks) === k)), 0);
    const found = classify(values, 'natural', 4).breaks;
    const distinct = [...new Set(values)];
    let bestBrute = Number.POSITIVE_INFINITY;
    for (let a = 1; a < distinct.length; a += 1)
      for (let b = a + 1; b < distinct.length; b += 1)
        for (let c = b + 1; c < distinct.length; c += 1)
          bestBrute = Math.min(bestBrute, cost([3, distinct[a]!, distinct[b]!, distinct[c]!, 60]));
    expect(cost(found)).toBeCloseTo(bestBrute, 9);
  });

  it('stays exact on large values such as incomes', () => {
    const incomes = [18_000.5, 18_001.5, 18_002.5, 25_000, 25_001, 40_000, 40_002];
    expect(classify(incomes, 'natural', 3).breaks).toEqual([18_000.5, 25_000, 40_000, 40_002]);
  });

  it('refuses more clusters than distinct values', () => {
    expect(() => ckmeans([1, 2], [1, 1], 3)).toThrow(RangeError);
  });
});

describe('edge cases, every method', () => {
  it.each(CLASSIFICATION_METHODS)('%s: empty input and missing values', (method) => {
    expect(classify([], method, 5)).toEqual({ method, classes: 0, breaks: [] });
    expect(classify([null, undefined, Number.NaN, Number.POSITIVE_INFINITY], method, 5).classes).toBe(0);
    expect(colourScale([null, 3], method, 3).indices).toEqual([null, 0]);
  });

  it.each(CLASSIFICATION_METHODS)('%s: a single distinct value is a single class', (method) => {
    expect(classify([7, 7, 7], method, 3)).toEqual({ method, classes: 1, breaks: [7, 7] });
    expect(colourScale([7, 7, 7], method, 3).indices).toEqual([0, 0, 0]);
  });

  it.each(['quantiles', 'natural'] as const)(
    '%s: fewer distinct values than classes, one class each',
    (method) => {
      const values = [2, 5, 5, 9, 2];
      const scale = colourScale(values, method, 5);
      expect(scale.classification.breaks).toEqual([2, 5, 9, 9]);
      expect(scale.indices).toEqual([0, 1, 1, 2, 0]);
      expect(scale.counts).toEqual([2, 2, 1]);
    },
  );

  it.each(CLASSIFICATION_METHODS)('%s: breaks ascend, span the data and classify every value', (method) => {
    const values = [0.3, 12, 4, 4, 4, 7.5, 19, 19, 2, 33, 8, 15, 15, 15, 1];
    for (let n = 3; n <= 7; n += 1) {
      const scale = colourScale(values, method, n);
      const { breaks, classes } = scale.classification;
      expect(classes).toBeLessThanOrEqual(n);
      expect(breaks).toHaveLength(classes + 1);
      expect(breaks[0]).toBe(0.3);
      expect(breaks.at(-1)).toBe(33);
      for (let i = 1; i < breaks.length - 1; i += 1) expect(breaks[i]!).toBeGreaterThan(breaks[i - 1]!);
      expect(scale.indices.every((i) => i !== null && i >= 0 && i < classes)).toBe(true);
      // Classes follow the values' order.
      const order = values.map((v, i) => [v, scale.indices[i]!] as const).sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < order.length; i += 1) expect(order[i]![1]).toBeGreaterThanOrEqual(order[i - 1]![1]);
    }
  });

  it('refuses a number of classes outside 3 to 7', () => {
    for (const n of [2, 8, 3.5, Number.NaN])
      expect(() => classify([1, 2, 3], 'quantiles', n)).toThrow(RangeError);
  });
});

describe('classOf', () => {
  const breaks = [0, 10, 20, 30];

  it('puts a break value in the class it opens, the maximum in the last class', () => {
    expect(classesOf([0, 9.99, 10, 19, 20, 29.9, 30], breaks)).toEqual([0, 0, 1, 1, 2, 2, 2]);
  });

  it('leaves values outside the breaks, and missing ones, unclassified', () => {
    expect(classOf(-0.1, breaks)).toBeNull();
    expect(classOf(30.1, breaks)).toBeNull();
    expect(classOf(null, breaks)).toBeNull();
    expect(classOf(Number.NaN, breaks)).toBeNull();
    expect(classOf(5, [])).toBeNull();
    expect(classOf(5, [5])).toBeNull();
  });
});
