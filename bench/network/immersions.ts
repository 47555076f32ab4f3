// Immersions: each home organisation has a service unit; some units offer immersions (two periods each);
// staff of other organisations ask for them, in every status.
import type { Engine } from '../../src/server/platform/db/engine';
import { bulk, name, pick, rnd, uid, W } from './sql';

const THEMES = [
  'migrant_activation',
  'socio_professional_insertion',
  'social_activation',
  'debt_mediation',
  'youth',
  'housing',
];
const STATUSES = [
  'draft',
  'awaiting_manager',
  'awaiting_host',
  'agreed',
  'in_progress',
  'completed',
  'completed',
  'completed',
  'declined',
  'withdrawn',
  'cancelled',
];

export async function generateImmersions(
  engine: Engine,
  seed: number,
  v: { offers: number; requests: number },
) {
  const r = (tag: string, i = 'j') => rnd(seed, tag, i);
  await engine.execScript(
    bulk(`
    create table ${W}.units as select ${uid(seed, 'unit', 'h.n')} as id, h.id as org_id, h.region, h.name,
        (row_number() over (order by h.n) - 1)::int as i
      from ${W}.home h where not h.demo;
    insert into org_units (id, org_id, kind, name_fr, name_nl, created_at, updated_at)
      select id, org_id, 'service', 'Service insertion ' || name, 'Dienst activering ' || name,
        timestamptz '2025-01-01', timestamptz '2025-01-01' from ${W}.units;
    create table ${W}.imm_offers as
      select j, ${uid(seed, 'imoffer', 'j')} as id, u.org_id, u.id as unit_id, u.region,
        ${pick(THEMES, r('ith'))} as theme, ${pick(['{short}', '{shadowing,short}', '{long}', '{short,long}'], r('ikind'))}::text[] as kinds
      from generate_series(1, ${v.offers}) as j
      join ${W}.units u on u.i = ${r('iunit')} % (select count(*) from ${W}.units);
    analyze ${W}.units; analyze ${W}.imm_offers;
    insert into immersion_offers (id, org_id, unit_id, status, themes, title_fr, title_nl, description_fr, languages, kinds,
        capacity_per_period, contact_name, contact_email, published_at, created_at, updated_at)
      select o.id, o.org_id, o.unit_id, case when ${r('ipub')} % 6 = 0 then 'draft' else 'published' end, array[o.theme],
        'Immersion ' || replace(o.theme, '_', ' ') || ' ' || ${name(r('iti'))}, 'Inleving ' || replace(o.theme, '_', ' '),
        'Découvrir le travail d’une équipe de l’autre côté de la frontière.',
        case when o.region = 'BE-VLG' then array['nl','fr'] else array['fr'] end, o.kinds, 1 + ${r('icap')} % 4,
        ${name(r('icn'))} || ' ' || ${name(r('icl'), true)}, 'immersion-' || o.j || '@reseau-samen.example',
        timestamptz '2026-03-01', timestamptz '2026-02-01', timestamptz '2026-02-01'
      from ${W}.imm_offers o;
    insert into immersion_offer_periods (offer_id, org_id, starts_on, ends_on, created_at)
      select o.id, o.org_id, date '2026-01-05' + 7 * (${r('iper')} % 60) + 70 * g, date '2026-01-05' + 7 * (${r('iper')} % 60) + 70 * g + 25,
        timestamptz '2026-02-01'
      from ${W}.imm_offers o, generate_series(0, 1) g;

    insert into immersion_requests (id, org_id, host_org_id, offer_id, visitor_user_id, requested_by, status, kind, theme,
        objectives, starts_on, ends_on, days, sent_to_host_at, created_at, updated_at)
      select ${uid(seed, 'imreq', 'q')}, vu.org_id, o.org_id, o.id, vu.id, vu.id, s.status, k.kind, o.theme,
        'Observer l’accueil des personnes et l’organisation de l’équipe.', d.s,
        d.s + case k.kind when 'shadowing' then 0 when 'short' then 4 else 25 end,
        case k.kind when 'shadowing' then 1 when 'short' then 5 else 20 end,
        case when s.status not in ('draft','awaiting_manager','withdrawn') then d.s - 20 end,
        d.s - 30, d.s - 30
      from generate_series(1, ${v.requests}) as q
      join ${W}.imm_offers o on o.j = 1 + ${r('ireqo', 'q')} % ${v.offers}
      join ${W}.users vu on vu.u = 1 + ${r('ireqv', 'q')} % (select count(*) from ${W}.users)
      cross join lateral (select ${pick(STATUSES, r('ireqs', 'q'))} as status, o.kinds[1 + ${r('ireqk', 'q')} % cardinality(o.kinds)] as kind) s
      cross join lateral (select s.kind) k (kind)
      cross join lateral (select case when s.status in ('completed','in_progress') then date '2025-01-06' + ${r('ireqd', 'q')} % 600
        else date '2027-01-04' + ${r('ireqd', 'q')} % 200 end as s) d
      where vu.org_id <> o.org_id;
  `),
  );
}
