import type { Language } from '../../../../common/i18n/locales';
import type { Narrative, ReportFigures, ReportIndicator } from '../../../../common/monitoring/report-schemas';
import type { Shown } from '../../../../common/monitoring/suppression';
import { t } from '../../../platform/i18n';

/** The words of a report's exports (PDF, XLSX) in the reader's language, from the catalogue. */

export const w = (language: Language, key: string, params?: Record<string, string | number>) =>
  t(language, `monitoring.reports.${key}`, params);

export const pick = (language: Language, fr: string, nl: string, en?: string | null) =>
  language === 'nl' ? nl : language === 'en' ? (en ?? fr) : fr;

export const orgName = (figures: ReportFigures, language: Language, orgId: string) => {
  const p = figures.partners.find((x) => x.orgId === orgId);
  return p ? pick(language, p.nameFr, p.nameNl) : orgId;
};

/** A count as published: the number, the "hidden" mark, or for a manual indicator "no value". */
export const shown = (language: Language, n: Shown, manual = false) =>
  n === null
    ? w(language, manual ? 'no_value' : 'hidden')
    : new Intl.NumberFormat(locale(language)).format(n);

export const locale = (language: Language) =>
  language === 'nl' ? 'nl-BE' : language === 'en' ? 'en-GB' : 'fr-BE';

/** "1234.50" as the reader writes money, with the euro sign. */
export const money = (language: Language, amount: string) =>
  new Intl.NumberFormat(locale(language), { style: 'currency', currency: 'EUR' }).format(Number(amount));

export const percentBp = (language: Language, bp: number | null) =>
  bp === null
    ? '–'
    : new Intl.NumberFormat(locale(language), { style: 'percent', maximumFractionDigits: 1 }).format(
        bp / 10_000,
      );

export const day = (language: Language, iso: string) =>
  new Intl.DateTimeFormat(locale(language), { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${iso.slice(0, 10)}T12:00:00Z`),
  );

/** How an indicator is counted, in words: its definition, the rule's, and the rule's parameters. */
export function explanation(language: Language, i: ReportIndicator): string {
  const parts: string[] = [];
  const own = pick(language, i.definitionFr ?? '', i.definitionNl ?? '', i.definitionEn);
  if (own) parts.push(own);
  if (i.ruleDefinitionKey) parts.push(t(language, i.ruleDefinitionKey));
  else parts.push(w(language, 'manual_explanation'));
  const params = i.params
    .map((p) =>
      pair(language, t(language, `monitoring.indicators.param.${p.name}`), paramValue(language, p.value)),
    )
    .join(w(language, 'list_separator'));
  if (params) parts.push(params);
  return parts.join(' ');
}

function paramValue(language: Language, v: unknown): string {
  if (typeof v === 'boolean')
    return t(language, v ? 'monitoring.indicators.yes' : 'monitoring.indicators.no');
  if (Array.isArray(v))
    return v.length === 0
      ? t(language, 'monitoring.indicators.any')
      : v.map((o) => t(language, `monitoring.indicators.option.${String(o)}`)).join(', ');
  return String(v);
}

/**
 * The narrative in the reader's language, or in the other one it was written in, saying so: a report
 * written in Dutch only still prints its text in the French export.
 */
export function narrativeText(
  language: Language,
  n: Narrative | undefined,
): { text: string; language: Language } | null {
  if (!n) return null;
  const order: Language[] =
    language === 'nl' ? ['nl', 'fr', 'en'] : language === 'en' ? ['en', 'fr', 'nl'] : ['fr', 'nl', 'en'];
  for (const l of order) {
    const text = n[l];
    if (text) return { text, language: l };
  }
  return null;
}

export const unitWord = (language: Language, unit: string) =>
  t(language, `monitoring.indicators.unit.${unit}`);

export const categoryWord = (language: Language, category: string) =>
  t(language, `monitoring.budgets.category.${category}`);

/** "label : value" in French, "label: value" in Dutch and English. */
export const pair = (language: Language, label: string, value: string) =>
  w(language, 'pair', { label, value });
