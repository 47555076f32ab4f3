// Placement offers at the host sites, placements of the home organisations' persons (four in five of the
// programme partners' ones in the programme, at its operators) in every status, and attendance days
// (weekdays from the start) on the placements that began.
import { OFFER_SECTORS } from '../../src/common/placements/offer-schemas';
import type { Engine } from '../../src/server/platform/db/engine';
import { bulk, name, pick, rnd, uid, W } from './sql';

// Every sector but 'other', so generated offers spread over the real ones.
const SECTORS = OFFER_SECTORS.filter((x) => x !== 'other');
const TITLES_FR = [
  'Entretien des espaces verts',
  'Aide en cuisine',
  'Magasinier',
  'Agent de tri',
  'Vendeur en ressourcerie',
  'Aide ménager',
];
const TITLES_NL = [
  'Groenonderhoud',
  'Keukenhulp',
  'Magazijnier',
  'Sorteerder',
  'Verkoper kringwinkel',
  'Huishoudhulp',
];

export async function generatePlacements(
  engine: Engine,
  seed: number,
  v: { offers: number; placements: number; persons: number; attendance: number },
  ids: { programme: string; admin: string },
) {
  const r = (tag: string, i = 'j') => rnd(seed, tag, i);
  const stride = Math.max(1, Math.floor(v.persons / Math.max(1, v.placements)));
  await engine.execScript(
    bulk(`
    create table ${W}.hosts as select id, country, region, muni, name, (row_number() over (order by n) - 1)::int as i
      from ${W}.orgs where kind = 'host_site';
    create table ${W}.operators as select o.id, o.country, o.region, o.muni, o.name, (row_number() over (order by o.n) - 1)::int as i
      from programme_partners pp join ${W}.orgs o on o.id = pp.partner_org_id
      where pp.programme_id = '${ids.programme}' and pp.role = 'operator';
    create table ${W}.first_user as select distinct on (org_id) org_id, user_id from memberships order by org_id, user_id;
    analyze ${W}.hosts; analyze ${W}.operators; analyze ${W}.first_user;

    insert into placement_offers (id, org_id, site_name, municipality_code, sector, title_fr, title_nl, tasks_fr, positions,
        starts_on, ends_on, schedule, hours_per_week, language_code, language_level, status, created_at, updated_at)
      select ${uid(seed, 'offer', 'j')}, h.id, 'Site ' || ${name(r('osite'))}, h.muni, ${pick(SECTORS, r('osec'))},
        ${pick(TITLES_FR, r('otit'))}, ${pick(TITLES_NL, r('otit'))}, 'Tâches encadrées par un tuteur.', 1 + ${r('opos')} % 4,
        st.s, st.s + 7 * (8 + ${r('olen')} % 20) - 3, 'lun-ven 8h-16h', 19 + ${r('ohrs')} % 20,
        l.code, case when l.code is not null then ${pick(['A2', 'B1', 'B2'], r('olvl'))} end,
        case when ${r('oopen')} % 7 = 0 then 'closed' else 'open' end,
        timestamptz '2026-06-01', timestamptz '2026-06-01'
      from generate_series(1, ${v.offers}) as j
      join ${W}.hosts h on h.i = ${r('ohost')} % (select count(*) from ${W}.hosts)
      cross join lateral (select date '2026-12-07' + 7 * (${r('ostart')} % 30) as s,
        case when ${r('olang')} % 2 = 0 then null when h.region = 'BE-VLG' then 'nl' else 'fr' end as code) as st
      cross join lateral (select st.code) as l (code);

    -- Status shares: 5 draft, 5 awaiting signatures, 2 home review, 3 host validation, 5 validated,
    -- 25 active, 40 completed, 10 interrupted, 5 cancelled (per hundred).
    create table ${W}.placements as
      select j, ${uid(seed, 'placement', 'j')} as id, p.id as person_id, p.org_id, p.referent, p.region,
        case when p.org_id in (select id from ${W}.partners) and ${r('pprog')} % 5 <> 0 then '${ids.programme}'::uuid end as programme_id,
        case when s.x < 5 then 'draft' when s.x < 10 then 'awaiting_signatures' when s.x < 12 then 'home_review'
          when s.x < 15 then 'host_validation' when s.x < 20 then 'validated' when s.x < 45 then 'active'
          when s.x < 85 then 'completed' when s.x < 95 then 'interrupted' else 'cancelled' end as status,
        ${r('phost')} as hr, ${r('pdate')} as dr, ${r('plen')} as lr
      from generate_series(1, ${v.placements}) as j
      join ${W}.persons p on p.k = 1 + ((j - 1) * ${stride}) % ${v.persons}
      cross join lateral (select ${r('pstat')} % 100 as x) s;
    analyze ${W}.placements;
    insert into placements (id, org_id, person_id, host_org_id, programme_id, status, site_name, municipality_code, tasks,
        schedule, hours_per_week, starts_on, ends_on, ended_on, referent_user_id, language, shared_fields,
        override_reason, created_by, validated_at, activated_at, created_at, updated_at)
      select pl.id, pl.org_id, pl.person_id, h.id, pl.programme_id, pl.status, 'Site ' || h.name, h.muni,
        'Travaux encadrés par le tuteur du site', 'lun-ven 8h-16h', 19 + pl.lr % 20, d.s, d.s + 7 * (8 + pl.lr % 26) - 3,
        case when pl.status = 'interrupted' then d.s + 7 * (2 + pl.lr % 6) end,
        coalesce(pl.referent, fu.user_id, '${ids.admin}'::uuid), case when pl.region = 'BE-VLG' then 'nl' else 'fr' end,
        array['identity','contact','languages'], 'Données de banc fictives', coalesce(pl.referent, fu.user_id, '${ids.admin}'::uuid),
        case when pl.status in ('validated','active','completed','interrupted') then d.s - 10 end,
        case when pl.status in ('active','completed','interrupted') then d.s end,
        d.s - 30, d.s - 30
      from ${W}.placements pl
      left join ${W}.operators op on pl.programme_id is not null
        and op.i = pl.hr % (select count(*) from ${W}.operators)
      left join ${W}.hosts hh on pl.programme_id is null and hh.i = pl.hr % (select count(*) from ${W}.hosts)
      cross join lateral (select coalesce(op.id, hh.id) as id, coalesce(op.muni, hh.muni) as muni, coalesce(op.name, hh.name) as name) h
      left join ${W}.first_user fu on fu.org_id = pl.org_id
      cross join lateral (select case
          when pl.status in ('draft','awaiting_signatures','home_review','host_validation','validated')
            then date '2027-01-04' + 7 * (pl.dr % 16)
          when pl.status = 'active' then date '2026-06-01' + 7 * (pl.dr % 26)
          else date '2023-01-02' + 7 * (pl.dr % 180) end as s) d;

    -- Attendance: the same number of weekdays on every placement that began, until the target is reached.
    -- Recorded by the home's referent: the home side is the author (migration 0076).
    insert into placement_attendance (org_id, host_org_id, author_org_id, placement_id, day, planned_hours, status, hours, recorded_by, created_at, updated_at)
      select p.org_id, p.host_org_id, p.org_id, p.id, p.starts_on + (d / 5) * 7 + d % 5, 7, a.status,
        case when a.status = 'present' then 7 end, p.referent_user_id, p.starts_on + (d / 5) * 7 + d % 5,
        p.starts_on + (d / 5) * 7 + d % 5
      from (select pl.*, row_number() over (order by pl.id) as rn, count(*) over () as n from placements pl
            join ${W}.placements w on w.id = pl.id
            where pl.status in ('active','completed','interrupted')) p
      cross join lateral generate_series(0, ceil(${v.attendance}::numeric / p.n)::int - 1) as d
      cross join lateral (select case when (p.rn * 7 + d * 13 + ${seed}) % 100 < 80 then 'present'
          when (p.rn * 7 + d * 13 + ${seed}) % 100 < 88 then 'justified_absence'
          when (p.rn * 7 + d * 13 + ${seed}) % 100 < 93 then 'unjustified_absence' else 'not_planned' end as status) a
      where (p.rn - 1) * ceil(${v.attendance}::numeric / p.n) + d < ${v.attendance};
  `),
  );
}
