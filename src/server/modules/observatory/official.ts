import type { Tx } from '../../platform/db/context';

/**
 * The official sources' usual columns and their indicators, the same rows migration 0036 writes (the
 * observatory's tests compare them): written again after a wipe of the demo database, and never over an
 * organisation's definitions (a code already taken is left as it is).
 */

interface Official {
  code: string;
  fr: string;
  nl: string;
  en: string;
  unit: string;
  theme: string;
  aggregation: string;
  source: string;
  table: string;
  column: string;
  licence: string;
  comparability: 'A' | 'B' | 'C';
  caveats?: [string, string, string];
}

const INSEE = 'INSEE, recensement de la population';
const OUVERTE = 'Licence Ouverte 2.0';
const STATBEL = 'Licence ouverte Statbel';

export const OFFICIAL_ELEMENTS: readonly Official[] = [
  {
    code: 'P_POP',
    fr: 'Population (recensement)',
    nl: 'Bevolking (volkstelling)',
    en: 'Population (census)',
    unit: 'count',
    theme: 'population',
    aggregation: 'sum',
    source: INSEE,
    table: 'base communale',
    column: 'Pyy_POP',
    licence: OUVERTE,
    comparability: 'A',
  },
  {
    code: 'C_FAM',
    fr: 'Familles',
    nl: 'Gezinnen',
    en: 'Families',
    unit: 'count',
    theme: 'family',
    aggregation: 'sum',
    source: INSEE,
    table: 'Couples-Familles-Ménages',
    column: 'Cyy_FAM',
    licence: OUVERTE,
    comparability: 'B',
  },
  {
    code: 'C_FAMMONO',
    fr: 'Familles monoparentales',
    nl: 'Eenoudergezinnen',
    en: 'Single-parent families',
    unit: 'count',
    theme: 'family',
    aggregation: 'sum',
    source: INSEE,
    table: 'Couples-Familles-Ménages',
    column: 'Cyy_FAMMONO',
    licence: OUVERTE,
    comparability: 'B',
  },
  {
    code: 'MED',
    fr: 'Niveau de vie médian (Filosofi)',
    nl: 'Mediaan levensstandaard (Filosofi)',
    en: 'Median standard of living (Filosofi)',
    unit: 'euro',
    theme: 'income',
    aggregation: 'none',
    source: 'INSEE, Filosofi',
    table: 'FILO_DISP_COM',
    column: 'MEDyy',
    licence: OUVERTE,
    comparability: 'C',
    caveats: [
      'Revenu disponible par unité de consommation (échelle OCDE modifiée) : propre à la France.',
      'Beschikbaar inkomen per consumptie-eenheid (gewijzigde OESO-schaal): eigen aan Frankrijk.',
      'Disposable income per consumption unit (modified OECD scale): France only.',
    ],
  },
  {
    code: 'TP60',
    fr: 'Taux de pauvreté à 60 % (Filosofi)',
    nl: 'Armoedegraad op 60 % (Filosofi)',
    en: 'Poverty rate at 60 % (Filosofi)',
    unit: 'percent',
    theme: 'poverty',
    aggregation: 'none',
    source: 'INSEE, Filosofi',
    table: 'FILO_DISP_PAUVRES_COM',
    column: 'TP60yy',
    licence: OUVERTE,
    comparability: 'C',
    caveats: [
      'Seuil à 60 % du niveau de vie médian français : pas de taux communal équivalent en Belgique.',
      'Drempel op 60 % van de Franse mediaan: geen vergelijkbaar gemeentelijk cijfer in België.',
      'Threshold at 60 % of the French median: no comparable municipal rate in Belgium.',
    ],
  },
  {
    code: 'MS_TOT_RESIDENTS',
    fr: 'Habitants (Statbel, fiscal)',
    nl: 'Inwoners (Statbel, fiscaal)',
    en: 'Residents (Statbel, tax statistics)',
    unit: 'count',
    theme: 'population',
    aggregation: 'sum',
    source: 'Statbel',
    table: 'TF_PSNL_INC_TAX_MUNTY',
    column: 'MS_TOT_RESIDENTS',
    licence: STATBEL,
    comparability: 'A',
  },
  {
    code: 'MS_NBR_NON_ZERO_INC',
    fr: 'Déclarations avec un revenu (Statbel)',
    nl: 'Aangiften met een inkomen (Statbel)',
    en: 'Tax returns with an income (Statbel)',
    unit: 'count',
    theme: 'income',
    aggregation: 'sum',
    source: 'Statbel',
    table: 'TF_PSNL_INC_TAX_MUNTY',
    column: 'MS_NBR_NON_ZERO_INC',
    licence: STATBEL,
    comparability: 'C',
  },
  {
    code: 'MS_TOT_NET_TAXABLE_INC',
    fr: 'Revenu net imposable total (Statbel)',
    nl: 'Totaal netto belastbaar inkomen (Statbel)',
    en: 'Total net taxable income (Statbel)',
    unit: 'euro',
    theme: 'income',
    aggregation: 'sum',
    source: 'Statbel',
    table: 'TF_PSNL_INC_TAX_MUNTY',
    column: 'MS_TOT_NET_TAXABLE_INC',
    licence: STATBEL,
    comparability: 'C',
  },
];

