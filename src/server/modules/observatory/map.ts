import { type Language, localized } from '../../../common/i18n/locales';
import { indicatorValue } from '../../../common/observatory/aggregation';
import { crossBorderScales } from '../../../common/observatory/comparability';
import { compareDisaggregations, TOTAL } from '../../../common/observatory/disaggregation';
import type {
  CellStatus,
  IndicatorMapQuery,
  IndicatorMapView,
  MapCell,
} from '../../../common/observatory/map-schemas';
import { comparePeriods } from '../../../common/observatory/periods';
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
import { siblingSuppression, siblingsOf } from './map-categories';
import { servedApart } from './map-shapes';
import { countryTotals } from './map-totals';
import {
  loadRemapped,
  pickPeriod,
  placesFor,
  type Stored,
  shapeOf,
  sourcesOf,
  storedPeriods,
} from './map-values';
import { cached } from './read-cache';
import { rememberShapeSet } from './shape-sets';
import * as store from './store';

/**
 * An indicator across the border for one period: each municipality's numerator and denominator (each side
 * at its own period within a year of the one asked for, as the sources lag differently), the value computed
 * after the parts, the small-number rules with secondary suppression inside each country's total, each
 * country's total as a ratio of sums, and the colour scale(s): one for classes A and B, one per country for
 * class C, relative to its national reference (the value stored for the country itself, else none).
 *
 * Values stored under retired codes are carried onto today's codes first (map-values.ts); a cell says which
 * old codes it was made of, and a median across a merger is 'not_comparable'.
 *
 * Disaggregation: the numerator is read at the one asked for ('sex:F', 'age:15-24'); the denominator at the
 * same one when it has values at it (women recipients over women aged 18–64), else at its total (the
 * share of the whole population: "women recipients per 100 inhabitants"). Deciding per element, not per
 * territory, keeps one meaning across the map; the view says which was used (`denominatorDisaggregation`).
 */

const COUNTRIES = ['FR', 'BE'] as const;
type Country = (typeof COUNTRIES)[number];
const isCountry = (c: string): c is Country => c === 'FR' || c === 'BE';

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
  // The elements with their stored periods, along the key (not the catalogue's count of every value).
  const pairs = await storedPeriods(trx, elementIds);
  const elements = (await store.elementsById(trx, elementIds)).map((e) => ({
    ...e,
    value_count: null,
    periods: [...new Set(pairs.filter((p) => p.element_id === e.id).map((p) => p.period))].sort(),
  }));
  const views = new Map(elements.map((e) => [e.id, elementView(actor, e)]));
  const indicator = indicatorView(actor, row, views);
  const num = elements.find((e) => e.id === row.numerator_id)!;
  const den = row.denominator_id ? elements.find((e) => e.id === row.denominator_id) : undefined;
  const kind = !den && num.unit === 'count' ? 'count' : 'rate';
  const method = query.method ?? 'quantiles';

  // The disaggregations the numerator has; the denominator follows it when it has the same.
  const stored = [...new Map(pairs.map((p) => [`${p.element_id}|${p.disaggregation}`, p])).values()];
  const disaggregations = [
    ...new Set([TOTAL, ...stored.filter((d) => d.element_id === num.id).map((d) => d.disaggregation)]),
  ].sort(compareDisaggregations);
  const disaggregation = query.disaggregation ?? TOTAL;
  if (!disaggregations.includes(disaggregation)) throw notFound(O('unknown_disaggregation'));
  const denDisaggregation =
    den && stored.some((d) => d.element_id === den.id && d.disaggregation === disaggregation)
      ? disaggregation
      : TOTAL;
  const period = query.period ?? [...indicator.periods].sort(comparePeriods).at(-1) ?? null;
  const groupRows = await cached(trx, 'groups', () => store.territoryGroups(trx));
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
    disaggregation,
    disaggregations,
    denominatorDisaggregation: den ? denDisaggregation : null,
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

  // territory → element → period → value, on today's codes
  const values = await loadRemapped(
    trx,
    [
      { id: num.id, aggregation: num.aggregation, disaggregation },
      ...(den ? [{ id: den.id, aggregation: den.aggregation, disaggregation: denDisaggregation }] : []),
    ],
    period,
  );

  const inGroup = group
    ? new Set(await cached(trx, `group:${group}`, () => groupTerritoryCodes(trx, group, 'municipality')))
    : null;
  // A current code is in the group when it is, or when the old codes it replaces were.
  const sources = sourcesOf(values);
  const codes = [...values.keys()].filter(
    (c) =>
      !isCountry(c) &&
      (!inGroup || inGroup.has(c) || [...(sources.get(c) ?? [])].some((o) => inGroup.has(o))),
  );
  const places = await placesFor(trx, codes, sources);
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
  for (const p of parts)
    for (const s of [p.numerator, p.denominator]) for (const v of s?.vintages ?? []) vintages.add(v);

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
  if (disaggregation !== TOTAL && countable(num)) {
    const siblings = await siblingSuppression(
      trx,
      num,
      siblingsOf(disaggregation, disaggregations),
      period,
      parts.filter((p) => p.numerator),
    );
    cells.push(...siblings.cells);
    groups.push(...siblings.groups);
  }
  const { status } = applySuppression(cells, groups, rules);

  const mapCells: MapCell[] = parts.map((p) => {
    const n = p.numerator?.value ?? null;
    const d = p.denominator?.value ?? null;
    const computed =
      n === null || (den && d === null) ? null : indicatorValue(n, den ? d : null, row.factor as 1);
    const refusals = [p.numerator?.refused, p.denominator?.refused];
    // A count shown as such is its `n:` cell, where secondary suppression happens: hidden with it.
    const own = (status[p.code] ?? 'no_data') as CellStatus;
    const asCount = !den && countable(num) ? (status[`n:${p.code}`] as CellStatus | undefined) : undefined;
    const cellStatus = own === 'shown' && asCount && asCount !== 'shown' ? asCount : own;
    const st: CellStatus =
      p.period === null
        ? 'no_data'
        : refusals.includes('not_additive')
          ? 'not_comparable'
          : cellStatus === 'shown' && computed && !computed.ok
            ? 'no_data'
            : cellStatus;
    const remappedFrom = [...new Set([...(p.numerator?.from ?? []), ...(p.denominator?.from ?? [])])].sort();
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
      ...(remappedFrom.length ? { remappedFrom } : {}),
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

  const totals = countryTotals(row.factor, num, den, parts, status);

  // The boundaries leave apart, under a key the browser keeps (map-shapes.ts): codes and centroids here.
  const drawn = servedApart(parts.map((p) => shapeOf(p.code, places.get(p.code))));
  if (drawn.shapesKey)
    await rememberShapeSet(
      trx,
      drawn.shapesKey,
      parts.map((p) => p.code),
      sources,
    );
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
    ...drawn,
    sources: [...new Set(elements.map((e) => e.source).filter((s): s is string => !!s))],
    vintages: [...vintages].sort(),
  };
}
