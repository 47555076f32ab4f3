import type { Geometry, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  bboxOf,
  EARTH_RADIUS_KM,
  geometryCentroid,
  haversineKm,
  isGeoJsonGeometry,
  isValidLonLat,
} from './geo';

const square = (x0: number, y0: number, size: number): Position[] => [
  [x0, y0],
  [x0 + size, y0],
  [x0 + size, y0 + size],
  [x0, y0 + size],
  [x0, y0],
];

describe('haversineKm', () => {
  const paris = { lon: 2.3522, lat: 48.8566 };
  const london = { lon: -0.1278, lat: 51.5074 };
  const lille = { lon: 3.0573, lat: 50.6292 };
  const brussels = { lon: 4.3517, lat: 50.8503 };

  it('gives known great-circle distances', () => {
    expect(haversineKm(paris, london)).toBeCloseTo(343.5, 0);
    expect(haversineKm(lille, brussels)).toBeGreaterThan(93);
    expect(haversineKm(lille, brussels)).toBeLessThan(96);
    // One degree of latitude is about 111.2 km.
    expect(haversineKm({ lon: 3, lat: 50 }, { lon: 3, lat: 51 })).toBeCloseTo(111.2, 1);
  });

  it('is zero for the same point, symmetric, and half the circumference for antipodes', () => {
    expect(haversineKm(lille, lille)).toBe(0);
    expect(haversineKm(lille, brussels)).toBe(haversineKm(brussels, lille));
    expect(haversineKm({ lon: 0, lat: 0 }, { lon: 180, lat: 0 })).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6);
    expect(haversineKm({ lon: 0, lat: 90 }, { lon: 0, lat: -90 })).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6);
  });
});

describe('isValidLonLat', () => {
  it('accepts the WGS84 ranges, bounds included', () => {
    expect(isValidLonLat({ lon: 3.06, lat: 50.63 })).toBe(true);
    expect(isValidLonLat({ lon: -180, lat: -90 })).toBe(true);
    expect(isValidLonLat({ lon: 180, lat: 90 })).toBe(true);
  });

  it('rejects out-of-range and non-finite values', () => {
    expect(isValidLonLat({ lon: 180.0001, lat: 0 })).toBe(false);
    expect(isValidLonLat({ lon: 0, lat: -90.5 })).toBe(false);
    expect(isValidLonLat({ lon: 703_000, lat: 7_059_000 })).toBe(false); // Lambert 93 metres
    expect(isValidLonLat({ lon: Number.NaN, lat: 0 })).toBe(false);
    expect(isValidLonLat({ lon: 0, lat: Number.POSITIVE_INFINITY })).toBe(false);
  });
});

describe('isGeoJsonGeometry', () => {
  it('accepts every geometry type with well-nested coordinates', () => {
    const valid: Geometry[] = [
      { type: 'Point', coordinates: [3, 50] },
      { type: 'MultiPoint', coordinates: [[3, 50, 12]] },
      {
        type: 'LineString',
        coordinates: [
          [3, 50],
          [4, 51],
        ],
      },
      { type: 'MultiLineString', coordinates: [] },
      { type: 'Polygon', coordinates: [square(0, 0, 1)] },
      { type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(2, 2, 1)]] },
      { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [0, 0] }] },
    ];
    for (const g of valid) expect(isGeoJsonGeometry(g), g.type).toBe(true);
  });

  it('rejects unknown types, wrong nesting and non-numeric positions', () => {
    const invalid: unknown[] = [
      null,
      'Polygon',
      [],
      { type: 'Circle', coordinates: [0, 0] },
      { type: 'Point' },
      { type: 'Point', coordinates: [3] },
      { type: 'Point', coordinates: ['3', '50'] },
      { type: 'Point', coordinates: [3, Number.NaN] },
      { type: 'Polygon', coordinates: square(0, 0, 1) },
      { type: 'MultiPolygon', coordinates: [square(0, 0, 1)] },
      { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [] }] },
      { type: 'GeometryCollection' },
    ];
    for (const g of invalid) expect(isGeoJsonGeometry(g), JSON.stringify(g)).toBe(false);
  });
});

