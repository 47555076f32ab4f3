import { createHash } from 'node:crypto';
import type { DemoSeeder } from '../../platform/demo';
import { DEMO_TERRITORIES } from '../network';
import { ensureOfficialDefinitions } from './official';
import { insertValues, type ValueRow } from './store';

/**
 * The observatory's demo dataset, clearly labelled as such: a handful of elements and indicators over the
 * demo territories on both sides of the border (population, single-parent families, minimum-income
 * recipients, and one class-C measure: median income, national-specific on each side), with values that
 * are INVENTED (derived from each municipality's code), recorded as one import of the West-Vlaanderen
 * province. A small municipality's count is small enough to be suppressed. The minimum-income recipients and
 * the population aged 18–64 are also broken down by sex (women + men = the total), so that the rate can be
 * mapped for women or men.
 */

const SOURCE = 'Jeu de démonstration samen — valeurs fictives / Demodataset samen — fictieve waarden';
const VINTAGE = 'Démo 2026';

interface DemoElement {
  code: string;
  fr: string;
  nl: string;
  en: string;
  unit: string;
  theme: string;
  aggregation: string;
  comparability: 'A' | 'B' | 'C';
  caveats?: [string, string, string];
}

const ELEMENTS: DemoElement[] = [
  {
    code: 'DEMO_POP',
    fr: 'Population',
    nl: 'Bevolking',
    en: 'Population',
    unit: 'count',
    theme: 'population',
    aggregation: 'sum',
    comparability: 'A',
  },
  {
    code: 'DEMO_POP_18_64',
    fr: 'Population de 18 à 64 ans',
    nl: 'Bevolking van 18 tot 64 jaar',
    en: 'Population aged 18 to 64',
    unit: 'count',
    theme: 'population',
    aggregation: 'sum',
    comparability: 'A',
  },
  {
    code: 'DEMO_FAM',
    fr: 'Familles avec enfants',
    nl: 'Gezinnen met kinderen',
    en: 'Families with children',
    unit: 'count',
    theme: 'family',
    aggregation: 'sum',
    comparability: 'B',
  },
  {
    code: 'DEMO_FAM_MONO',
    fr: 'Familles monoparentales',
    nl: 'Eenoudergezinnen',
    en: 'Single-parent families',
    unit: 'count',
    theme: 'family',
    aggregation: 'sum',
    comparability: 'B',
  },
  {
    code: 'DEMO_MIN_INC',
    fr: 'Bénéficiaires d’un revenu minimum (RSA, RIS/leefloon)',
    nl: 'Gerechtigden op een minimuminkomen (RSA, leefloon)',
    en: 'Minimum-income recipients (RSA, RIS/leefloon)',
    unit: 'count',
    theme: 'poverty',
    aggregation: 'sum',
    comparability: 'B',
    caveats: [
      'Le RSA se compte par foyer, le RIS/leefloon par personne : comparez les ordres de grandeur, pas les écarts fins.',
      'Het RSA wordt per huishouden geteld, het leefloon per persoon: vergelijk grootteordes, geen kleine verschillen.',
      'RSA is counted per household, RIS/leefloon per person: compare orders of magnitude, not small gaps.',
    ],
  },
  {
    code: 'DEMO_INC_MED',
    fr: 'Revenu médian (mesure nationale)',
    nl: 'Mediaan inkomen (nationale maatstaf)',
    en: 'Median income (national measure)',
    unit: 'euro',
    theme: 'income',
    aggregation: 'none',
    comparability: 'C',
    caveats: [
      'France : niveau de vie médian par unité de consommation (Filosofi) ; Belgique : revenu net imposable médian par déclaration (Statbel). Deux mesures différentes : chaque côté est lu par rapport à sa propre référence nationale.',
      'Frankrijk: mediaan levensstandaard per consumptie-eenheid (Filosofi); België: mediaan netto belastbaar inkomen per aangifte (Statbel). Twee verschillende maatstaven: elke kant wordt gelezen tegenover de eigen nationale referentie.',
      'France: median standard of living per consumption unit (Filosofi); Belgium: median net taxable income per tax return (Statbel). Two different measures: each side is read against its own national reference.',
    ],
  },
];

