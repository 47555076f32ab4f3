// Accompaniment of newcomers: mobile teams at one association or CPAS in five, requests from home
// organisations for one of their persons, interventions of the teams on the accepted requests, and
// interpreter bookings through a provider of the network or an outside service.
import type { Engine } from '../../src/server/platform/db/engine';
import { bulk, name, pick, rnd, uid, W } from './sql';

const LANGS = ['ara', 'tir', 'prs', 'pus', 'som', 'ukr', 'rus', 'tur', 'fas'];

export async function generateAccompaniment(
  engine: Engine,
  seed: number,
  v: { requests: number; interventions: number; bookings: number; persons: number },
  admin: string,
) {
  const r = (tag: string, i = 'j') => rnd(seed, tag, i);
  await engine.execScript(
    bulk(`
    create table ${W}.teams as select ${uid(seed, 'team', 'h.n')} as id, h.id as org_id, h.region, h.name,
        (row_number() over (order by h.n) - 1)::int as i
      from ${W}.home h where not h.demo and h.n % 5 = 0;
    insert into accompaniment_teams (id, org_id, name_fr, name_nl, languages, regions, created_at, updated_at)
      select id, org_id, 'Équipe mobile ' || name, 'Mobiel team ' || name, array['fr','ar','ti'], array[region],
        timestamptz '2025-01-01', timestamptz '2025-01-01' from ${W}.teams;
    insert into accompaniment_team_members (team_id, org_id, display_name, profession, created_at)
      select t.id, t.org_id, ${name(rnd(seed, 'tmf', 't.i * 10 + g'))} || ' ' || ${name(rnd(seed, 'tml', 't.i * 10 + g'), true)},
        (array['psychologist','paramedical','intercultural_mediator','social_worker'])[g], timestamptz '2025-01-01'
      from ${W}.teams t, generate_series(1, 4) g;

    create table ${W}.acc_requests as
      select j, ${uid(seed, 'accreq', 'j')} as id, p.org_id, p.id as person_id, t.id as team_id, t.org_id as team_org_id,
        case when ${r('ars')} % 10 < 7 then 'accepted' when ${r('ars')} % 10 < 8 then 'declined'
          when ${r('ars')} % 10 < 9 then 'sent' else 'closed' end as status,
        timestamptz '2025-01-06 10:00+01' + (${r('ard')} % 650) * interval '1 day' as at,
        coalesce(fu.user_id, '${admin}'::uuid) as created_by
      from generate_series(1, ${v.requests}) as j
      join ${W}.persons p on p.k = 1 + ${r('arp')} % ${v.persons}
      join ${W}.teams t on t.i = ${r('art')} % (select count(*) from ${W}.teams)
      left join ${W}.first_user fu on fu.org_id = p.org_id
      where t.org_id <> p.org_id;
    analyze ${W}.teams; analyze ${W}.acc_requests;
    insert into accompaniment_requests (id, org_id, team_id, team_org_id, needs, urgency, languages, fields, message, status,
        decline_reason, decided_at, created_by, created_at, updated_at)
      select id, org_id, team_id, team_org_id, ${pick(['{psychological}', '{interpreting,social}', '{mediation}', '{paramedical}', '{psychological,interpreting}'], r('arn', 'a.j'))}::text[],
        ${pick(['low', 'normal', 'normal', 'high'], r('aru', 'a.j'))}, array['ar'], array['identity','languages'],
        -- The message is sealed by the application (migration 0071): generated requests carry none.
        null, status,
        -- Sealed by the application too (migration 0079): generated declines carry the erasure marker.
        case when status = 'declined' then '--' end,
        case when status <> 'sent' then at + interval '2 days' end, created_by, at, at
      from ${W}.acc_requests a;
    insert into accompaniment_request_persons (request_id, person_id, org_id, team_org_id)
      select id, person_id, org_id, team_org_id from ${W}.acc_requests;
    insert into accompaniment_interventions (request_id, org_id, requester_org_id, starts_at, duration_minutes, place,
        place_country, kind, language, person_ids, status, outcome, created_at, updated_at)
      select a.id, a.team_org_id, a.org_id, s.at, 30 + 15 * (x % 6), 'Domicile ' || ${name('x')},
        left(t.region, 2), ${pick(['consultation', 'home_visit', 'group_session', 'appointment', 'mediation'], 'x')},
        ${pick(LANGS, 'x / 7')}, array[a.person_id],
        case when s.at > timestamptz '2026-12-01' then 'planned' when x % 12 = 0 then 'cancelled' else 'done' end,
        null, a.at, a.at
      from (select *, row_number() over (order by j) as rn, count(*) over () as n
            from ${W}.acc_requests where status in ('accepted','closed')) a
      join ${W}.teams t on t.id = a.team_id
      cross join lateral generate_series(1, ceil(${v.interventions}::numeric / a.n)::int) as g
      cross join lateral (select (a.j * 7919 + g * 104729 + ${seed}) % 1000003 as x) h
      cross join lateral (select a.at + g * interval '9 days' as at) s
      where (a.rn - 1) * ceil(${v.interventions}::numeric / a.n) + g <= ${v.interventions};

    insert into interpreter_bookings (org_id, language, modality, starts_at, ends_at, place, phone, video_url, domain,
        gender_preference, person_id, provider_org_id, external_service, status, interpreter_name, confirmed_at,
        cancelled_at, cancel_reason, created_by, created_at, updated_at)
      select p.org_id, ${pick(LANGS, r('bl'))}, m.modality, s.at, s.at + interval '1 hour',
        case when m.modality = 'on_site' then 'Bureau ' || ${name(r('bp'))} end,
        case when m.modality = 'phone' then '+32 56 00 00 00' end,
        case when m.modality = 'video' then 'https://visio.example/' || j end,
        ${pick(['health', 'social', 'legal', 'administrative', 'education'], r('bd'))}, 'none', p.id,
        pv.id, case when pv.id is null then 'Service régional d’interprétariat' end, st.status,
        case when st.status in ('confirmed','done','no_show') then ${name(r('bin'))} || ' ' || ${name(r('bil'), true)} end,
        case when st.status in ('confirmed','done','no_show') then s.at - interval '3 days' end,
        case when st.status = 'cancelled' then s.at - interval '1 day' end,
        case when st.status = 'cancelled' then 'Rendez-vous déplacé' end,
        coalesce(fu.user_id, '${admin}'::uuid), s.at - interval '10 days', s.at - interval '10 days'
      from generate_series(1, ${v.bookings}) as j
      join ${W}.persons p on p.k = 1 + ${r('bpp')} % ${v.persons}
      left join ${W}.first_user fu on fu.org_id = p.org_id
      left join (select id, (row_number() over (order by n) - 1)::int as i from ${W}.orgs where kind = 'service_provider' and not demo) pv
        on ${r('bprov')} % 2 = 0 and pv.i = ${r('bprov')} / 2 % greatest(1, (select count(*) from ${W}.orgs where kind = 'service_provider' and not demo))
      cross join lateral (select ${pick(['on_site', 'phone', 'video', 'on_site'], r('bm'))} as modality) m
      cross join lateral (select timestamptz '2025-01-06 09:00+01' + (${r('bat')} % 760) * interval '1 day' as at) s
      cross join lateral (select case when s.at > timestamptz '2026-12-01' then ${pick(['requested', 'confirmed'], r('bst'))}
          else ${pick(['done', 'done', 'done', 'done', 'cancelled', 'no_show'], r('bst'))} end as status) st;
  `),
  );
}
