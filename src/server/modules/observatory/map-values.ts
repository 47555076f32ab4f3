import type { AggregationType } from '../../../common/observatory/aggregation';
import { type CodeChange, type RemapRefusal, remapElement } from '../../../common/observatory/code-history';
import { comparePeriods, periodEnd, referenceYear } from '../../../common/observatory/periods';
import type { Tx } from '../../platform/db/context';
import { territoriesWithShapes } from './map-shapes';
import { cached } from './read-cache';
import * as store from './store';

/**
 * The stored values an indicator's map reads, carried onto today's geography (migration 0035's code
 * history, through the pure remapElement): a value published under a retired code (Mouscron 54007 before
 * 2019, Meulebeke and Tielt before the Flemish mergers of 2025) lands on the current code. Counts are
 * summed; the map then recomputes a rate from its re-aggregated numerator and denominator; a median or a
 * rate stored as such follows a pure renumbering only and is refused across a merger ('not_additive').
 *
 * Values are stored as published (their vintage stays faithful); the remap happens here, at read time. The
 * geography a value was published in is its import's geography vintage when it names a year ('REFNIS 2018'
 * → 1 January 2018), else the start of its period's last year (Statbel's 2018 figures: 1 January 2018).
 */

export interface Stored {
  value: number | null;
  secret: boolean;
  /** The publications it comes from (several when old codes of different files were summed). */
  vintages: string[];
  /** The old codes whose values this one is made of (empty when stored under the current code). */
  from: string[];
  /** Why no value could be carried onto the current code (then `value` is null). */
  refused?: RemapRefusal;
}

/** territory → element id → period → value */
export type ValueIndex = Map<string, Map<string, Map<string, Stored>>>;

export interface Published {
  value: number | null;
  secret: boolean;
  vintage: string;
}

const mentionedBy = new WeakMap<readonly CodeChange[], Set<string>>();
/** Every code a change names, as the old code or a new one. */
function mentionedCodes(history: readonly CodeChange[]): Set<string> {
  let set = mentionedBy.get(history);
  if (!set) {
    set = new Set(history.flatMap((c) => [c.from, ...c.to.map((t) => t.code)]));
    mentionedBy.set(history, set);
  }
  return set;
}

/**
 * One publication's values of one element (code → value, all in the geography of `asOf`) carried onto
 * today's codes. Pure.
 */
export function remapGroup(
  aggregation: AggregationType,
  all: ReadonlyMap<string, Published>,
  history: readonly CodeChange[],
  mergeTargets: ReadonlyMap<string, readonly string[]>,
  asOf: string,
): Map<string, Stored> {
  // Most codes take part in no change: they stay as they are, without planning (a board remaps thousands).
  const out = new Map<string, Stored>();
  const mentioned = mentionedCodes(history);
  const involved = new Map<string, Published>();
  for (const [code, v] of all)
    if (mentioned.has(code)) involved.set(code, v);
    else
      out.set(code, {
        value: v.secret ? null : v.value,
        secret: v.secret,
        vintages: [v.vintage],
        from: [],
      });
  if (involved.size === 0) return out;
  const group: ReadonlyMap<string, Published> = involved;
  // A commune nouvelle keeps its chef-lieu's code, which the database cannot list as a change from itself
  // to itself. When the publication holds both that code and a code it absorbs later, it is in the old
  // geography and the code existed then: it takes part with its own value. Alone, the code's value is
  // taken as already in the new geography (a series recoded on today's codes without a geography vintage).
  const absorbedWithData = (code: string, day: string) =>
    history.some(
      (c) => c.effective === day && c.from !== code && c.to.some((t) => t.code === code) && group.has(c.from),
    );
  const kept = [...mergeTargets]
    .filter(([code]) => group.has(code))
    .flatMap(([code, days]) =>
      days
        .filter((d) => d > asOf && absorbedWithData(code, d))
        .map((d) => ({ from: code, to: [{ code }], effective: d })),
    );
  const remapped = remapElement(
    aggregation,
    // A source's secret takes part as a number so that the merger is planned; its result stays secret.
    [...group].map(([code, v]) => ({ code, value: v.secret ? 0 : v.value })),
    kept.length ? [...history, ...kept] : history,
    { asOf },
  );
  for (const r of remapped) {
    const from = r.sources.filter((s) => s !== r.code);
    const parts = r.sources.map((s) => group.get(s)).filter((v) => v !== undefined);
    const vintages = [...new Set(parts.map((v) => v.vintage))];
    if (!r.ok) out.set(r.code, { value: null, secret: false, vintages, from, refused: r.reason });
    else {
      const secret = parts.some((v) => v.secret);
      out.set(r.code, { value: secret ? null : r.value, secret, vintages, from });
    }
  }
  return out;
}

