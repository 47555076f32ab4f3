import { type Language, localized } from '../../../common/i18n/locales';
import {
  type AggregationType,
  aggregateIndicator,
  indicatorValue,
} from '../../../common/observatory/aggregation';
import { crossBorderScales } from '../../../common/observatory/comparability';
import type {
  CellStatus,
  IndicatorMapQuery,
  IndicatorMapView,
  MapCell,
} from '../../../common/observatory/map-schemas';
import { comparePeriods, referenceYear } from '../../../common/observatory/periods';
import {
  applySuppression,
  type SuppressionCell,
  type SuppressionGroup,
  suppressionRules,
} from '../../../common/observatory/suppression';
import { type Actor, requirePermission } from '../../platform/actor';
import type { Tx } from '../../platform/db/context';
import { notFound } from '../../platform/errors';
import { groupTerritoryCodes } from '../network';
import { elementView, indicatorView, O, type Reader } from './catalogue';
import * as store from './store';

/**
 * An indicator across the border for one period: each municipality's numerator and denominator (each side
 * at its own period within a year of the one asked for, as the sources lag differently), the value computed
 * after the parts, the small-number rules with secondary suppression inside each country's total, each
 * country's total as a ratio of sums, and the colour scale(s): one for classes A and B, one per country for
 * class C, relative to its national reference (the value stored for the country itself, else none).
 */

const COUNTRIES = ['FR', 'BE'] as const;
type Country = (typeof COUNTRIES)[number];
const isCountry = (c: string): c is Country => c === 'FR' || c === 'BE';

interface Stored {
  value: number | null;
  secret: boolean;
  vintage: string;
}

/** The period of a territory's values to show: the one asked for, else the nearest within a year (the later first). */
function pickPeriod(available: string[], asked: string): string | null {
  if (available.includes(asked)) return asked;
  const year = referenceYear(asked);
  const near = available
    .filter((p) => Math.abs(referenceYear(p) - year) <= 1)
    .sort(
      (a, b) => Math.abs(referenceYear(a) - year) - Math.abs(referenceYear(b) - year) || comparePeriods(b, a),
    );
  return near[0] ?? null;
}

export async function indicatorMap(
  trx: Tx,
  actor: Actor,
  code: string,
  query: IndicatorMapQuery,
): Promise<IndicatorMapView> {
  requirePermission(actor, 'observatory.view');
  return indicatorMapView(trx, actor, code, query);
}

/**
 * The computation alone, in a reader's language, for a caller that has checked access itself (a published
 * board). Hidden cells keep their figures here for the analysts; a page without login strips them
 * (boards/public.ts).
 */
