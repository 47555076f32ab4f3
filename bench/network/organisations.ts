// Organisations on both sides of the border and their users: CCAS (FR), CPAS (Wallonia) and OCMW
// (Flanders), associations, host sites and service providers, each user a member with roles fitting the
// organisation. Work tables in bench_net map ordinal numbers to ids for the later steps.
import type { Engine } from '../../src/server/platform/db/engine';
import { bulk, name, pick, rnd, uid, W } from './sql';

export interface OrgCounts {
  organisations: number;
  users: number;
}

/**
 * bench_net.muni: municipalities with a centroid per country (the built-in ones, ordered by code);
 * bench_net.orgs: generated and demo organisations with their role in the network.
 */
export async function generateOrganisations(
  engine: Engine,
  seed: number,
  n: OrgCounts,
  demoPasswordHash: string,
) {
  const r = (tag: string, i = 'i') => rnd(seed, tag, i);
  await engine.execScript(
    bulk(`
    create table ${W}.muni as
      select code, country, (row_number() over (partition by country order by code))::int as n,
        (row_number() over (order by country, code) - 1)::int as gi
      from territories where level = 'municipality' and centroid_lon is not null;
    create table ${W}.muni_c as select country, min(gi) as off, count(*)::int as c from ${W}.muni group by country;
    create table ${W}.orgs (n int, id uuid primary key, kind text, country text, region text, muni text,
      demo boolean, name text);
    -- Kind by position: 40 % social (CCAS/CPAS/OCMW by region), 25 % associations, 25 % host sites, 10 % providers.
    insert into ${W}.orgs
      select i, ${uid(seed, 'org', 'i')},
        case when i % 20 < 8 then case g.region when 'FR-HDF' then 'ccas' when 'BE-WAL' then 'cpas' else 'ocmw' end
          when i % 20 < 13 then 'association' when i % 20 < 18 then 'host_site' else 'service_provider' end,
        left(g.region, 2), g.region,
        (select m.code from ${W}.muni m where m.country = left(g.region, 2)
          and m.n = 1 + ${r('om')} % (select count(*) from ${W}.muni x where x.country = left(g.region, 2))),
        false, ${name(r('on'), true)}
      from generate_series(1, ${n.organisations}) as i
      cross join lateral (select ${pick(['FR-HDF', 'FR-HDF', 'BE-WAL', 'BE-VLG'], r('reg'))} as region) g;
    insert into organisations (id, kind, country, region, name_fr, name_nl, short_name, service_languages,
        municipality_code, postal_code, email, created_at, updated_at)
      select o.id, o.kind, o.country, o.region,
        case o.kind when 'ccas' then 'CCAS de ' when 'cpas' then 'CPAS de ' when 'ocmw' then 'OCMW ' when 'association' then 'Maison '
          when 'host_site' then 'Atelier ' else 'Service d’interprétariat ' end || o.name,
        case o.kind when 'ccas' then 'CCAS van ' when 'cpas' then 'OCMW ' when 'ocmw' then 'OCMW ' when 'association' then 'Huis '
          when 'host_site' then 'Werkplaats ' else 'Tolkendienst ' end || o.name,
        upper(left(o.kind, 4)) || ' ' || o.name,
        case o.region when 'BE-VLG' then array['nl','fr'] when 'BE-WAL' then array['fr'] else array['fr'] end,
        o.muni, case when o.country = 'FR' then '59' || lpad((o.n % 1000)::text, 3, '0') else lpad((7000 + o.n % 2000)::text, 4, '0') end,
        'contact-' || o.n || '@' || lower(o.name) || '.example',
        timestamptz '2024-01-01' + o.n * interval '1 hour', timestamptz '2024-01-01' + o.n * interval '1 hour'
      from ${W}.orgs o;
    insert into ${W}.orgs
      select 100000 + row_number() over (order by o.email), o.id, o.kind, o.country, o.region, o.municipality_code, true, o.name_fr
      from organisations o where o.id not in (select id from ${W}.orgs);

    -- Users: the k-th member of an organisation is its admin, then a coordinator, then staff fitting the kind.
    create table ${W}.users (u int, id uuid primary key, org_id uuid, rank int, roles text[]);
    insert into ${W}.users
      select i, ${uid(seed, 'user', 'i')}, o.id, (i - 1) / ${n.organisations},
        case when (i - 1) / ${n.organisations} = 0 then array['org_admin']
          when (i - 1) / ${n.organisations} = 1 then array['coordinator']
          when o.kind in ('ccas','cpas','ocmw') then case when (i - 1) / ${n.organisations} = 2 then array['analyst']
            when i % 9 = 0 then array['referent','tutor'] else array['referent'] end
          when o.kind = 'association' then case when i % 4 = 0 then array['volunteer_coordinator'] else array['referent'] end
          when o.kind = 'host_site' then array['tutor']
          else array['interpreter'] end
      from generate_series(1, ${n.users}) as i
      join ${W}.orgs o on o.n = 1 + (i - 1) % ${n.organisations} and not o.demo;
    insert into users (id, email, display_name, password_hash, locale, password_changed_at, created_at, updated_at)
      select u.id, lower(f.fn || '.' || f.ln) || '.' || u.u || '@reseau-samen.example', f.fn || ' ' || f.ln,
        '${demoPasswordHash.replace(/'/g, "''")}', case when o.region = 'BE-VLG' then 'nl' else 'fr' end,
        timestamptz '2025-01-01', timestamptz '2025-01-01', timestamptz '2025-01-01'
      from ${W}.users u join ${W}.orgs o on o.id = u.org_id
      cross join lateral (select ${name(r('ufn', 'u.u'))} as fn, ${name(r('uln', 'u.u'), true)} as ln) f;
    insert into memberships (org_id, user_id, roles, created_at, updated_at, accepted_at)
      select org_id, id, roles, timestamptz '2025-01-01', timestamptz '2025-01-01', timestamptz '2025-01-01'
      from ${W}.users;
    -- Referents per organisation (generated and demo), numbered, to hand out caseloads.
    -- A global number per referent and each organisation's first number and count: a caseload is handed
    -- out by one equality join (a per-organisation modulo in the join would defeat the hash join).
    create table ${W}.referents as
      select m.org_id, m.user_id, (row_number() over (order by m.org_id, m.user_id) - 1)::int as gi
      from memberships m where 'referent' = any (m.roles);
    create table ${W}.refc as select org_id, min(gi) as off, count(*)::int as c from ${W}.referents group by org_id;
    analyze ${W}.muni; analyze ${W}.muni_c; analyze ${W}.orgs; analyze ${W}.users; analyze ${W}.referents; analyze ${W}.refc;
  `),
  );
}
