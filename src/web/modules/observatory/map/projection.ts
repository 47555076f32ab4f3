/**
 * A plain projection for a region the size of a border area: longitude scaled by the cosine of the mean
 * latitude (an equirectangular projection), fitted into a box. Enough for a few thousand municipalities
 * drawn offline as SVG, without a map library or tiles.
 */

export type Position = [number, number];
type Ring = Position[];
interface Polygon {
  type: 'Polygon';
  coordinates: Ring[];
}
interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: Ring[][];
}
export type Shape = Polygon | MultiPolygon;

export function isShape(g: unknown): g is Shape {
  if (!g || typeof g !== 'object') return false;
  const t = (g as { type?: unknown }).type;
  return (
    (t === 'Polygon' || t === 'MultiPolygon') && Array.isArray((g as { coordinates?: unknown }).coordinates)
  );
}

const polygons = (s: Shape): Ring[][] => (s.type === 'Polygon' ? [s.coordinates] : s.coordinates);

/** The bounding box [minLon, minLat, maxLon, maxLat] of shapes and points; null when there is nothing. */
export function bounds(shapes: Shape[], points: Position[] = []): [number, number, number, number] | null {
  let b: [number, number, number, number] | null = null;
  const add = ([x, y]: Position) => {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    b = b ? [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)] : [x, y, x, y];
  };
  for (const s of shapes)
    for (const poly of polygons(s)) for (const ring of poly) for (const p of ring) add(p);
  for (const p of points) add(p);
  return b;
}

export interface Projection {
  (p: Position): Position;
  width: number;
  height: number;
}

/** Fits the box into `width` (the height follows the box's shape), with a margin. */
export function fitBox(box: [number, number, number, number], width: number, margin = 8): Projection {
  const [x0, y0, x1, y1] = box;
  const k = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
  const w = Math.max((x1 - x0) * k, 1e-9);
  const h = Math.max(y1 - y0, 1e-9);
  const scale = (width - 2 * margin) / w;
  const height = Math.round(h * scale + 2 * margin);
  const project = ((p: Position): Position => [
    margin + (p[0] - x0) * k * scale,
    margin + (y1 - p[1]) * scale,
  ]) as Projection;
  project.width = width;
  project.height = height;
  return project;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The SVG path of a shape (each ring closed; holes drawn with the even-odd rule). */
export function pathOf(shape: Shape, project: Projection): string {
  const out: string[] = [];
  for (const poly of polygons(shape))
    for (const ring of poly) {
      if (ring.length < 3) continue;
      out.push(
        `M${ring
          .map((p) => project(p))
          .map(([x, y]) => `${round(x)},${round(y)}`)
          .join('L')}Z`,
      );
    }
  return out.join('');
}
