import type {
  EventCounts,
  EventDetail,
  EventInput,
  EventList,
  EventTransition,
  RegistrationView,
} from '../../../common/forums/schemas';
import { hasTrainers } from '../../../common/forums/schemas';
import type { Language } from '../../../common/i18n/locales';
import { localized } from '../../../common/i18n/locales';
import { type Actor, actorCan, requirePermission } from '../../platform/actor';
import type { Tx } from '../../platform/db/context';
import type { Deps } from '../../platform/deps';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors';
import { mailRegistrant } from './mails';
import { promoteWaiting } from './places';
import { F } from './registration';
import * as store from './store';

/**
 * The organiser's side: every signed-in member of the network reads the events (`forum.view`); the
 * organising organisation alone (`forum.manage`) creates, edits, publishes and cancels them and sees
 * their registrations. Partners are named on the event; they do not edit it.
 */

const lang = (l: Language): 'fr' | 'nl' => (l === 'nl' ? 'nl' : 'fr');
const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));
const clean = (s: string | null | undefined) => s?.trim() || null;

const mayManage = (actor: Actor, e: { org_id: string }) =>
  actorCan(actor, 'forum.manage') && !!actor.orgId && e.org_id === actor.orgId;

function countsOf(rows: ReadonlyArray<{ status: string; n: string | number }>): EventCounts {
  const c: EventCounts = { confirmed: 0, waiting: 0, cancelled: 0, attended: 0 };
  for (const r of rows) if (r.status in c) c[r.status as keyof EventCounts] += Number(r.n);
  return c;
}

export async function listEvents(trx: Tx, actor: Actor): Promise<EventList> {
  requirePermission(actor, 'forum.view');
  const rows = (await store.listEvents(trx)).filter((e) => e.status !== 'draft' || mayManage(actor, e));
  const own = rows.filter((e) => mayManage(actor, e)).map((e) => e.id);
  const counts = await store.countsByEvent(trx, own);
  return {
    items: rows.map((e) => ({
      id: e.id,
      kind: e.kind as EventDetail['kind'],
      title: localized(lang(actor.language), e.title_fr, e.title_nl),
      organisation: localized(lang(actor.language), e.org_name_fr, e.org_name_nl),
      startsAt: iso(e.starts_at),
      endsAt: iso(e.ends_at),
      status: e.status as EventDetail['status'],
      capacity: e.capacity,
      counts: own.includes(e.id) ? countsOf(counts.filter((c) => c.event_id === e.id)) : null,
      canEdit: mayManage(actor, e),
    })),
    canCreate: actorCan(actor, 'forum.manage') && !!actor.orgId,
  };
}

async function readable(trx: Tx, actor: Actor, id: string) {
  requirePermission(actor, 'forum.view');
  const e = await store.findEvent(trx, id);
  // Another organisation's draft is as unknown as a missing event.
  if (!e || (e.status === 'draft' && !mayManage(actor, e))) throw notFound(F('unknown_event'));
  return e;
}

const registrationView = (r: store.RegistrationRow): RegistrationView => ({
  id: r.id,
  name: r.name,
  email: r.email,
  organisation: r.organisation,
  language: r.language as RegistrationView['language'],
  accessibilityNeeds: r.accessibility_needs,
  consentContact: r.consent_contact,
  status: r.status as RegistrationView['status'],
  createdAt: iso(r.created_at),
  cancelledAt: isoOrNull(r.cancelled_at),
  promotedAt: isoOrNull(r.promoted_at),
});

export async function getEvent(trx: Tx, actor: Actor, id: string): Promise<EventDetail> {
  const e = await readable(trx, actor, id);
  const canEdit = mayManage(actor, e);
  const partners = await store.partnersOf(trx, [e.id]);
  // RLS shows registrations to the organiser only; the check here keeps them from a non-manager too.
  const regs = canEdit ? await store.registrationsOf(trx, e.id) : [];
  return {
    id: e.id,
    orgId: e.org_id,
    organisation: localized(lang(actor.language), e.org_name_fr, e.org_name_nl),
    kind: e.kind as EventDetail['kind'],
    titleFr: e.title_fr,
    titleNl: e.title_nl,
    descriptionFr: e.description_fr,
    descriptionNl: e.description_nl,
    theme: e.theme,
    startsAt: iso(e.starts_at),
    endsAt: iso(e.ends_at),
    venue: e.venue,
    onlineUrl: e.online_url,
    languages: e.languages as EventDetail['languages'],
    interpreting: e.interpreting,
    capacity: e.capacity,
    audiences: e.audiences as EventDetail['audiences'],
    partners: partners.map((p) => ({
      id: p.partner_org_id,
      name: p.short_name || localized(lang(actor.language), p.name_fr, p.name_nl),
    })),
    programmeId: e.programme_id,
    trainers: trainersOf(e),
    status: e.status as EventDetail['status'],
    canEdit,
    counts: canEdit ? countsOf(regs.map((r) => ({ status: r.status, n: 1 }))) : null,
    registrations: regs.map(registrationView),
  };
}

