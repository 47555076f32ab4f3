import type { Engine } from '../src/server/platform/db/engine';

/** Synthetic directory services (FR/NL text from word lists) spread over the generated organisations. */
export async function generateServices(engine: Engine, count: number): Promise<number> {
  const cols = (await engine.rawQuery(
    `select column_name from information_schema.columns where table_name = 'services'`,
    [],
  )) as Array<{ column_name: string }>;
  if (!cols.length) return 0;
  await engine.rawQuery(
    `insert into services (org_id, title_fr, title_nl, description_fr, description_nl, theme, target_publics,
       languages, municipality_code, cross_border_access, published)
     select o.id,
       (array['Permanence dettes','Conseil logement','Club emploi','Écoute santé mentale','Interprète social',
         'Coaching mobilité','Aide alimentaire','Cours de néerlandais'])[1 + i % 8] || ' ' || i,
       (array['Schuldenpermanentie','Woonadvies','Jobclub','Luisterpunt geestelijke gezondheid','Sociaal tolk',
         'Mobiliteitscoaching','Voedselhulp','Cursus Frans'])[1 + i % 8] || ' ' || i,
       'Accompagnement pour les habitants des deux côtés de la frontière : dettes, logement, emploi, santé. Service ' || i,
       'Begeleiding voor inwoners aan beide kanten van de grens: schulden, huisvesting, werk, gezondheid. Dienst ' || i,
       (array['debt_budget','housing','employment','mental_health','refugees_migrants','mobility','food_aid',
         'language_courses'])[1 + i % 8],
       array['all'], array['fr','nl'],
       case when i % 2 = 0 then 'FR-59512' else 'BE-34022' end,
       (array['open_to_all','residents_both_countries','on_referral'])[1 + i % 3],
       i % 10 <> 0
     from generate_series(1, $1::int) as i
     join lateral (select id from organisations order by id offset (i % 400) limit 1) o on true`,
    [count],
  );
  return count;
}