export async function indicatorMapView(
  trx: Tx,
  reader: Language | Reader,
  code: string,
  query: IndicatorMapQuery,
): Promise<IndicatorMapView> {
  const actor: Reader = typeof reader === 'string' ? { language: reader, orgId: null } : reader;
  const row = await store.findIndicator(trx, code);
  if (!row) throw notFound(O('unknown_indicator'));
  const elementIds = [row.numerator_id, ...(row.denominator_id ? [row.denominator_id] : [])];
  const elements = (await store.listElements(trx)).filter((e) => elementIds.includes(e.id));
  const views = new Map(elements.map((e) => [e.id, elementView(actor, e)]));
  const indicator = indicatorView(actor, row, views);
  const num = elements.find((e) => e.id === row.numerator_id)!;
  const den = row.denominator_id ? elements.find((e) => e.id === row.denominator_id) : undefined;
  const kind = !den && num.unit === 'count' ? 'count' : 'rate';
  const method = query.method ?? 'quantiles';

  // territory → element → period → value
  const values = new Map<string, Map<string, Map<string, Stored>>>();
  for (const v of await store.totalsOf(trx, elementIds)) {
    const byElement = values.get(v.geo_code) ?? new Map<string, Map<string, Stored>>();
    values.set(v.geo_code, byElement);
    const byPeriod = byElement.get(v.element_id) ?? new Map<string, Stored>();
    byElement.set(v.element_id, byPeriod);
    byPeriod.set(v.period, {
      value: v.value === null ? null : Number(v.value),
      secret: v.secret,
      vintage: v.vintage,
    });
  }
  const period = query.period ?? [...indicator.periods].sort(comparePeriods).at(-1) ?? null;
  const groupRows = await store.territoryGroups(trx);
  const groupChoices = groupRows.map((g) => ({
    code: g.code,
    name: localized(actor.language === 'nl' ? 'nl' : 'fr', g.name_fr, g.name_nl) || g.code,
  }));
  const group = query.group && groupChoices.some((g) => g.code === query.group) ? query.group : null;
  if (query.group && !group) throw notFound(O('unknown_group'));
  const empty: IndicatorMapView = {
    indicator,
    period,
    method,
    group,
    groups: groupChoices,
    kind,
    cells: [],
    totals: [],
    scales: [],
    shapes: [],
    missingBoundaries: 0,
    sources: [],
    vintages: [],
  };
  if (!period) return { ...empty, period: null };

  const inGroup = group ? new Set(await groupTerritoryCodes(trx, group, 'municipality')) : null;
  const codes = [...values.keys()].filter((c) => !isCountry(c) && (!inGroup || inGroup.has(c)));
  const places = new Map((await store.territoriesOf(trx, codes)).map((t) => [t.code, t]));
  const vintages = new Set<string>();
  interface Part {
    code: string;
    name: string;
    country: Country;
    period: string | null;
    numerator: Stored | null;
    denominator: Stored | null;
  }
  const partsAt = (code: string): Omit<Part, 'name' | 'country' | 'code'> => {
    const byElement = values.get(code);
    const numPeriods = [...(byElement?.get(num.id)?.keys() ?? [])];
    const usable = den ? numPeriods.filter((p) => byElement?.get(den.id)?.has(p)) : numPeriods;
    const p = pickPeriod(usable, period);
    if (!p) return { period: null, numerator: null, denominator: null };
    return {
      period: p,
      numerator: byElement?.get(num.id)?.get(p) ?? null,
      denominator: den ? (byElement?.get(den.id)?.get(p) ?? null) : null,
    };
  };
  const parts: Part[] = codes.flatMap((code) => {
    const t = places.get(code);
    if (!t || !isCountry(t.country)) return [];
    const name = localized(actor.language === 'nl' ? 'nl' : 'fr', t.name_fr, t.name_nl) || code;
    return [{ code, name, country: t.country, ...partsAt(code) }];
  });
  for (const p of parts) for (const s of [p.numerator, p.denominator]) if (s) vintages.add(s.vintage);

  // The small-number rules: a count cell per numerator (and denominator), the rate following its numerator;
  // each country's total is the group protecting its members.
  const rules = suppressionRules(row.theme);
  const countable = (e: typeof num | undefined) => e?.unit === 'count' && e.aggregation !== 'none';
  const cells: SuppressionCell[] = [];
  for (const p of parts) {
    const n = p.numerator;
    const d = p.denominator;
    if (countable(num))
      cells.push({
        id: `n:${p.code}`,
        kind: 'count',
        value: n?.value ?? null,
        sourceSuppressed: n?.secret ?? false,
      });
    cells.push({
      id: p.code,
      kind: den ? 'rate' : countable(num) ? 'count' : 'rate',
      value: n && (!den || d) ? (n.value ?? null) : null,
      sourceSuppressed: (n?.secret ?? false) || (d?.secret ?? false),
      ...(den
        ? { denominator: d?.value ?? null, numerator: countable(num) ? (n?.value ?? null) : null }
        : {}),
      ...(den && countable(num) ? { numeratorCell: `n:${p.code}` } : {}),
    } as SuppressionCell);
  }
  const groups: SuppressionGroup[] = [];
  if (countable(num))
    for (const c of COUNTRIES) {
      const members = parts.filter((p) => p.country === c).map((p) => `n:${p.code}`);
      if (members.length) {
        const id = `n:total:${c}`;
        const total = parts.filter((p) => p.country === c).reduce((s, p) => s + (p.numerator?.value ?? 0), 0);
        cells.push({ id, kind: 'count', value: total });
        groups.push({ total: id, members });
      }
    }
  const { status } = applySuppression(cells, groups, rules);

  const mapCells: MapCell[] = parts.map((p) => {
    const n = p.numerator?.value ?? null;
    const d = p.denominator?.value ?? null;
    const computed =
      n === null || (den && d === null) ? null : indicatorValue(n, den ? d : null, row.factor as 1);
    const st: CellStatus =
      p.period === null
        ? 'no_data'
        : ((status[p.code] ?? 'no_data') as CellStatus) === 'shown' && computed && !computed.ok
          ? 'no_data'
          : ((status[p.code] ?? 'no_data') as CellStatus);
    // A hidden cell leaves the server without its figures: the rules bind every reader, not the page.
    const shown = st === 'shown';
    return {
      code: p.code,
      name: p.name,
      country: p.country,
      period: p.period,
      numerator: shown ? n : null,
      denominator: shown ? d : null,
      value: shown && computed?.ok ? computed.value : null,
      status: st,
      klass: null,
      relative: null,
    };
  });

  // Scales on the values shown only (a hidden value neither gets a class nor shapes the breaks).
  const references: Record<string, number | null> = {};
  for (const c of COUNTRIES) {
    const own = values.get(c)?.get(num.id);
    const p = own ? pickPeriod([...own.keys()], period) : null;
    const ref = p ? own?.get(p)?.value : null;
    references[c] = den || ref === undefined ? null : ref;
  }
  const scaled = crossBorderScales(
    row.comparability as 'A' | 'B' | 'C',
    mapCells.map((c) => ({ code: c.code, country: c.country, value: c.status === 'shown' ? c.value : null })),
    { method, classes: query.classes ?? 5, references },
  );
  scaled.values.forEach((s, i) => {
    mapCells[i]!.klass = s.classIndex;
    mapCells[i]!.relative = s.relative;
  });

  // Each side's total: a ratio of sums over its municipalities with both parts (never a mean of rates).
  // A median or a rate stored as such has no total: it cannot be re-aggregated.
  const summable = num.aggregation !== 'none' && (!den || den.aggregation !== 'none');
  const totals = COUNTRIES.flatMap((c) => {
    const members = parts.filter((p) => p.country === c);
    if (members.length === 0 || !summable) return [];
    const agg = aggregateIndicator(
      {
        numerator: { element: num.code, aggregation: num.aggregation as AggregationType },
        denominator: den ? { element: den.code, aggregation: den.aggregation as AggregationType } : null,
        factor: row.factor as 1,
      },
      members.map((m) => ({
        code: m.code,
        numerator: m.numerator?.value ?? null,
        denominator: den ? (m.denominator?.value ?? null) : null,
      })),
      { allowIncomplete: true },
    );
    const totalStatus = (status[`n:total:${c}`] ?? 'shown') as CellStatus;
    return [
      {
        code: c,
        numerator: agg.ok && totalStatus === 'shown' ? agg.numerator : null,
        denominator: agg.ok && totalStatus === 'shown' ? agg.denominator : null,
        value: agg.ok && totalStatus === 'shown' ? agg.value : null,
        status: agg.ok ? totalStatus : ('no_data' as const),
        period: [...new Set(members.map((m) => m.period).filter((x): x is string => !!x))].join(', ') || null,
      },
    ];
  });

  const shapes = parts.map((p) => {
    const t = places.get(p.code);
    return {
      code: p.code,
      geometry: t?.geometry ?? null,
      centroid:
        t?.centroid_lon !== null && t?.centroid_lon !== undefined && t.centroid_lat !== null
          ? ([t.centroid_lon, t.centroid_lat] as [number, number])
          : null,
    };
  });
  return {
    ...empty,
    cells: mapCells,
    totals,
    scales: scaled.scales.map((s) => ({
      country: s.scale as 'all' | 'FR' | 'BE',
      breaks: s.classification.breaks,
      reference: s.reference,
      relative: s.relative,
    })),
    shapes,
    missingBoundaries: shapes.filter((s) => !s.geometry).length,
    sources: [...new Set(elements.map((e) => e.source).filter((s): s is string => !!s))],
    vintages: [...vintages].sort(),
  };
}