export const OFFICIAL_INDICATORS = [
  {
    code: 'POPULATION_RP',
    fr: 'Population (recensement)',
    nl: 'Bevolking (volkstelling)',
    en: 'Population (census)',
    num: 'P_POP',
    den: null,
    factor: 1,
    theme: 'population',
    comparability: 'A',
  },
  {
    code: 'SINGLE_PARENT_SHARE',
    fr: 'Part des familles monoparentales',
    nl: 'Aandeel eenoudergezinnen',
    en: 'Share of single-parent families',
    num: 'C_FAMMONO',
    den: 'C_FAM',
    factor: 100,
    theme: 'family',
    comparability: 'B',
  },
  {
    code: 'MEDIAN_LIVING_STANDARD',
    fr: 'Niveau de vie médian',
    nl: 'Mediaan levensstandaard',
    en: 'Median standard of living',
    num: 'MED',
    den: null,
    factor: 1,
    theme: 'income',
    comparability: 'C',
  },
  {
    code: 'POVERTY_RATE_60',
    fr: 'Taux de pauvreté à 60 %',
    nl: 'Armoedegraad op 60 %',
    en: 'Poverty rate at 60 %',
    num: 'TP60',
    den: null,
    factor: 1,
    theme: 'poverty',
    comparability: 'C',
  },
  {
    code: 'INCOME_PER_RETURN',
    fr: 'Revenu net imposable moyen par déclaration',
    nl: 'Gemiddeld netto belastbaar inkomen per aangifte',
    en: 'Average net taxable income per tax return',
    num: 'MS_TOT_NET_TAXABLE_INC',
    den: 'MS_NBR_NON_ZERO_INC',
    factor: 1,
    theme: 'income',
    comparability: 'C',
    caveats: [
      'L’unité est la déclaration fiscale, pas le ménage : propre à la Belgique.',
      'De eenheid is de belastingaangifte, niet het huishouden: eigen aan België.',
      'The unit is the tax return, not the household: Belgium only.',
    ],
  },
] as const;

/** Writes the official definitions that are missing (after a wipe), leaving any existing code alone. */
export async function ensureOfficialDefinitions(trx: Tx): Promise<void> {
  for (const e of OFFICIAL_ELEMENTS)
    await trx
      .insertInto('obs_data_elements')
      .values({
        code: e.code,
        label_fr: e.fr,
        label_nl: e.nl,
        label_en: e.en,
        unit: e.unit,
        theme: e.theme,
        aggregation: e.aggregation,
        source: e.source,
        source_table: e.table,
        source_column: e.column,
        licence: e.licence,
        comparability: e.comparability,
        caveats_fr: e.caveats?.[0] ?? null,
        caveats_nl: e.caveats?.[1] ?? null,
        caveats_en: e.caveats?.[2] ?? null,
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  const ids = new Map(
    (await trx.selectFrom('obs_data_elements').select(['id', 'code']).execute()).map((r) => [r.code, r.id]),
  );
  for (const i of OFFICIAL_INDICATORS) {
    const numerator = ids.get(i.num);
    if (!numerator) continue;
    await trx
      .insertInto('obs_indicators')
      .values({
        code: i.code,
        label_fr: i.fr,
        label_nl: i.nl,
        label_en: i.en,
        numerator_id: numerator,
        denominator_id: i.den ? (ids.get(i.den) ?? null) : null,
        factor: i.factor,
        theme: i.theme,
        comparability: i.comparability,
        caveats_fr: 'caveats' in i ? i.caveats[0] : null,
        caveats_nl: 'caveats' in i ? i.caveats[1] : null,
        caveats_en: 'caveats' in i ? i.caveats[2] : null,
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }
}
