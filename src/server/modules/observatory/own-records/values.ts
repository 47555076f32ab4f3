import { primaryStatus, suppressionRules } from '../../../../common/observatory/suppression';

/**
 * The counts as stored values under the small-number rules: a count under the threshold (5, 10 for health) is
 * stored as a secret with no value, so that no export or reader of the raw values ever sees it; the map
 * applies its own (and secondary) suppression at read time on top.
 */

export interface OwnCount {
  element: string;
  geoCode: string;
  period: string;
  n: number;
}

export interface OwnValue {
  element: string;
  geoCode: string;
  period: string;
  value: number | null;
  secret: boolean;
}

export function suppressedValues(
  counts: readonly OwnCount[],
  themes: ReadonlyMap<string, string>,
): OwnValue[] {
  return counts.map((c) => {
    const status = primaryStatus(
      { id: `${c.element}|${c.geoCode}|${c.period}`, kind: 'count', value: c.n },
      suppressionRules(themes.get(c.element)),
    );
    const shown = status === 'shown';
    return {
      element: c.element,
      geoCode: c.geoCode,
      period: c.period,
      value: shown ? c.n : null,
      secret: !shown,
    };
  });
}
