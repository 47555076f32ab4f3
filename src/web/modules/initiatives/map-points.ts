import type { InitiativeSummary } from '../../../common/initiatives/schemas';

export interface MapPoint {
  code: string;
  name: string;
  count: number;
  crossBorder: boolean;
  x: number;
  y: number;
}

/**
 * The municipalities of the initiatives with a centroid, placed in a width × height box (equirectangular,
 * longitudes shrunk by the cosine of the mean latitude, a margin kept). Pure, so it is tested alone.
 */
export function mapPoints(items: readonly InitiativeSummary[], width: number, height: number): MapPoint[] {
  const by = new Map<string, Omit<MapPoint, 'x' | 'y'> & { lon: number; lat: number }>();
  for (const i of items)
    for (const t of i.territories) {
      if (t.lon === null || t.lat === null) continue;
      const p = by.get(t.code) ?? {
        code: t.code,
        name: t.name,
        count: 0,
        crossBorder: false,
        lon: t.lon,
        lat: t.lat,
      };
      p.count += 1;
      p.crossBorder ||= i.crossBorder;
      by.set(t.code, p);
    }
  const all = [...by.values()];
  if (all.length === 0) return [];
  const k = Math.cos((all.reduce((s, p) => s + p.lat, 0) / all.length / 180) * Math.PI);
  const xs = all.map((p) => p.lon * k);
  const ys = all.map((p) => p.lat);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const margin = 40;
  const span = Math.max(x1 - x0, y1 - y0, 0.05);
  const scale = Math.min(width - 2 * margin, height - 2 * margin) / span;
  return all.map((p) => ({
    code: p.code,
    name: p.name,
    count: p.count,
    crossBorder: p.crossBorder,
    x: Math.round(margin + (p.lon * k - x0) * scale),
    y: Math.round(height - margin - (p.lat - y0) * scale),
  }));
}
