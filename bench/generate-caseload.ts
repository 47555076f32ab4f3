import type { Engine } from '../src/server/platform/db/engine';

/**
 * A network-sized caseload: `persons` fictional persons (names built from syllables, nothing real) over
 * the organisations, `inMouscron` of them in CPAS Mouscron of whom half followed by its demo referent,
 * and `placements` agreements in every status. Inserted as the owner with triggers off (audit hashing
 * 250,000 rows would measure the generator, not the platform).
 */
export async function generateCaseload(
  engine: Engine,
  opts: { persons: number; placements: number; inMouscron: number },
): Promise<void> {
  const ids = (await engine.rawQuery(
    `select (select o.id from organisations o where o.email = 'contact@cpas-mouscron.example') as mouscron,
       (select o.id from organisations o where o.email = 'contact@atelier-roubaix.example') as host,
       (select o.id from organisations o where o.email = 'contact@werkplaats-kortrijk.example') as host2,
       (select u.id from users u where u.email = 'referent@cpas-mouscron.example') as referent,
       (select u.id from users u where u.email = 'admin@samen.example') as admin`,
    [],
  )) as Array<{ mouscron: string; host: string; host2: string; referent: string; admin: string }>;
  const { mouscron, host, host2, referent, admin } = ids[0]!;
  const syllables = `array['ba','de','li','mo','nu','ra','se','ti','vo','za','ker','lan','mer','dor','vin','gal']`;
  await engine.execScript(`
    set session_replication_role = replica;
    create temporary table bench_orgs as
      select id, row_number() over (order by id) as n from organisations where id <> '${mouscron}';
    insert into persons (org_id, first_name, last_name, birth_date, municipality_code, languages,
        preferred_language, benefit, participant_code, referent_user_id)
      select case when i <= ${opts.inMouscron} then '${mouscron}'::uuid
               else (select id from bench_orgs where n = 1 + i % (select count(*) from bench_orgs)) end,
        initcap((${syllables})[1 + i % 16] || (${syllables})[1 + (i / 16) % 16]),
        initcap((${syllables})[1 + (i / 7) % 16] || (${syllables})[1 + (i / 113) % 16] || (${syllables})[1 + (i / 1789) % 16]),
        date '1960-01-01' + ((i * 37) % 15000)::int,
        case when i % 3 = 0 then 'FR-59512' else 'BE-57096' end,
        '{"fr": "C1"}'::jsonb, 'fr', case when i % 2 = 0 then 'ris' else 'rsa' end,
        upper(substr(md5(i::text), 1, 4) || '-' || substr(md5(i::text), 5, 4) || '-' || substr(md5(i::text), 9, 4)
          || '-' || substr(md5(i::text), 13, 4)),
        case when i <= ${opts.inMouscron} and i % 2 = 0 then '${referent}'::uuid else null end
      from generate_series(1, ${opts.persons}) as i;
    insert into placements (org_id, person_id, host_org_id, status, site_name, municipality_code, tasks, schedule,
        hours_per_week, starts_on, ends_on, referent_user_id, language, shared_fields, override_reason, created_by)
      select p.org_id, p.id, case when p.org_id in ('${host}', '${host2}') then '${mouscron}'::uuid
          else (array['${host}', '${host2}']::uuid[])[1 + k % 2] end,
        (array['draft','awaiting_signatures','home_review','host_validation','validated','active','completed',
          'interrupted','cancelled'])[1 + k % 9],
        'Site ' || k, 'FR-59512', 'Entretien des espaces verts', 'lun-ven 8h-16h', 30,
        date '2026-01-05' + (k % 300)::int, date '2026-01-05' + (k % 300)::int + 120,
        coalesce(p.referent_user_id, '${admin}'::uuid), 'fr', array['identity'], 'bench data', '${admin}'::uuid
      from (select id, org_id, referent_user_id, row_number() over (order by org_id <> '${mouscron}', id) as k
            from persons) p
      where p.k <= ${opts.placements};
    set session_replication_role = origin;
    analyze persons;
    analyze placements;
  `);
}
