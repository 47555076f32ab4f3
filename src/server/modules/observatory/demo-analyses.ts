import type { Tx } from '../../platform/db/context';
import type { DemoSeeder } from '../../platform/demo';
import { copyVersion } from './analyses/store';
import './analyses/tables';

/**
 * Two partners' local analyses, version 1 published and version 2 started as its copy: the Tourcoing
 * CCAS's analyse des besoins sociaux and the Kortrijk OCMW's sociale omgevingsanalyse, each on its own
 * municipality, over the demo dataset's indicators (invented values). The texts are fictional.
 */

interface Section {
  theme: string;
  fr: [string, string];
  nl: [string, string];
  tile?: [string, 'map' | 'table'];
}

interface Analysis {
  org: string;
  /** The demo account that wrote it; none for the OCMW (its analysis came from the city's own team). */
  author: string | null;
  title: [string, string];
  publishedAt: string;
  note: string;
  sections: Section[];
}

const ANALYSES: Analysis[] = [
  {
    org: 'ccas-tourcoing',
    author: 'analyst_tourcoing',
    title: ['Analyse des besoins sociaux 2026', 'Analyse van de sociale noden 2026'],
    publishedAt: '2026-10-15T09:00:00.000Z',
    note: 'Présentée au conseil d’administration du CCAS le 14 octobre 2026 (démonstration).',
    sections: [
      {
        theme: 'general',
        fr: [
          'Introduction et méthode',
          'Cette analyse des besoins sociaux ouvre le mandat municipal 2026-2032, comme le prévoit le décret n° 2016-824.\n\nElle croise les indicateurs de l’observatoire transfrontalier avec les constats des travailleurs sociaux du CCAS et des associations partenaires, réunis en trois ateliers au printemps. Les chiffres présentés ici sont ceux du jeu de démonstration : ils sont fictifs.',
        ],
        nl: [
          'Inleiding en methode',
          'Deze analyse van de sociale noden opent de gemeentelijke legislatuur 2026-2032, zoals het decreet nr. 2016-824 voorschrijft.\n\nZe kruist de indicatoren van het grensoverschrijdende observatorium met de vaststellingen van de maatschappelijk werkers van het CCAS en de partnerverenigingen, in drie workshops in het voorjaar. De cijfers zijn die van de demodataset: ze zijn fictief.',
        ],
      },
      {
        theme: 'poverty',
        fr: [
          'Pauvreté et minima sociaux',
          'La part des adultes qui vivent d’un minimum social reste nettement au-dessus de celle de la métropole. Les quartiers nord concentrent les premières demandes d’aide facultative.\n\nPiste retenue : un accueil commun avec la CAF deux matinées par semaine.',
        ],
        nl: [
          'Armoede en minimuminkomens',
          'Het aandeel volwassenen dat van een minimuminkomen leeft, blijft duidelijk boven dat van de metropool. De noordelijke wijken tellen de meeste eerste aanvragen voor aanvullende hulp.\n\nGekozen spoor: een gezamenlijk onthaal met de CAF, twee voormiddagen per week.',
        ],
        tile: ['DEMO_MIN_INCOME_RATE', 'map'],
      },
      {
        theme: 'family',
        fr: [
          'Familles monoparentales',
          'Une famille sur quatre environ est monoparentale ; la garde des enfants est le premier frein cité à la reprise d’un emploi.',
        ],
        nl: [
          'Eenoudergezinnen',
          'Ongeveer één gezin op vier is een eenoudergezin; kinderopvang is de eerste hinderpaal die genoemd wordt om weer aan het werk te gaan.',
        ],
        tile: ['DEMO_SINGLE_PARENT_SHARE', 'table'],
      },
      {
        theme: 'ageing',
        fr: [
          'Vieillissement et isolement',
          'Les visites de convivialité montrent un isolement croissant des personnes âgées vivant seules dans le parc privé ancien. Le CCAS propose d’étendre le repérage avec les bailleurs sociaux.',
        ],
        nl: [
          'Vergrijzing en vereenzaming',
          'De bezoeken aan huis tonen een groeiende vereenzaming van alleenwonende ouderen in oude private woningen. Het CCAS stelt voor de opsporing samen met de sociale huisvesters uit te breiden.',
        ],
      },
    ],
  },
  {
    org: 'ocmw-kortrijk',
    author: null,
    title: ['Analyse de l’environnement social de Courtrai', 'Sociale omgevingsanalyse Kortrijk'],
    publishedAt: '2026-06-30T10:00:00.000Z',
    note: 'Goedgekeurd door het bijzonder comité voor de sociale dienst (demo).',
    sections: [
      {
        theme: 'general',
        fr: [
          'Pourquoi cette analyse',
          'L’analyse de l’environnement social prépare le plan pluriannuel de la ville et du CPAS. Elle rassemble les chiffres disponibles et la parole des usagers. Chiffres fictifs de démonstration.',
        ],
        nl: [
          'Waarom deze analyse',
          'De sociale omgevingsanalyse bereidt het meerjarenplan van stad en OCMW voor. Ze brengt de beschikbare cijfers en de stem van de gebruikers samen. Fictieve democijfers.',
        ],
      },
      {
        theme: 'poverty',
        fr: [
          'Revenu d’intégration',
          'Le nombre de bénéficiaires du revenu d’intégration progresse surtout chez les jeunes adultes. Le CPAS renforce l’accompagnement vers l’emploi et les études.',
        ],
        nl: [
          'Leefloon',
          'Het aantal leefloongerechtigden stijgt vooral bij jongvolwassenen. Het OCMW versterkt de begeleiding naar werk en studie.',
        ],
        tile: ['DEMO_MIN_INCOME_RATE', 'table'],
      },
      {
        theme: 'income',
        fr: [
          'Revenus',
          'Le revenu médian reste supérieur à la moyenne belge, mais l’écart entre quartiers se creuse.',
        ],
        nl: [
          'Inkomens',
          'Het mediaan inkomen blijft boven het Belgische gemiddelde, maar de kloof tussen de wijken groeit.',
        ],
        tile: ['DEMO_MEDIAN_INCOME', 'table'],
      },
    ],
  },
];

