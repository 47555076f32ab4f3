import type { DemoSeeder } from '../../platform/demo';
import './boards/tables';

/**
 * The demo's joint board, published: poverty and families over the Eurométropole, on the demo dataset's
 * indicators (invented values), owned by the West-Vlaanderen province whose analyst imported them.
 */
const TILES = [
  ['DEMO_MIN_INCOME_RATE', 'map'],
  ['DEMO_SINGLE_PARENT_SHARE', 'map'],
  ['DEMO_MEDIAN_INCOME', 'table'],
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
  if (indicators.length !== TILES.length) return;
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
};