describe('bboxOf', () => {
  it('covers every position of every part', () => {
    expect(bboxOf({ type: 'Polygon', coordinates: [square(3, 50, 0.5)] })).toEqual([3, 50, 3.5, 50.5]);
    expect(bboxOf({ type: 'MultiPolygon', coordinates: [[square(3, 50, 1)], [square(-1, 52, 1)]] })).toEqual([
      -1, 50, 4, 53,
    ]);
    expect(
      bboxOf({
        type: 'GeometryCollection',
        geometries: [
          { type: 'Point', coordinates: [2, 49] },
          {
            type: 'LineString',
            coordinates: [
              [5, 51],
              [4, 48],
            ],
          },
        ],
      }),
    ).toEqual([2, 48, 5, 51]);
    expect(bboxOf({ type: 'Point', coordinates: [3, 50] })).toEqual([3, 50, 3, 50]);
  });

  it('is null without positions', () => {
    expect(bboxOf({ type: 'MultiPolygon', coordinates: [] })).toBeNull();
    expect(bboxOf({ type: 'GeometryCollection', geometries: [] })).toBeNull();
  });
});

describe('geometryCentroid', () => {
  it('is the centre of a square, whatever the winding', () => {
    const ring = square(3, 50, 0.2);
    expect(geometryCentroid({ type: 'Polygon', coordinates: [ring] })).toEqual({ lon: 3.1, lat: 50.1 });
    const reversed = geometryCentroid({ type: 'Polygon', coordinates: [[...ring].reverse()] })!;
    expect(reversed.lon).toBeCloseTo(3.1, 12);
    expect(reversed.lat).toBeCloseTo(50.1, 12);
  });

  it('weights by area: an L shape, a hole', () => {
    // L shape = 2x1 rectangle (centroid 1, 0.5) + 1x1 square above its left half (centroid 0.5, 1.5).
    const l: Position[] = [
      [0, 0],
      [2, 0],
      [2, 1],
      [1, 1],
      [1, 2],
      [0, 2],
      [0, 0],
    ];
    const c = geometryCentroid({ type: 'Polygon', coordinates: [l] })!;
    expect(c.lon).toBeCloseTo((2 * 1 + 1 * 0.5) / 3, 12);
    expect(c.lat).toBeCloseTo((2 * 0.5 + 1 * 1.5) / 3, 12);
    // 4x4 square minus a 1x1 hole in its lower-left corner area: (16·2 − 1·1.5) / 15 on both axes.
    const h = geometryCentroid({ type: 'Polygon', coordinates: [square(0, 0, 4), square(1, 1, 1)] })!;
    expect(h.lon).toBeCloseTo((16 * 2 - 1.5) / 15, 12);
    expect(h.lat).toBeCloseTo((16 * 2 - 1.5) / 15, 12);
  });

  it('takes the largest polygon of a multipolygon (the main part, not an exclave)', () => {
    const g: Geometry = { type: 'MultiPolygon', coordinates: [[square(10, 10, 0.1)], [square(0, 0, 2)]] };
    expect(geometryCentroid(g)).toEqual({ lon: 1, lat: 1 });
    const collection: Geometry = {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', coordinates: [square(10, 10, 3)] },
        { type: 'MultiPolygon', coordinates: [[square(0, 0, 2)]] },
      ],
    };
    expect(geometryCentroid(collection)).toEqual({ lon: 11.5, lat: 11.5 });
  });

  it('falls back on the point, then the bounding-box centre, and is null without positions', () => {
    expect(geometryCentroid({ type: 'Point', coordinates: [3, 50] })).toEqual({ lon: 3, lat: 50 });
    expect(
      geometryCentroid({
        type: 'MultiPoint',
        coordinates: [
          [4, 51],
          [3, 50],
        ],
      }),
    ).toEqual({ lon: 4, lat: 51 });
    expect(
      geometryCentroid({
        type: 'LineString',
        coordinates: [
          [3, 50],
          [4, 52],
        ],
      }),
    ).toEqual({ lon: 3.5, lat: 51 });
    // A degenerate (flat) polygon has no area.
    const flat: Position[] = [
      [0, 0],
      [2, 0],
      [0, 0],
    ];
    expect(geometryCentroid({ type: 'Polygon', coordinates: [flat] })).toEqual({ lon: 1, lat: 0 });
    expect(geometryCentroid({ type: 'MultiPolygon', coordinates: [] })).toBeNull();
  });
});