async function seedOne(
  trx: Tx,
  org: string,
  author: string | null,
  a: Analysis,
  indicators: Map<string, string>,
) {
  const analysis = await trx
    .insertInto('obs_analyses')
    .values({ org_id: org, title_fr: a.title[0], title_nl: a.title[1], created_by: author })
    .returning('id')
    .executeTakeFirstOrThrow();
  const v1 = await trx
    .insertInto('obs_analysis_versions')
    .values({ analysis_id: analysis.id, org_id: org, number: 1, group_code: null, note: a.note })
    .returning(['id', 'analysis_id', 'org_id', 'group_code'])
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('obs_analysis_sections')
    .values(
      a.sections.map((s, position) => ({
        version_id: v1.id,
        org_id: org,
        position,
        theme: s.theme,
        heading_fr: s.fr[0],
        body_fr: s.fr[1],
        heading_nl: s.nl[0],
        body_nl: s.nl[1],
        indicator_id: s.tile ? (indicators.get(s.tile[0]) ?? null) : null,
        tile_kind: s.tile && indicators.has(s.tile[0]) ? s.tile[1] : null,
      })),
    )
    .execute();
  // Sections first, then the publication: a published version takes no more sections.
  await trx
    .updateTable('obs_analysis_versions')
    .set({ status: 'published', published_at: a.publishedAt, published_by: author })
    .where('id', '=', v1.id)
    .execute();
  await copyVersion(trx, v1, 2);
}

export const seedObservatoryAnalyses: DemoSeeder = async (trx, orgs, users) => {
  const indicators = new Map(
    (
      await trx.selectFrom('obs_indicators').select(['id', 'code']).where('code', 'like', 'DEMO_%').execute()
    ).map((i) => [i.code, i.id]),
  );
  for (const a of ANALYSES) {
    const org = orgs[a.org];
    if (org) await seedOne(trx, org, a.author ? (users[a.author] ?? null) : null, a, indicators);
  }
};
