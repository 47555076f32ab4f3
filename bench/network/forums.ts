// Forum events (thematic forums, sessions, trainings, network meetings) organised across the network, and
// their registrations: the first `capacity` confirmed (attended or cancelled once the event is past), the
// rest on the waiting list.
import type { Engine } from '../../src/server/platform/db/engine';
import { bulk, name, pick, rnd, uid, W } from './sql';

const KINDS = [
  'thematic_forum',
  'awareness_session',
  'information_session',
  'network_meeting',
  'group_session',
];
const THEMES = [
  'Logement',
  'Santé mentale',
  'Mobilité transfrontalière',
  'Dettes',
  'Emploi des jeunes',
  'Accueil des nouveaux arrivants',
];

export async function generateForums(
  engine: Engine,
  seed: number,
  v: { events: number; registrations: number },
) {
  const r = (tag: string, i = 'j') => rnd(seed, tag, i);
  const per = Math.ceil(v.registrations / Math.max(1, v.events));
  await engine.execScript(
    bulk(`
    create table ${W}.events as
      select j, ${uid(seed, 'event', 'j')} as id, o.id as org_id, o.region,
        timestamptz '2024-01-08 09:30+01' + (${r('evd')} % 1100) * interval '1 day' as starts_at,
        ${Math.max(1, Math.round(per * 0.9))} + ${r('evc')} % ${Math.max(1, Math.round(per * 0.2))} as capacity,
        case when ${r('evs')} % 30 = 0 then 'cancelled' when ${r('evs')} % 30 < 3 then 'draft' else 'published' end as status
      from generate_series(1, ${v.events}) as j
      join (select id, region, (row_number() over (order by n) - 1)::int as i from ${W}.orgs
        where not demo and kind in ('ccas','cpas','ocmw','association')) o
        on o.i = ${r('evo')} % (select count(*) from ${W}.orgs where not demo and kind in ('ccas','cpas','ocmw','association'));
    analyze ${W}.events;
    insert into forum_events (id, org_id, kind, title_fr, title_nl, description_fr, theme, starts_at, ends_at, venue, languages,
        interpreting, capacity, audiences, status, published_at, cancelled_at, created_at, updated_at)
      select e.id, e.org_id, ${pick(KINDS, r('evk'))}, t.t || ' — ' || ${name(r('evn'), true)},
        'Forum ' || ${name(r('evn'), true)}, 'Rencontre des professionnels des deux côtés de la frontière.', t.t,
        e.starts_at, e.starts_at + interval '3 hours', 'Salle ' || ${name(r('evv'))},
        case when e.region = 'BE-VLG' then array['nl'] when ${r('evl')} % 3 = 0 then array['fr','nl'] else array['fr'] end,
        ${r('evl')} % 3 = 0, e.capacity, ${pick(['{professionals}', '{professionals,volunteers}', '{residents}', '{associations,professionals}'], r('eva'))}::text[],
        e.status, case when e.status <> 'draft' then e.starts_at - interval '40 days' end,
        case when e.status = 'cancelled' then e.starts_at - interval '5 days' end,
        e.starts_at - interval '60 days', e.starts_at - interval '60 days'
      from ${W}.events e cross join lateral (select ${pick(THEMES, r('evt'))} as t) t;
    insert into forum_registrations (event_id, org_id, name, email, organisation, language, status, position, created_at,
        cancelled_at, attended_at, attended_from)
      select e.id, e.org_id, f.fn || ' ' || f.ln, lower(f.fn || '.' || f.ln) || '.' || e.j || '.' || g || '@courriel.example',
        case when x % 3 = 0 then 'Maison ' || f.ln end, case when e.region = 'BE-VLG' then 'nl' else 'fr' end, s.status, g,
        e.starts_at - interval '30 days' + g * interval '1 minute',
        case when s.status = 'cancelled' then e.starts_at - interval '2 days' end,
        case when s.status = 'attended' then e.starts_at + interval '5 minutes' end,
        case when s.status = 'attended' then 'confirmed' end
      from (select *, row_number() over (order by j) as rn,
              ceil(${v.registrations}::numeric / count(*) over ())::int as per
            from ${W}.events where status <> 'draft') e
      cross join lateral generate_series(1, e.per) as g
      cross join lateral (select (e.j * 7919 + g * 104729 + ${seed}) % 1000003 as x) h
      cross join lateral (select (${name('h.x')}) as fn, (${name('h.x / 97', true)}) as ln) f
      cross join lateral (select case when g > e.capacity then 'waiting' when h.x % 10 = 0 then 'cancelled'
          when e.starts_at < timestamptz '2026-12-01' and h.x % 10 < 8 then 'attended' else 'confirmed' end as status) s
      where (e.rn - 1) * e.per + g <= ${v.registrations};
  `),
  );
}
