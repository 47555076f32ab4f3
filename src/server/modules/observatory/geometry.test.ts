import { describe, expect, it } from 'vitest';
import { simplifyForMap, simplifyRing } from './geometry';

/** A closed ring: a square of side 0.1° whose edges carry many points, a few of them off the line. */
function square(pointsPerSide: number, bumps: Array<[number, number]> = []): number[][] {
  const ring: number[][] = [];
  const corners = [
    [3, 50],
    [3.1, 50],
    [3.1, 50.1],
    [3, 50.1],
  ];
  for (let s = 0; s < 4; s++) {
    const [ax, ay] = corners[s]!;
    const [bx, by] = corners[(s + 1) % 4]!;
    for (let i = 0; i < pointsPerSide; i++) {
      const t = i / pointsPerSide;
      ring.push([ax! + (bx! - ax!) * t, ay! + (by! - ay!) * t]);
    }
  }
  for (const [i, dy] of bumps) ring[i]![1]! += dy;
  ring.push([...ring[0]!]);
  return ring;
}

describe('boundaries simplified for the map', () => {
  it('keeps the corners of a straight-edged ring and drops the points on its edges', () => {
    const out = simplifyRing(square(50));
    expect(out).toEqual([
      [3, 50],
      [3.1, 50],
      [3.1, 50.1],
      [3, 50.1],
      [3, 50],
    ]);
  });

  it('keeps a point that stands out more than the tolerance, drops one that does not', () => {
    // Point 10 lies on the bottom edge; pushed 0.01° out it is a real bend, 0.0001° out it is noise.
    // The bend keeps its tip and the two points where it leaves the edge.
    const bent = simplifyRing(square(50, [[10, -0.01]]));
    expect(bent).toContainEqual([3.02, 49.99]);
    expect(bent).toHaveLength(8);
    expect(simplifyRing(square(50, [[10, -0.0001]]))).toHaveLength(5);
  });

  it('never lets a tiny ring vanish and rounds coordinates to about a metre', () => {
    const tiny = [
      [3.123456789, 50.1],
      [3.1234568, 50.1000001],
      [3.12345679, 50.10000002],
      [3.1234567, 50.1000003],
      [3.123456789, 50.1],
    ];
    const out = simplifyRing(tiny);
    expect(out.length).toBeGreaterThanOrEqual(4);
    expect(out[0]).toEqual([3.12346, 50.1]);
  });

  it('simplifies every ring of a MultiPolygon and leaves other shapes alone', () => {
    const multi = { type: 'MultiPolygon', coordinates: [[square(30)], [square(20)]] };
    const out = simplifyForMap(multi) as { coordinates: number[][][][] };
    expect(out.coordinates.map((p) => p[0]!.length)).toEqual([5, 5]);
    const point = { type: 'Point', coordinates: [3, 50] };
    expect(simplifyForMap(point)).toBe(point);
    expect(simplifyForMap(null)).toBeNull();
  });
});
