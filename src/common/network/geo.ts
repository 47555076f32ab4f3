/**
 * Small pure geographic helpers on WGS84 longitude/latitude (degrees). No I/O: shared by the server and
 * the browser. Geometries are plain GeoJSON objects.
 */
import type { Geometry, Position } from 'geojson';

export interface LonLat {
  lon: number;
  lat: number;
}

/** [minLon, minLat, maxLon, maxLat]. */
export type BBox = [number, number, number, number];

/** Mean Earth radius (IUGG), in kilometres. */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/** Great-circle distance between two points, in kilometres (haversine formula, spherical Earth). */
export function haversineKm(a: LonLat, b: LonLat): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** True when both numbers are finite and within lon -180..180, lat -90..90. */
export function isValidLonLat(p: LonLat): boolean {
  return Number.isFinite(p.lon) && Number.isFinite(p.lat) && Math.abs(p.lon) <= 180 && Math.abs(p.lat) <= 90;
}

function isPosition(p: unknown): p is Position {
  return Array.isArray(p) && p.length >= 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n));
}

/** Arrays nested `depth` levels deep whose leaves are positions (depth 0 = one position). */
function isNested(value: unknown, depth: number): boolean {
  if (depth === 0) return isPosition(value);
  return Array.isArray(value) && value.every((v) => isNested(v, depth - 1));
}

const COORDINATE_DEPTH: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

/**
 * True when `value` is a structurally valid GeoJSON geometry: a known type, coordinates nested to the
 * right depth, every position at least two finite numbers. Ring closure and orientation are not checked.
 */
export function isGeoJsonGeometry(value: unknown): value is Geometry {
  if (typeof value !== 'object' || value === null) return false;
  const g = value as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  if (g.type === 'GeometryCollection') {
    return Array.isArray(g.geometries) && g.geometries.every(isGeoJsonGeometry);
  }
  const depth = typeof g.type === 'string' ? COORDINATE_DEPTH[g.type] : undefined;
  return depth !== undefined && isNested(g.coordinates, depth);
}

function* positions(g: Geometry): Generator<Position> {
  switch (g.type) {
    case 'Point':
      yield g.coordinates;
      return;
    case 'MultiPoint':
    case 'LineString':
      yield* g.coordinates;
      return;
    case 'MultiLineString':
    case 'Polygon':
      for (const line of g.coordinates) yield* line;
      return;
    case 'MultiPolygon':
      for (const polygon of g.coordinates) for (const ring of polygon) yield* ring;
      return;
    case 'GeometryCollection':
      for (const child of g.geometries) yield* positions(child);
      return;
  }
}

function* polygons(g: Geometry): Generator<Position[][]> {
  if (g.type === 'Polygon') yield g.coordinates;
  else if (g.type === 'MultiPolygon') yield* g.coordinates;
  else if (g.type === 'GeometryCollection') for (const child of g.geometries) yield* polygons(child);
}

/** Bounding box of a geometry, or null when it has no positions. */
export function bboxOf(geometry: Geometry): BBox | null {
  let box: BBox | null = null;
  for (const p of positions(geometry)) {
    const x = p[0]!;
    const y = p[1]!;
    if (!box) box = [x, y, x, y];
    else {
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    }
  }
  return box;
}

interface Moments {
  area: number;
  /** First moments (area × centroid), relative to the reference point. */
  mx: number;
  my: number;
}

/** Signed area and first moments of a ring (shoelace), relative to (ox, oy) for numerical stability. */
function ringMoments(ring: Position[], ox: number, oy: number): Moments {
  let a2 = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i]!;
    const q = ring[(i + 1) % ring.length]!;
    const x0 = p[0]! - ox;
    const y0 = p[1]! - oy;
    const x1 = q[0]! - ox;
    const y1 = q[1]! - oy;
    const cross = x0 * y1 - x1 * y0;
    a2 += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  return { area: a2 / 2, mx: cx / 6, my: cy / 6 };
}

/** Planar area-weighted centroid of one polygon (outer ring minus holes), with its net area. */
function polygonCentroid(rings: Position[][]): { area: number; centroid: LonLat } | null {
  const origin = rings[0]?.[0];
  if (!origin) return null;
  const ox = origin[0]!;
  const oy = origin[1]!;
  let area = 0;
  let mx = 0;
  let my = 0;
  rings.forEach((ring, i) => {
    const m = ringMoments(ring, ox, oy);
    // Whatever the winding, the outer ring adds and the holes subtract.
    const sign = (i === 0 ? 1 : -1) * Math.sign(m.area);
    area += sign * m.area;
    mx += sign * m.mx;
    my += sign * m.my;
  });
  if (!(area > 0)) return null;
  return { area, centroid: { lon: ox + mx / area, lat: oy + my / area } };
}

/**
 * A representative point of a geometry. Polygons: the planar (lon/lat) area-weighted centroid of the
 * largest polygon (outer ring minus its holes), so that a municipality with an exclave gets a point on its
 * main part. Points: the (first) point. Anything else, or degenerate polygons: the centre of the bounding
 * box. Null when the geometry has no positions. The centroid of a concave shape may fall outside it.
 */
export function geometryCentroid(geometry: Geometry): LonLat | null {
  let best: { area: number; centroid: LonLat } | null = null;
  for (const rings of polygons(geometry)) {
    const c = polygonCentroid(rings);
    if (c && (!best || c.area > best.area)) best = c;
  }
  if (best) return best.centroid;
  const first = positions(geometry).next();
  if (first.done) return null;
  if (geometry.type === 'Point' || geometry.type === 'MultiPoint') {
    return { lon: first.value[0]!, lat: first.value[1]! };
  }
  const box = bboxOf(geometry)!;
  return { lon: (box[0] + box[2]) / 2, lat: (box[1] + box[3]) / 2 };
}
