// Directory services of the network's organisations, in French and Dutch, nine in ten published.
import type { Engine } from '../../src/server/platform/db/engine';
import { bulk, name, pick, rnd, uid, W } from './sql';

const THEMES = [
  'debt_budget',
  'housing',
  'employment',
  'mental_health',
  'refugees_migrants',
  'mobility',
  'food_aid',
  'language_courses',
  'health',
  'legal_rights',
];
const FR = [
  'Permanence dettes',
  'Conseil logement',
  'Club emploi',
  'Écoute santé mentale',
  'Accueil des nouveaux arrivants',
  'Coaching mobilité',
  'Aide alimentaire',
  'Cours de néerlandais',
  'Consultation santé',
  'Permanence juridique',
];
const NL = [
  'Schuldenpermanentie',
  'Woonadvies',
  'Jobclub',
  'Luisterpunt geestelijke gezondheid',
  'Onthaal nieuwkomers',
  'Mobiliteitscoaching',
  'Voedselhulp',
  'Cursus Frans',
  'Gezondheidsconsult',
  'Juridische permanentie',
];

export async function generateServices(engine: Engine, seed: number, count: number) {
  const r = (tag: string, i = 'j') => rnd(seed, tag, i);
  await engine.execScript(
    bulk(`
    insert into services (id, org_id, title_fr, title_nl, description_fr, description_nl, theme, target_publics, languages,
        municipality_code, cross_border_access, email, published, created_at, updated_at)
      select ${uid(seed, 'service', 'j')}, o.id, ${pick(FR, 't.x')} || ' ' || ${name(r('sn'))}, ${pick(NL, 't.x')} || ' ' || ${name(r('sn'))},
        'Accompagnement pour les habitants des deux côtés de la frontière : dettes, logement, emploi, santé.',
        'Begeleiding voor inwoners aan beide kanten van de grens: schulden, huisvesting, werk, gezondheid.',
        ${pick(THEMES, 't.x')}, ${pick(['{all}', '{minimum_income}', '{jobseekers,young_people}', '{families}', '{refugees_migrants}'], r('stp'))}::text[],
        case when o.region = 'BE-VLG' then array['nl','fr'] else array['fr'] end, o.muni,
        ${pick(['open_to_all', 'residents_both_countries', 'on_referral', 'residents_only'], r('scb'))},
        'service-' || j || '@reseau-samen.example', ${r('spub')} % 10 <> 0,
        timestamptz '2025-01-01', timestamptz '2025-01-01'
      from generate_series(1, ${count}) as j
      join (select id, region, muni, (row_number() over (order by n) - 1)::int as i from ${W}.orgs where not demo) o
        on o.i = ${r('sorg')} % (select count(*) from ${W}.orgs where not demo)
      cross join lateral (select ${r('sth')} as x) t;
  `),
  );
}