/** The (disaggregation, period) pairs stored for some elements, read once per transaction. */
export const storedPeriods = (trx: Tx, elementIds: string[]) =>
  cached(trx, `periods:${[...elementIds].sort().join(',')}`, () => store.periodsOf(trx, elementIds));

export interface ElementToRead {
  id: string;
  aggregation: string;
  /** The disaggregation to read ('total', 'sex:F'…). */
  disaggregation: string;
}

const yearOf = (text: string | null | undefined) => /(?:19|20)\d{2}/.exec(text ?? '')?.[0] ?? null;

/** The day of the geography a value's codes follow (see the module comment). */
export function geographyDate(period: string, geoVintage: string | null | undefined): string {
  const declared = yearOf(geoVintage);
  return `${declared ?? periodEnd(period).slice(0, 4)}-01-01`;
}

/** The database's rows as the pure code history reads them: one change per old code and day. */
export function historyOf(rows: Awaited<ReturnType<typeof store.codeChanges>>): {
  history: CodeChange[];
  mergeTargets: Map<string, string[]>;
} {
  const byKey = new Map<string, CodeChange>();
  const mergeTargets = new Map<string, string[]>();
  for (const r of rows) {
    const key = `${r.old_code}|${r.effective_on}`;
    const change = byKey.get(key) ?? { from: r.old_code, to: [], effective: r.effective_on };
    byKey.set(key, change);
    (change.to as { code: string; share?: number }[]).push({
      code: r.new_code,
      ...(r.kind === 'split' && r.share !== null ? { share: Number(r.share) } : {}),
    });
    if (r.kind === 'merge') {
      const days = mergeTargets.get(r.new_code) ?? [];
      if (!days.includes(r.effective_on)) days.push(r.effective_on);
      mergeTargets.set(r.new_code, days);
    }
  }
  return { history: [...byKey.values()], mergeTargets };
}

/**
 * Loads the values of some elements near a period (within a year: the map compares each side at its own
 * period) and carries them onto the current codes.
 */
export async function loadRemapped(
  trx: Tx,
  elements: readonly ElementToRead[],
  period: string,
): Promise<ValueIndex> {
  const year = referenceYear(period);
  const wanted = [...new Set(elements.map((e) => e.disaggregation))];
  const ids = elements.map((e) => e.id);
  // Only the stored periods within a year are read (along the key), not the element's whole series.
  const near = [
    ...new Set(
      (await storedPeriods(trx, ids))
        .filter((p) => wanted.includes(p.disaggregation) && Math.abs(referenceYear(p.period) - year) <= 1)
        .map((p) => p.period),
    ),
  ];
  // The period asked for first; its neighbours only for the territories it leaves incomplete (a source
  // that lags a year), since a quarterly or monthly series would otherwise be read ten times over.
  const exact = near.includes(period) ? await store.valuesOf(trx, ids, wanted, [period]) : [];
  const present = elements.map(
    (e) =>
      new Set(
        exact
          .filter((r) => r.element_id === e.id && r.disaggregation === e.disaggregation)
          .map((r) => r.geo_code),
      ),
  );
  const complete = [...(present[0] ?? [])].filter((code) => present.every((set) => set.has(code)));
  const others = near.filter((p) => p !== period);
  const rows = others.length
    ? [...exact, ...(await store.valuesOf(trx, ids, wanted, others, complete))]
    : exact;
  const geo = await store.importGeoVintages(trx, [...new Set(rows.map((r) => r.import_id))]);
  const { history, mergeTargets } = await cached(trx, 'code-history', async () =>
    historyOf(await store.codeChanges(trx)),
  );
  const out: ValueIndex = new Map();
  const put = (code: string, element: string, p: string, s: Stored) => {
    const byElement = out.get(code) ?? new Map<string, Map<string, Stored>>();
    out.set(code, byElement);
    const byPeriod = byElement.get(element) ?? new Map<string, Stored>();
    byElement.set(element, byPeriod);
    byPeriod.set(p, s);
  };

  // Thousands of rows share a few (period, import) pairs: their geography is worked out once.
  const keys = new Map<string, string>();
  const groupKey = (period: string, importId: string) => {
    const k = `${period}|${importId}`;
    let key = keys.get(k);
    if (key === undefined) {
      key = `${period}|${geographyDate(period, geo.get(importId))}`;
      keys.set(k, key);
    }
    return key;
  };
  for (const e of elements) {
    // One remap per period and geography: the values of one publication share both.
    const groups = new Map<string, Map<string, Published>>();
    const mine = rows
      .filter((r) => r.element_id === e.id && r.disaggregation === e.disaggregation)
      // Two vintages of the same figure: the later-named one wins, whatever the order the rows came in.
      .sort((a, b) => (a.vintage < b.vintage ? -1 : a.vintage > b.vintage ? 1 : 0));
    for (const r of mine) {
      const key = groupKey(r.period, r.import_id);
      const group = groups.get(key) ?? new Map();
      groups.set(key, group);
      group.set(r.geo_code, {
        value: r.value === null ? null : Number(r.value),
        secret: r.secret,
        vintage: r.vintage,
      });
    }
    for (const [key, group] of groups) {
      const [p, asOf] = key.split('|') as [string, string];
      for (const [code, stored] of remapGroup(
        e.aggregation as AggregationType,
        group,
        history,
        mergeTargets,
        asOf,
      ))
        put(code, e.id, p, stored);
    }
  }
  return out;
}

