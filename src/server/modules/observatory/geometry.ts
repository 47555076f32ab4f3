/**
 * Boundaries as a map of the border region draws them: a whole region fits in a few hundred pixels, so a
 * point closer than `tolerance` degrees (≈ 50 m at 0.0005) to the line through its neighbours cannot be
 * seen. Douglas–Peucker per ring, coordinates rounded to 5 decimals (≈ 1 m); a ring keeps at least its
 * first three points and its closing one, so no municipality vanishes. Detailed files (the shared
 * boundaries run to ~3 KB a municipality) then answer a board in a fraction of the bytes. Pure.
 */

type Position = number[];
type Ring = Position[];
interface Polygonal {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: Ring[] | Ring[][];
}

export const MAP_TOLERANCE = 0.0005;

const round = (x: number) => Math.round(x * 1e5) / 1e5;

/** Squared distance from p to the segment a–b. */
function segmentDistance2(p: Position, a: Position, b: Position): number {
  const [px, py] = p as [number, number];
  const [ax, ay] = a as [number, number];
  const [bx, by] = b as [number, number];
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  const x = ax + t * dx - px;
  const y = ay + t * dy - py;
  return x * x + y * y;
}

export function simplifyRing(ring: Ring, tolerance = MAP_TOLERANCE): Ring {
  if (ring.length <= 4) return ring.map((p) => [round(p[0]!), round(p[1]!)]);
  const keep = new Uint8Array(ring.length);
  keep[0] = 1;
  keep[ring.length - 1] = 1;
  const tol2 = tolerance * tolerance;
  // Iterative, so a ring of many thousand points cannot overflow the stack.
  const stack: Array<[number, number]> = [[0, ring.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    let max = 0;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance2(ring[i]!, ring[first]!, ring[last]!);
      if (d > max) {
        max = d;
        index = i;
      }
    }
    if (index >= 0 && max > tol2) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  let out = ring.filter((_, i) => keep[i] === 1);
  // A closed ring whose first and last points coincide would collapse to a line: keep a triangle at least.
  if (out.length < 4)
    out = [
      ring[0]!,
      ring[Math.floor(ring.length / 3)]!,
      ring[Math.floor((2 * ring.length) / 3)]!,
      ring[ring.length - 1]!,
    ];
  return out.map((p) => [round(p[0]!), round(p[1]!)]);
}

/** A Polygon or MultiPolygon simplified for the map; anything else is returned as it is. */
export function simplifyForMap(geometry: unknown, tolerance = MAP_TOLERANCE): unknown {
  const g = geometry as Polygonal | null;
  if (!g || typeof g !== 'object') return geometry;
  if (g.type === 'Polygon')
    return { type: 'Polygon', coordinates: (g.coordinates as Ring[]).map((r) => simplifyRing(r, tolerance)) };
  if (g.type === 'MultiPolygon')
    return {
      type: 'MultiPolygon',
      coordinates: (g.coordinates as Ring[][]).map((poly) => poly.map((r) => simplifyRing(r, tolerance))),
    };
  return geometry;
}
