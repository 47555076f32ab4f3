import { type Language, localized } from '../../../common/i18n/locales';
import type {
  CatalogueView,
  ElementInput,
  ElementView,
  IndicatorView,
} from '../../../common/observatory/catalogue-schemas';
import { type Actor, actorCan, requirePermission } from '../../platform/actor';
import type { Tx } from '../../platform/db/context';
import { conflict, forbidden } from '../../platform/errors';
import * as store from './store';

/**
 * The observatory's catalogue: data elements (raw values, how they add up, where they come from, how
 * comparable across the border) and indicators (numerator over denominator times a factor), in the
 * reader's language, with the periods that hold values.
 */

export const O = (code: string) => `observatory.errors.${code}`;

const text = (lang: Language, fr: string | null, nl: string | null, en: string | null) =>
  (lang === 'en' ? en : null) || localized(lang === 'nl' ? 'nl' : 'fr', fr, nl) || null;

/** The reader: a signed-in actor, or a language alone for a published board. */
export type Reader = Pick<Actor, 'language' | 'orgId'>;

export function elementView(actor: Reader, e: store.ElementRow): ElementView {
  const lang = actor.language;
  return {
    id: e.id,
    code: e.code,
    label: text(lang, e.label_fr, e.label_nl, e.label_en) ?? e.code,
    labelFr: e.label_fr,
    labelNl: e.label_nl,
    definition: text(lang, e.definition_fr, e.definition_nl, e.definition_en),
    unit: e.unit as ElementView['unit'],
    theme: e.theme,
    aggregation: e.aggregation as ElementView['aggregation'],
    health: e.health,
    source: e.source,
    sourceTable: e.source_table,
    sourceColumn: e.source_column,
    licence: e.licence,
    comparability: e.comparability as ElementView['comparability'],
    caveats: text(lang, e.caveats_fr, e.caveats_nl, e.caveats_en),
    valueCount: Number(e.value_count ?? 0),
    periods: e.periods ?? [],
    ownOrganisation: e.org_id !== null && e.org_id === actor.orgId,
  };
}

export function indicatorView(
  actor: Reader,
  i: store.IndicatorRow,
  elements: Map<string, ElementView>,
): IndicatorView {
  const lang = actor.language;
  const num = elements.get(i.numerator_id);
  const den = i.denominator_id ? elements.get(i.denominator_id) : undefined;
  const periods = (num?.periods ?? []).filter((p) => !den || den.periods.includes(p));
  return {
    id: i.id,
    code: i.code,
    label: text(lang, i.label_fr, i.label_nl, i.label_en) ?? i.code,
    definition: text(lang, i.definition_fr, i.definition_nl, i.definition_en),
    theme: i.theme,
    numerator: { code: num?.code ?? '', label: num?.label ?? '' },
    denominator: den ? { code: den.code, label: den.label } : null,
    factor: i.factor,
    comparability: i.comparability as IndicatorView['comparability'],
    // Its own caveat, else those of the data it is computed from.
    caveats:
      text(lang, i.caveats_fr, i.caveats_nl, i.caveats_en) ??
      ([num?.caveats, den?.caveats].filter(Boolean).join(' ') || null),
    periods,
  };
}

export async function catalogue(trx: Tx, actor: Actor): Promise<CatalogueView> {
  requirePermission(actor, 'observatory.view');
  const elements = (await store.listElements(trx)).map((e) => elementView(actor, e));
  const byId = new Map(elements.map((e) => [e.id, e]));
  const indicators = (await store.listIndicators(trx)).map((i) => indicatorView(actor, i, byId));
  const may = actorCan(actor, 'observatory.import') && !!actor.orgId;
  return { elements, indicators, canImport: may, canDefine: may };
}

/** A data element its organisation defines (and maintains); codes are unique across the network. */
export async function createElement(trx: Tx, actor: Actor, input: ElementInput) {
  requirePermission(actor, 'observatory.import');
  if (!actor.orgId) throw forbidden();
  const taken = await store.elementsByCode(trx, [input.code]);
  if (taken.length) throw conflict(O('code_taken'), { code: input.code });
  const row = await trx
    .insertInto('obs_data_elements')
    .values({
      org_id: actor.orgId,
      code: input.code,
      label_fr: input.labelFr.trim(),
      label_nl: input.labelNl.trim(),
      label_en: input.labelEn?.trim() || null,
      definition_fr: input.definitionFr?.trim() || null,
      definition_nl: input.definitionNl?.trim() || null,
      unit: input.unit,
      theme: input.theme,
      aggregation: input.aggregation,
      health: input.health ?? input.theme === 'health',
      source: input.source?.trim() || null,
      source_table: input.sourceTable?.trim() || null,
      source_column: input.sourceColumn?.trim() || null,
      licence: input.licence?.trim() || null,
      comparability: input.comparability,
      caveats_fr: input.caveatsFr?.trim() || null,
      caveats_nl: input.caveatsNl?.trim() || null,
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id };
}
