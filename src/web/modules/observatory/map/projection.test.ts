import { describe, expect, it } from 'vitest';
import { bounds, fitBox, isShape, pathOf } from './projection';

const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [3, 50],
      [4, 50],
      [4, 51],
      [3, 51],
      [3, 50],
    ] as [number, number][],
  ],
};

describe('map projection', () => {
  it('fits a box into the width, north up, longitudes narrowed by the latitude', () => {
    const box = bounds([square])!;
    expect(box).toEqual([3, 50, 4, 51]);
    const p = fitBox(box, 216, 8);
    expect(p([3, 51])).toEqual([8, 8]);
    const [x] = p([4, 51]);
    expect(x).toBeCloseTo(208, 5);
    // One degree of latitude is longer than one of longitude at 50.5°N.
    expect(p.height).toBeGreaterThan(p.width);
  });

  it('draws closed rings, skips degenerate ones, and recognises only polygons', () => {
    const p = fitBox(bounds([square])!, 100);
    const d = pathOf(square, p);
    expect(d.startsWith('M')).toBe(true);
    expect(d.endsWith('Z')).toBe(true);
    expect(pathOf({ type: 'Polygon', coordinates: [[[3, 50]]] }, p)).toBe('');
    expect(isShape(square)).toBe(true);
    expect(isShape({ type: 'Point', coordinates: [3, 50] })).toBe(false);
    expect(isShape(null)).toBe(false);
  });

  it('has no box for nothing, and one for points alone', () => {
    expect(bounds([])).toBeNull();
    expect(bounds([], [[3.1, 50.7]])).toEqual([3.1, 50.7, 3.1, 50.7]);
  });
});