const INDICATORS = [
  {
    code: 'DEMO_POPULATION',
    fr: 'Population',
    nl: 'Bevolking',
    en: 'Population',
    num: 'DEMO_POP',
    den: null,
    factor: 1,
    theme: 'population',
    comparability: 'A',
  },
  {
    code: 'DEMO_SINGLE_PARENT_SHARE',
    fr: 'Part des familles monoparentales',
    nl: 'Aandeel eenoudergezinnen',
    en: 'Share of single-parent families',
    num: 'DEMO_FAM_MONO',
    den: 'DEMO_FAM',
    factor: 100,
    theme: 'family',
    comparability: 'B',
  },
  {
    code: 'DEMO_MIN_INCOME_RATE',
    fr: 'Bénéficiaires d’un revenu minimum pour 1 000 habitants de 18 à 64 ans',
    nl: 'Gerechtigden op een minimuminkomen per 1 000 inwoners van 18 tot 64 jaar',
    en: 'Minimum-income recipients per 1,000 residents aged 18 to 64',
    num: 'DEMO_MIN_INC',
    den: 'DEMO_POP_18_64',
    factor: 1000,
    theme: 'poverty',
    comparability: 'B',
  },
  {
    code: 'DEMO_MEDIAN_INCOME',
    fr: 'Revenu médian (mesure nationale de chaque côté)',
    nl: 'Mediaan inkomen (nationale maatstaf aan elke kant)',
    en: 'Median income (each side’s national measure)',
    num: 'DEMO_INC_MED',
    den: null,
    factor: 1,
    theme: 'income',
    comparability: 'C',
  },
] as const;

/** A number in [0, 1) drawn from a code, the same at every seeding. */
const draw = (key: string) => createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;

