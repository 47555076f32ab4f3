import type { DemoSeeder } from '../../platform/demo';
import './boards/tables';

/**
 * The demo's joint board, published: poverty and families over the Eurométropole, on the demo dataset's
 * indicators (invented values), owned by the West-Vlaanderen province whose analyst imported them; with a
 * ranking, a series over the periods, and two partners' policy follow-up (invented decisions).
 */
const TILES = [
  ['DEMO_MIN_INCOME_RATE', 'map'],
  ['DEMO_SINGLE_PARENT_SHARE', 'map'],
  ['DEMO_MEDIAN_INCOME', 'table'],
  ['DEMO_MIN_INCOME_RATE', 'ranking'],
  ['DEMO_SINGLE_PARENT_SHARE', 'series'],
] as const;

export const seedObservatoryBoards: DemoSeeder = async (trx, orgs, users) => {
  const org = orgs['provincie-wvl'];
  if (!org) return;
  const indicators = await trx
    .selectFrom('obs_indicators')
    .select(['id', 'code'])
    .where(
      'code',
      'in',
      TILES.map(([c]) => c),
    )
    .execute();
  if (indicators.length !== new Set(TILES.map(([c]) => c)).size) return;
  const board = await trx
    .insertInto('obs_boards')
    .values({
      org_id: org,
      code: 'pauvrete-familles',
      title_fr: 'Pauvreté et familles',
      title_nl: 'Armoede en gezinnen',
      description_fr:
        'Tableau de bord commun de l’Eurométropole (démonstration : valeurs fictives). Revenu minimum, familles monoparentales et revenu médian, des deux côtés de la frontière.',
      description_nl:
        'Gezamenlijke boordtabel van de Eurometropool (demo: fictieve waarden). Minimuminkomen, eenoudergezinnen en mediaan inkomen, aan beide kanten van de grens.',
      theme: 'poverty',
      group_code: 'eurometropole',
      period: null,
      published_at: new Date(),
      created_by: users.analyst ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ids = new Map(indicators.map((i) => [i.code, i.id]));
  await trx
    .insertInto('obs_board_tiles')
    .values(
      TILES.map(([code, kind], position) => ({
        board_id: board.id,
        org_id: org,
        position,
        indicator_id: ids.get(code)!,
        kind,
      })),
    )
    .execute();
  // One French and one Belgian partner's answer to the board, each in its own language.
  const followups = [
    {
      org: orgs['ccas-tourcoing'],
      decided_on: '2025-11-18',
      title: 'Permanence d’accès aux droits dans les quartiers au taux de revenu minimum le plus élevé',
      decision:
        'Le conseil d’administration du CCAS ouvre une permanence hebdomadaire d’accès aux droits dans deux quartiers.\nBilan prévu après un an, à la lecture de l’indicateur sur la période suivante.',
      language: 'fr',
      status: 'in_progress',
      indicator: 'DEMO_MIN_INCOME_RATE',
      by: users.analyst_tourcoing ?? null,
    },
    {
      org: orgs['ocmw-kortrijk'],
      decided_on: '2026-02-05',
      title: 'Extra begeleiding voor eenoudergezinnen bij de zoektocht naar kinderopvang',
      decision: 'De raad voor maatschappelijk welzijn keurt een proefproject van twee jaar goed.',
      language: 'nl',
      status: 'planned',
      indicator: 'DEMO_SINGLE_PARENT_SHARE',
      by: null,
    },
  ];
  for (const f of followups)
    if (f.org)
      await trx
        .insertInto('obs_board_followups')
        .values({
          board_id: board.id,
          org_id: f.org,
          decided_on: f.decided_on,
          title: f.title,
          decision: f.decision,
          language: f.language,
          status: f.status,
          indicator_id: ids.get(f.indicator) ?? null,
          created_by: f.by,
        })
        .execute();
};