/** The period of a territory's values to show: the one asked for, else the nearest within a year (the later first). */
export function pickPeriod(available: string[], asked: string): string | null {
  if (available.includes(asked)) return asked;
  const year = referenceYear(asked);
  const near = available
    .filter((p) => Math.abs(referenceYear(p) - year) <= 1)
    .sort(
      (a, b) => Math.abs(referenceYear(a) - year) - Math.abs(referenceYear(b) - year) || comparePeriods(b, a),
    );
  return near[0] ?? null;
}

export type Place = Awaited<ReturnType<typeof territoriesWithShapes>>[number];

/** The old codes carried onto each current code in the index, whatever the element or period. */
export function sourcesOf(values: ValueIndex): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [code, byElement] of values)
    for (const byPeriod of byElement.values())
      for (const s of byPeriod.values())
        for (const f of s.from) {
          const set = out.get(code) ?? new Set<string>();
          set.add(f);
          out.set(code, set);
        }
  return out;
}

type Polygon = number[][][];
const polygonsOf = (g: unknown): Polygon[] => {
  const geo = g as { type?: string; coordinates?: unknown } | null;
  if (geo?.type === 'Polygon') return [geo.coordinates as Polygon];
  if (geo?.type === 'MultiPolygon') return geo.coordinates as Polygon[];
  return [];
};

/**
 * Names, country and drawing of the codes to show. A current code the territories do not hold yet (a
 * Flemish municipality of 2025 before REFNIS 2025 is loaded) is made of the old ones it replaces: their
 * names joined, their boundaries together, the mean of their centroids; else its code alone.
 */
export async function placesFor(
  trx: Tx,
  codes: readonly string[],
  sources: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<Map<string, Place>> {
  const olds = [...new Set(codes.flatMap((c) => [...(sources.get(c) ?? [])]))];
  const wanted = [...new Set([...codes, ...olds])].sort();
  // A board's tiles draw the same territories: their boundaries are read once.
  const rows = await cached(trx, `places:${wanted.join(',')}`, () => territoriesWithShapes(trx, wanted));
  const known = new Map(rows.map((t) => [t.code, t]));
  const out = new Map<string, Place>();
  for (const code of codes) {
    const own = known.get(code);
    if (own) {
      out.set(code, own);
      continue;
    }
    const country = code.slice(0, 2);
    if (country !== 'FR' && country !== 'BE') continue;
    const parts = [...(sources.get(code) ?? [])].map((c) => known.get(c)).filter((t) => t !== undefined);
    const polygons = parts.flatMap((t) => polygonsOf(t.geometry));
    const centred = parts.filter((t) => t.centroid_lon !== null && t.centroid_lat !== null);
    const mean = (k: 'centroid_lon' | 'centroid_lat') =>
      centred.length ? centred.reduce((a, t) => a + Number(t[k]), 0) / centred.length : null;
    const joined = (k: 'name_fr' | 'name_nl') =>
      parts
        .map((t) => t[k])
        .filter(Boolean)
        .join(' + ');
    out.set(code, {
      code,
      country,
      name_fr: joined('name_fr') || code,
      name_nl: joined('name_nl') || code,
      centroid_lon: mean('centroid_lon'),
      centroid_lat: mean('centroid_lat'),
      geometry: polygons.length ? { type: 'MultiPolygon', coordinates: polygons } : null,
      // The parts' fingerprints: the joined boundary changes when one of them does.
      geometry_hash: polygons.length ? parts.map((t) => `${t.code}=${t.geometry_hash}`).join('+') : null,
    } as Place);
  }
  return out;
}

/** What the map draws of a place: its boundary (served apart, see map-shapes.ts), else its centroid. */
export const shapeOf = (code: string, t: Place | undefined) => ({
  code,
  geometry: t?.geometry ?? null,
  hash: t?.geometry ? (t.geometry_hash ?? null) : null,
  centroid:
    t && t.centroid_lon !== null && t.centroid_lat !== null
      ? ([Number(t.centroid_lon), Number(t.centroid_lat)] as [number, number])
      : null,
});
