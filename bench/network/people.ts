// Persons followed by the home organisations (CCAS/CPAS/OCMW and associations), each with a pathway, some
// with a mobility record. The demo CPAS Mouscron gets 2 % of them; its demo referent follows one in ten
// of those (a caseload of ~400 at scale 1), generated referents follow the rest of their organisation.
import type { Engine } from '../../src/server/platform/db/engine';
import { bulk, name, pick, rnd, uid, W } from './sql';

export async function generatePersons(
  engine: Engine,
  seed: number,
  persons: number,
  ids: { mouscron: string; programme: string },
) {
  const r = (tag: string, i = 'k') => rnd(seed, tag, i);
  // Municipality counts as constants, so the join to a random municipality is one hash join.
  const mc = Object.fromEntries(
    (
      (await engine.rawQuery(`select country, off, c from ${W}.muni_c`, [])) as Array<{
        country: string;
        off: number;
        c: number;
      }>
    ).map((x) => [x.country, { off: Number(x.off), c: Number(x.c) }]),
  );
  await engine.execScript(
    bulk(`
    -- Weighted slots: a generated CCAS/CPAS/OCMW 4, an association 1, a demo home organisation 8, Mouscron 2 %.
    create table ${W}.home as
      select o.*, case when o.demo then 8 when o.kind = 'association' then 1 else 4 end as weight
      from ${W}.orgs o where o.kind in ('ccas','cpas','ocmw','association');
    update ${W}.home set weight = greatest(1, round((select sum(weight) from ${W}.home where id <> '${ids.mouscron}') * 0.02 / 0.98))
      where id = '${ids.mouscron}';
    create table ${W}.slots as
      select (row_number() over (order by h.n, g) - 1)::int as slot, h.id as org_id, h.country, h.region, h.muni,
        rc.off as refoff, rc.c as refc
      from ${W}.home h cross join generate_series(1, h.weight) g left join ${W}.refc rc on rc.org_id = h.id;
    create unique index on ${W}.slots (slot);
    analyze ${W}.slots;

    create table ${W}.persons (k int primary key, id uuid, org_id uuid, referent uuid, country text, region text);
    insert into ${W}.persons
      select k, ${uid(seed, 'person', 'k')}, s.org_id,
        case when s.org_id in (select id from ${W}.orgs where demo) then case when ${r('ref')} % 10 = 0 then rf.user_id end
          when ${r('ref')} % 5 <> 0 then rf.user_id end,
        s.country, s.region
      from generate_series(1, ${persons}) as k
      join ${W}.slots s on s.slot = ${r('slot')} % (select count(*) from ${W}.slots)
      left join ${W}.referents rf on rf.gi = s.refoff + ${r('refi')} % s.refc;
    analyze ${W}.persons;

    insert into persons (id, org_id, first_name, last_name, birth_date, email, municipality_code, languages,
        preferred_language, benefit, benefit_since, participant_code, referent_user_id, status, sex, nationality,
        created_at, updated_at)
      select p.id, p.org_id, ${name(r('fn'))}, ${name(r('ln'), true)},
        date '1950-01-01' + ${r('birth')} % 20800,
        case when ${r('mail')} % 10 < 3 then 'personne.' || p.k || '@courriel.example' end,
        case when ${r('home')} % 10 < 6 then s.muni
          else m.code end,
        case when p.region = 'BE-VLG' then '{"nl": "C2", "fr": "A2"}' when ${r('lang')} % 4 = 0 then '{"fr": "B1", "ar": "C2"}'
          else '{"fr": "C2"}' end::jsonb,
        case when p.region = 'BE-VLG' then 'nl' else 'fr' end,
        case when ${r('ben')} % 3 = 0 then 'none' when p.country = 'FR' then 'rsa' when p.region = 'BE-VLG' then 'leefloon' else 'ris' end,
        date '2020-01-01' + ${r('bens')} % 2000,
        (select upper(substr(h, 1, 4) || '-' || substr(h, 5, 4) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4))
          from md5('${seed}:code:' || k) as h),
        p.referent, case when ${r('arch')} % 20 = 0 then 'archived' else 'active' end,
        ${pick(['female', 'male', 'female', 'male', 'female', 'male', 'female', 'male', 'female', 'male', 'female', 'male', 'female', 'male', 'female', 'male', 'female', 'male', 'female', 'male', 'female', 'male', 'female', 'male', 'non_binary'], r('sex'))},
        case when ${r('nat')} % 5 = 0 then ${pick(['MA', 'DZ', 'SY', 'AF', 'ER', 'CD', 'TR', 'UA'], r('natc'))} else p.country end,
        timestamptz '2022-01-01' + (${r('cre')} % 1700) * interval '1 day', timestamptz '2022-01-01' + (${r('cre')} % 1700) * interval '1 day'
      from ${W}.persons p join ${W}.slots s on s.slot = ${r('slot')} % (select count(*) from ${W}.slots)
      join ${W}.muni m on m.gi = case p.country when 'FR' then ${mc.FR!.off} + ${r('mu')} % ${mc.FR!.c}
        else ${mc.BE!.off} + ${r('mu')} % ${mc.BE!.c} end;
  `),
  );
}

/** One pathway per person (two in three in the programme at its partners, a third closed), a quarter with mobility. */
export async function generatePathways(engine: Engine, seed: number, programme: string) {
  const r = (tag: string, i = 'p.k') => rnd(seed, tag, i);
  await engine.execScript(
    bulk(`
    create table ${W}.partners as select partner_org_id as id from programme_partners
      where programme_id = '${programme}' and role = 'partner';
    insert into pathways (id, org_id, person_id, programme_id, modules, referent_user_ids, entry_on, exit_on, exit_reason,
        created_at, updated_at)
      select ${uid(seed, 'pathway', 'p.k')}, p.org_id, p.id,
        case when p.org_id in (select id from ${W}.partners) and ${r('prog')} % 3 <> 0 then '${programme}'::uuid end,
        ${pick(['{social_insertion}', '{socio_professional_insertion}', '{placement}', '{socio_professional_insertion,placement}', '{activation_volunteering}'], r('mod'))}::text[],
        case when p.referent is null then '{}'::uuid[] else array[p.referent] end,
        e.entry, case when ${r('exit')} % 3 = 0 then e.entry + 60 + ${r('dur')} % 500 end,
        case when ${r('exit')} % 3 = 0 then ${pick(['Emploi trouvé', 'Formation qualifiante', 'Déménagement', 'Fin de droit'], r('why'))} end,
        timestamptz '2022-01-01', timestamptz '2022-01-01'
      from ${W}.persons p cross join lateral (select date '2022-01-03' + ${r('entry')} % 1700 as entry) e;
    insert into pathway_mobility (org_id, pathway_id, recorded_on, radius_km, crossed_border)
      select p.org_id, ${uid(seed, 'pathway', 'p.k')}, date '2022-02-01' + ${r('mob')} % 1700, 5 + ${r('rad')} % 45,
        ${r('cross')} % 3 = 0
      from ${W}.persons p where ${r('hasmob')} % 4 = 0;
  `),
  );
}