export const seedObservatory: DemoSeeder = async (trx, orgs, users) => {
  // The official definitions of migration 0036, gone when the demo database was wiped.
  await ensureOfficialDefinitions(trx);
  const org = orgs['provincie-wvl'];
  if (!org) return;
  // The demo network's municipalities (not the departments, provinces or countries above them), as stored.
  const demo = DEMO_TERRITORIES.map((t) => t.code).filter((c) =>
    /^(FR-[0-9][0-9AB][0-9]{3}|BE-[0-9]{5})$/.test(c),
  );
  const territories = await trx
    .selectFrom('territories')
    .select(['code', 'country', 'population'])
    .where('code', 'in', demo)
    .execute();
  if (territories.length === 0) return;
  const ids = new Map<string, string>();
  for (const e of ELEMENTS) {
    const row = await trx
      .insertInto('obs_data_elements')
      .values({
        org_id: null,
        code: e.code,
        label_fr: `${e.fr} (démo)`,
        label_nl: `${e.nl} (demo)`,
        label_en: `${e.en} (demo)`,
        unit: e.unit,
        theme: e.theme,
        aggregation: e.aggregation,
        source: SOURCE,
        licence: 'CC0 (données inventées)',
        comparability: e.comparability,
        caveats_fr: e.caveats?.[0] ?? null,
        caveats_nl: e.caveats?.[1] ?? null,
        caveats_en: e.caveats?.[2] ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(e.code, row.id);
  }
  for (const i of INDICATORS)
    await trx
      .insertInto('obs_indicators')
      .values({
        org_id: null,
        code: i.code,
        // Named as the demo's, so that no list shows it beside the official indicator under one label.
        label_fr: `${i.fr} (démo)`,
        label_nl: `${i.nl} (demo)`,
        label_en: `${i.en} (demo)`,
        numerator_id: ids.get(i.num)!,
        denominator_id: i.den ? ids.get(i.den)! : null,
        factor: i.factor,
        theme: i.theme,
        comparability: i.comparability,
        definition_fr: 'Indicateur du jeu de démonstration : ses valeurs sont inventées.',
        definition_nl: 'Indicator van de demodataset: de waarden zijn verzonnen.',
        definition_en: 'Demo dataset indicator: its values are invented.',
      })
      .execute();

  const rows: ValueRow[] = [];
  const put = (
    element: string,
    geo: string,
    period: string,
    value: number | null,
    secret = false,
    disaggregation = 'total',
  ) =>
    rows.push({
      element_id: ids.get(element)!,
      geo_code: geo,
      period,
      disaggregation,
      vintage: VINTAGE,
      value,
      secret,
      org_id: org,
      import_id: '',
    });
  // Recorded once the values are known, with their number.
  const recordImport = () =>
    trx
      .insertInto('obs_imports')
      .values({
        org_id: org,
        format: 'demo',
        filename: 'jeu-de-demonstration.csv',
        checksum: createHash('sha256').update(`${SOURCE}|${VINTAGE}`).digest('hex'),
        vintage: VINTAGE,
        geo_vintage: null,
        mapping: JSON.stringify({ demo: true }),
        value_count: rows.length,
        imported_by: users.analyst ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  for (const t of territories) {
    const r = (k: string) => draw(`${t.code}|${k}`);
    const pop = t.population ?? Math.round(8000 + r('pop') * 90000);
    const adults = Math.round(pop * (0.58 + r('adults') * 0.06));
    // The smallest municipalities have few recipients: their count is suppressed on the map.
    const minInc = Math.round(
      adults * (t.country === 'FR' ? 0.035 + r('min') * 0.06 : 0.012 + r('min') * 0.03),
    );
    const families = Math.round(pop * (0.11 + r('fam') * 0.03));
    const single = Math.round(families * (0.16 + r('mono') * 0.14));
    for (const [period, grow] of [
      ['2021', 0.99],
      ['2022', 1],
    ] as const) {
      put('DEMO_POP', t.code, period, Math.round(pop * grow));
      const adultsNow = Math.round(adults * grow);
      const adultWomen = Math.round(adultsNow * (0.49 + r('adultsF') * 0.03));
      put('DEMO_POP_18_64', t.code, period, adultsNow);
      put('DEMO_POP_18_64', t.code, period, adultWomen, false, 'sex:F');
      put('DEMO_POP_18_64', t.code, period, adultsNow - adultWomen, false, 'sex:M');
      // The source blurred one small commune's count (its own secrecy, kept hidden), by sex too.
      if (t.code === 'FR-59044')
        for (const d of ['total', 'sex:F', 'sex:M']) put('DEMO_MIN_INC', t.code, period, null, true, d);
      else {
        const recipients = Math.round(minInc * grow * (period === '2021' ? 1.04 : 1));
        const women = Math.round(recipients * (0.52 + r('minF') * 0.08));
        put('DEMO_MIN_INC', t.code, period, recipients);
        put('DEMO_MIN_INC', t.code, period, women, false, 'sex:F');
        put('DEMO_MIN_INC', t.code, period, recipients - women, false, 'sex:M');
      }
      put('DEMO_FAM', t.code, period, Math.round(families * grow));
      // Single-parent families grew a little faster than families (a series tile shows the rise).
      put('DEMO_FAM_MONO', t.code, period, Math.round(single * grow * (period === '2021' ? 0.96 : 1)));
    }
    // Median income: France's Filosofi comes a year earlier than Statbel's.
    if (t.country === 'FR') put('DEMO_INC_MED', t.code, '2021', Math.round(15500 + r('inc') * 11000));
    else put('DEMO_INC_MED', t.code, '2022', Math.round(23000 + r('inc') * 9000));
  }
  // Each side's national reference for the class-C measure.
  put('DEMO_INC_MED', 'FR', '2021', 23160);
  put('DEMO_INC_MED', 'BE', '2022', 29000);
  const imp = await recordImport();
  await insertValues(
    trx,
    rows.map((r) => ({ ...r, import_id: imp.id })),
  );
};
