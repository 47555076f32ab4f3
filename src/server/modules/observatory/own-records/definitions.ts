import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/context';

/**
 * The data elements samen computes from its own records (source 'samen', class A: the same records and rules
 * on both sides of the border), and for each an indicator of the count and, when the store holds a
 * population element, one per 1,000 inhabitants. Written by the recomputation when missing, never over a
 * definition already there (an administrator may have edited it).
 */

export const SAMEN_SOURCE = 'samen';

interface OwnElement {
  code: string;
  theme: string;
  label: [string, string, string];
  definition: [string, string, string];
}

export const OWN_ELEMENTS: readonly OwnElement[] = [
  {
    code: 'SAMEN_PERSONS_PATHWAY',
    theme: 'poverty',
    label: [
      'Personnes accompagnées dans un parcours (samen)',
      'Personen begeleid in een traject (samen)',
      'Persons supported on a pathway (samen)',
    ],
    definition: [
      'Personnes dont un parcours d’accompagnement était ouvert à un moment de l’année, comptées une fois (par code de participant), selon leur commune de résidence, tous les centres du réseau confondus.',
      'Personen met een begeleidingstraject dat ergens in het jaar open stond, één keer geteld (per deelnemerscode), volgens hun woonplaats, over alle centra van het netwerk.',
      'Persons with a support pathway open at some time in the year, counted once (by participant code), by municipality of residence, across every centre of the network.',
    ],
  },
  {
    code: 'SAMEN_PLACEMENTS',
    theme: 'employment',
    label: [
      'Mises en situation commencées (samen)',
      'Gestarte werkplekstages (samen)',
      'Placements begun (samen)',
    ],
    definition: [
      'Mises en situation professionnelle commencées dans l’année (en cours, terminées ou interrompues), selon la commune de résidence de la personne, tous les centres du réseau confondus.',
      'Werkplekstages die in het jaar begonnen (lopend, afgerond of onderbroken), volgens de woonplaats van de persoon, over alle centra van het netwerk.',
      'Work placements begun in the year (under way, completed or interrupted), by the person’s municipality of residence, across every centre of the network.',
    ],
  },
  {
    code: 'SAMEN_SERVICES',
    // The directory's social services: of the themes the boards know (OBS_THEMES), the closest.
    theme: 'poverty',
    label: [
      'Services du répertoire du réseau (samen)',
      'Diensten in de gids van het netwerk (samen)',
      'Services in the network directory (samen)',
    ],
    definition: [
      'Services publiés dans le répertoire du réseau, selon leur commune, à la date du calcul (le répertoire ne garde pas d’historique).',
      'Diensten gepubliceerd in de gids van het netwerk, volgens hun gemeente, op de datum van de berekening (de gids houdt geen geschiedenis bij).',
      'Services published in the network directory, by their municipality, on the day of the computation (the directory keeps no history).',
    ],
  },
];

export const OWN_CODES = OWN_ELEMENTS.map((e) => e.code);

const RATE_SUFFIX = '_PER_1000';
const CAVEATS: [string, string, string] = [
  'Compté à partir des dossiers des centres qui utilisent samen : ne couvre pas toute la population. Effectifs inférieurs à 5 masqués.',
  'Geteld uit de dossiers van de centra die samen gebruiken: dekt niet de hele bevolking. Aantallen onder 5 verborgen.',
  'Counted from the records of the centres that use samen: it does not cover the whole population. Counts under 5 hidden.',
];

/**
 * The population element a rate is computed on: a count of the population theme, the one whose values
 * cover the most countries, then the most territories (the demo's on both sides, else INSEE or Statbel).
 */
async function populationElement(trx: Tx): Promise<string | null> {
  const row = await trx
    .selectFrom('obs_data_elements as e')
    .innerJoin('obs_values as v', 'v.element_id', 'e.id')
    .select('e.id')
    .where('e.theme', '=', 'population')
    .where('e.unit', '=', 'count')
    .where('e.aggregation', '=', 'sum')
    .groupBy('e.id')
    .orderBy(sql`count(distinct substr(v.geo_code, 1, 2))`, 'desc')
    .orderBy(sql`count(distinct v.geo_code)`, 'desc')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Writes the missing definitions; answers the elements' ids by code. */
export async function ensureOwnDefinitions(trx: Tx): Promise<Map<string, string>> {
  for (const e of OWN_ELEMENTS)
    await trx
      .insertInto('obs_data_elements')
      .values({
        org_id: null,
        code: e.code,
        label_fr: e.label[0],
        label_nl: e.label[1],
        label_en: e.label[2],
        definition_fr: e.definition[0],
        definition_nl: e.definition[1],
        definition_en: e.definition[2],
        unit: 'count',
        theme: e.theme,
        aggregation: 'sum',
        source: SAMEN_SOURCE,
        licence: null,
        comparability: 'A',
        caveats_fr: CAVEATS[0],
        caveats_nl: CAVEATS[1],
        caveats_en: CAVEATS[2],
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  const rows = await trx
    .selectFrom('obs_data_elements')
    .select(['id', 'code', 'source'])
    .where('code', 'in', OWN_CODES)
    .execute();
  // A code an organisation took before is not samen's: its values are never written over.
  const ids = new Map(rows.filter((r) => r.source === SAMEN_SOURCE).map((r) => [r.code, r.id]));
  const population = await populationElement(trx);
  for (const e of OWN_ELEMENTS) {
    const id = ids.get(e.code);
    if (!id) continue;
    const common = {
      org_id: null,
      numerator_id: id,
      theme: e.theme,
      comparability: 'A',
      definition_fr: e.definition[0],
      definition_nl: e.definition[1],
      definition_en: e.definition[2],
      caveats_fr: CAVEATS[0],
      caveats_nl: CAVEATS[1],
      caveats_en: CAVEATS[2],
    };
    await trx
      .insertInto('obs_indicators')
      .values({ ...common, code: e.code, label_fr: e.label[0], label_nl: e.label[1], label_en: e.label[2] })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    if (population)
      await trx
        .insertInto('obs_indicators')
        .values({
          ...common,
          code: `${e.code}${RATE_SUFFIX}`,
          label_fr: `${e.label[0]} pour 1 000 habitants`,
          label_nl: `${e.label[1]} per 1.000 inwoners`,
          label_en: `${e.label[2]} per 1,000 inhabitants`,
          denominator_id: population,
          factor: 1000,
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
  }
  return ids;
}