async function checked(trx: Tx, actor: Actor, input: EventInput) {
  if (new Date(input.endsAt).getTime() <= new Date(input.startsAt).getTime())
    throw badRequest(F('ends_before'));
  const venue = clean(input.venue);
  const onlineUrl = clean(input.onlineUrl);
  if (!venue && !onlineUrl) throw badRequest(F('place_missing'));
  const partners = input.partnerOrgIds.filter((p) => p !== actor.orgId);
  if ((await store.existingOrganisations(trx, partners)).length !== partners.length)
    throw badRequest(F('unknown_partner'));
  if (input.programmeId && !(await store.programmeExists(trx, input.programmeId)))
    throw badRequest(F('unknown_programme'));
  const trainers = await checkedTrainers(trx, input);
  return {
    row: {
      kind: input.kind,
      title_fr: input.titleFr.trim(),
      title_nl: input.titleNl.trim(),
      description_fr: clean(input.descriptionFr),
      description_nl: clean(input.descriptionNl),
      theme: clean(input.theme),
      starts_at: input.startsAt,
      ends_at: input.endsAt,
      venue,
      online_url: onlineUrl,
      languages: [...input.languages],
      interpreting: input.interpreting,
      capacity: input.capacity,
      audiences: [...input.audiences],
      programme_id: input.programmeId ?? null,
      ...trainers,
    },
    partners,
  };
}

/**
 * The trainer pair as stored (two name and account columns): kept as it is when the input leaves it out
 * (a client that does not know it), cleared for a kind without trainers. An account must be one the
 * organiser's organisation sees (its own members).
 */
async function checkedTrainers(trx: Tx, input: EventInput) {
  if (input.trainers === undefined)
    return hasTrainers(input.kind)
      ? {}
      : { trainer_1_name: null, trainer_1_user_id: null, trainer_2_name: null, trainer_2_user_id: null };
  const list = input.trainers.map((t) => ({ name: t.name.trim(), userId: t.userId ?? null }));
  if (list.length && !hasTrainers(input.kind)) throw badRequest(F('trainers_kind'));
  const users = list.flatMap((t) => (t.userId ? [t.userId] : []));
  if ((await store.existingUsers(trx, users)).length !== new Set(users).size)
    throw badRequest(F('unknown_trainer'));
  return {
    trainer_1_name: list[0]?.name ?? null,
    trainer_1_user_id: list[0]?.userId ?? null,
    trainer_2_name: list[1]?.name ?? null,
    trainer_2_user_id: list[1]?.userId ?? null,
  };
}

const trainersOf = (e: store.EventRow) =>
  [
    { name: e.trainer_1_name, userId: e.trainer_1_user_id },
    { name: e.trainer_2_name, userId: e.trainer_2_user_id },
  ].flatMap((t) => (t.name ? [{ name: t.name, userId: t.userId }] : []));

export async function createEvent(trx: Tx, actor: Actor, input: EventInput) {
  requirePermission(actor, 'forum.manage');
  if (!actor.orgId) throw forbidden();
  const { row, partners } = await checked(trx, actor, input);
  const created = await trx
    .insertInto('forum_events')
    .values({ ...row, org_id: actor.orgId, created_by: actor.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await store.setPartners(trx, created.id, actor.orgId, partners);
  return { id: created.id };
}

async function managed(trx: Tx, actor: Actor, id: string) {
  requirePermission(actor, 'forum.manage');
  const e = await readable(trx, actor, id);
  if (!mayManage(actor, e)) throw forbidden();
  return e;
}

export async function updateEvent(trx: Tx, deps: Deps, actor: Actor, id: string, input: EventInput) {
  const e = await managed(trx, actor, id);
  if (e.status === 'cancelled') throw conflict(F('cancelled'));
  const { row, partners } = await checked(trx, actor, input);
  await store.lockEvent(trx, e.id);
  await trx
    .updateTable('forum_events')
    .set({ ...row, updated_at: new Date() })
    .where('id', '=', e.id)
    .execute();
  await store.setPartners(trx, e.id, e.org_id, partners);
  // A larger capacity frees places: the waiting list moves up at once.
  const updated = await store.findEvent(trx, e.id);
  if (updated) await promoteWaiting(trx, deps, updated, e.org_id, deps.clock.now());
  return { ok: true };
}

export async function transitionEvent(trx: Tx, deps: Deps, actor: Actor, id: string, t: EventTransition) {
  const e = await managed(trx, actor, id);
  const now = deps.clock.now();
  if (t.to === 'published') {
    if (e.status !== 'draft') throw conflict(F('not_draft'));
    await trx
      .updateTable('forum_events')
      .set({ status: 'published', published_at: now, updated_at: now })
      .where('id', '=', e.id)
      .execute();
    return { ok: true };
  }
  if (e.status === 'cancelled') throw conflict(F('cancelled'));
  await store.lockEvent(trx, e.id);
  await trx
    .updateTable('forum_events')
    .set({ status: 'cancelled', cancelled_at: now, updated_at: now })
    .where('id', '=', e.id)
    .execute();
  // Everyone still expecting the event is told; their registrations stay for the record.
  if (e.status === 'published' && new Date(e.starts_at).getTime() > now.getTime())
    for (const r of await store.registrationsOf(trx, e.id))
      if (r.status === 'confirmed' || r.status === 'waiting')
        await mailRegistrant(trx, deps, e, r, 'event_cancelled', e.org_id);
  return { ok: true };
}
