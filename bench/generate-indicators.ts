import type { Engine } from '../src/server/platform/db/engine';

export interface IndicatorVolumes {
  persons: number;
  placements: number;
  attendance: number;
}

/**
 * A network-sized programme to count indicators on: `persons` fictional persons (names from syllables,
 * nothing real), 60% of them at the home partners of the demo programme `acronym` and the rest over the
 * other organisations; `placements` agreements in every status and of every length (most in the
 * programme, at its host sites, so some cross the border), `attendance` days recorded on them; pathways
 * (most in the programme) with mobility records, cross-border referrals, consents for network statistics
 * (one in ten of them withdrawn) and six-month outcomes. Set-based SQL as the owner with triggers off (audit
 * hashing millions of rows would measure the generator, not the platform).
 */
export async function generateIndicatorData(
  engine: Engine,
  acronym: string,
  v: IndicatorVolumes,
): Promise<string> {
  const ids = (await engine.rawQuery(
    `select pr.id as programme, (select u.id from users u where u.email = 'admin@samen.example') as admin
     from programmes pr where pr.acronym = $1`,
    [acronym],
  )) as Array<{ programme: string; admin: string }>;
  const { programme, admin } = ids[0] ?? {};
  if (!programme || !admin) throw new Error(`programme ${acronym} or the platform admin is missing`);
  const syllables = `array['ba','de','li','mo','nu','ra','se','ti','vo','za','ker','lan','mer','dor','vin','gal']`;
  const perPlacement = Math.ceil(v.attendance / Math.max(1, v.placements));
  await engine.execScript(`
    set session_replication_role = replica;
    create temporary table bench_home as
      select partner_org_id as id, row_number() over (order by partner_org_id) - 1 as n
      from programme_partners where programme_id = '${programme}' and role = 'partner';
    create temporary table bench_host as
      select pp.partner_org_id as id, o.country, row_number() over (order by pp.partner_org_id) - 1 as n
      from programme_partners pp join organisations o on o.id = pp.partner_org_id
      where pp.programme_id = '${programme}' and pp.role = 'operator';
    create temporary table bench_other as
      select id, country, row_number() over (order by id) - 1 as n from organisations o
      where not exists (select 1 from programme_partners pp
        where pp.programme_id = '${programme}' and pp.partner_org_id = o.id);

    insert into persons (org_id, first_name, last_name, birth_date, municipality_code, languages,
        preferred_language, benefit, participant_code)
      select case when i % 10 < 6 then (select id from bench_home where n = i % (select count(*) from bench_home))
               else (select id from bench_other where n = i % (select count(*) from bench_other)) end,
        initcap((${syllables})[1 + i % 16] || (${syllables})[1 + (i / 16) % 16]),
        initcap((${syllables})[1 + (i / 7) % 16] || (${syllables})[1 + (i / 113) % 16] || (${syllables})[1 + (i / 1789) % 16]),
        date '1960-01-01' + ((i * 37) % 15000)::int,
        case when i % 3 = 0 then 'FR-59512' else 'BE-57096' end,
        '{"fr": "C1"}'::jsonb, 'fr',
        (array['rsa','ris','equivalent_aid','leefloon','none','none'])[1 + i % 6],
        -- One person in fifty is followed by two partners: the same code twice.
        (select upper(substr(h, 1, 4) || '-' || substr(h, 5, 4) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4))
          from md5((case when i % 50 = 1 then i - 1 else i end)::text) as h)
      from generate_series(1, ${v.persons}) as i;
    create temporary table bench_persons as
      select id, org_id, (row_number() over (order by org_id in (select id from bench_home) desc, id))::int as k
      from persons;

    -- Placements of the home partners' persons: four in five in the programme, at one of its host sites
    -- (some across the border); the rest outside any programme. Every status, 30 to 210 days, starting from September 2024.
    insert into placements (org_id, person_id, host_org_id, programme_id, status, site_name, municipality_code,
        tasks, schedule, hours_per_week, starts_on, ends_on, ended_on, referent_user_id, language, shared_fields,
        override_reason, created_by)
      select p.org_id, p.id, h.id, case when p.k % 5 <> 0 then '${programme}'::uuid end,
        (array['draft','awaiting_signatures','validated','active','completed','completed','interrupted',
          'cancelled','active'])[1 + p.k % 9],
        'Site ' || p.k, 'FR-59512', 'Entretien des espaces verts', 'lun-ven 8h-16h', 30,
        date '2024-09-02' + (p.k % 1000)::int, date '2024-09-02' + (p.k % 1000)::int + 30 + (p.k * 7) % 180,
        case when p.k % 9 = 6 then date '2024-09-02' + (p.k % 1000)::int + 20 + (p.k * 3) % 60 end,
        '${admin}'::uuid, 'fr', array['identity'], 'bench data', '${admin}'::uuid
      from bench_persons p
      join bench_host h on h.n = p.k % (select count(*) from bench_host) and h.id <> p.org_id
      where p.k <= ${v.placements};

    insert into placement_attendance (org_id, host_org_id, author_org_id, placement_id, day, planned_hours, status, hours,
        recorded_by)
      select p.org_id, p.host_org_id, p.org_id, p.id, p.starts_on + d, 7,
        (array['present','present','present','justified_absence','unjustified_absence','not_planned'])[1 + d % 6],
        case when d % 6 < 3 then 7 end, '${admin}'::uuid
      from (select *, row_number() over (order by id) as r from placements pl
        where not exists (select 1 from placement_attendance a where a.placement_id = pl.id)) p,
        generate_series(0, ${perPlacement - 1}) as d
      where (p.r - 1) * ${perPlacement} + d < ${v.attendance};

    insert into placement_outcomes (org_id, placement_id, kind, observed_on, situation, contract_type, recorded_by)
      select p.org_id, p.id, 'six_months', coalesce(p.ended_on, p.ends_on) + 182,
        (array['job','training','no_change','continued_activation'])[1 + get_byte(decode(md5(p.id::text), 'hex'), 0) % 4],
        case when get_byte(decode(md5(p.id::text), 'hex'), 0) % 4 = 0 then 'permanent' end, '${admin}'::uuid
      from placements p where p.status in ('completed', 'interrupted')
        and not exists (select 1 from placement_outcomes o where o.placement_id = p.id and o.kind = 'six_months');

    -- Pathways: one per person at a home partner, two in three in the programme, a third of them closed.
    insert into pathways (org_id, person_id, programme_id, modules, entry_on, exit_on)
      select p.org_id, p.id, case when p.k % 3 <> 0 then '${programme}'::uuid end, array['placement'],
        date '2024-06-03' + (p.k % 1200)::int,
        case when p.k % 3 = 1 then date '2024-06-03' + (p.k % 1200)::int + 90 + p.k % 200 end
      from bench_persons p where p.org_id in (select id from bench_home);
    insert into pathway_mobility (org_id, pathway_id, recorded_on, radius_km, crossed_border)
      select pw.org_id, pw.id, pw.entry_on + 30, 10 + r % 40, r % 3 = 0
      from (select *, row_number() over (order by id) as r from pathways) pw where pw.r % 4 = 0;

    -- Referrals from every home partner's persons to an organisation of either country.
    insert into referrals (org_id, person_id, recipient_org_id, purpose, fields, status, override_reason,
        sent_by, decided_at, created_at)
      select p.org_id, p.id, o.id, 'referral', array['identity'],
        (array['sent','accepted','done','revoked'])[1 + p.k % 4], 'bench data', '${admin}'::uuid,
        case when p.k % 4 in (1, 2) then timestamptz '2025-01-10' + (p.k % 900) * interval '1 day' end,
        timestamptz '2025-01-03' + (p.k % 900) * interval '1 day'
      from bench_persons p join bench_other o on o.n = p.k % (select count(*) from bench_other)
      where p.k % 7 = 0 and p.org_id in (select id from bench_home);

    insert into consents (org_id, person_id, purpose, data_categories, given_by, given_on, recorded_by,
        withdrawn_on)
      select p.org_id, p.id, 'network_statistics', array['identity'], 'person', date '2025-01-02',
        '${admin}'::uuid, case when p.k % 50 = 0 then date '2025-06-02' end
      from bench_persons p where p.k % 5 = 0;

    drop table bench_home, bench_host, bench_other, bench_persons;
    set session_replication_role = origin;
    analyze;
  `);
  return programme;
}
