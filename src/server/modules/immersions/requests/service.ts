import { localized } from '../../../../common/i18n/locales';
import {
  capacityLeft,
  checkDates,
  type ImmersionKind,
  immersionDays,
  reportDueOn,
  reportState,
  yearlyWarning,
} from '../../../../common/immersions/request-rules';
import type {
  PreviewInput,
  PreviewView,
  RequestInput,
  RequestList,
  RequestSummary,
  RequestView,
  RequestWarnings,
  TransitionInput,
} from '../../../../common/immersions/request-schemas';
import {
  nextActor,
  type RequestGuard,
  type RequestStatus,
  requestWorkflow,
} from '../../../../common/immersions/request-workflow';
import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { conflict, forbidden, notFound, validationFailed } from '../../../platform/errors';
import { fullySigned } from '../signatures/store';
import { signaturesView } from '../signatures/view';
import { actsForVisitor, E, field, iso, requireOrg, sideOf, visible, visitorName } from './access';
import { recordRequestEvent } from './notifications';
import { findDrawnPractice, mayDrawPractice } from './practice';
import * as store from './store';

/**
 * Immersion requests (issue 11). A professional (`immersion.request`) asks for an immersion on another
 * organisation's published offer, or their manager (`immersion.manage`, same organisation) proposes one for
 * a colleague; the manager then the host approve along the workflow (`request-workflow.ts`), the host
 * within the period's capacity; the yearly rule is a warning to all three, never a block. RLS hides the
 * rest: a request the caller's organisation may not see is a 404 here, never a 403 that tells it exists.
 */

// ---------------------------------------------------------------- checking a request's input
interface Checked {
  offer: store.OfferRow;
  visitorUserId: string;
  programmeId: string | null;
  days: number;
  capacity: number;
}

async function checkInput(trx: Tx, actor: Actor, input: RequestInput, today: string): Promise<Checked> {
  const orgId = requireOrg(actor);
  const offer = await store.findOffer(trx, input.offerId);
  if (offer?.status !== 'published') throw field('offerId', 'offer_unavailable');
  if (offer.org_id === orgId) throw field('offerId', 'own_offer');
  const visitorUserId = input.visitorUserId ?? actor.userId;
  if (visitorUserId !== actor.userId) {
    // Proposing for a colleague is the manager's, and only for their own organisation's staff.
    if (!actorCan(actor, 'immersion.manage')) throw forbidden();
    if (!(await store.isActiveMember(trx, orgId, visitorUserId)))
      throw field('visitorUserId', 'not_colleague');
  }
  if (!offer.themes.includes(input.theme)) throw field('theme', 'theme_not_offered');
  if (!offer.kinds.includes(input.kind)) throw field('kind', 'kind_not_offered');
  const period = input.periodId ? await store.findPeriod(trx, input.periodId, offer.id) : null;
  if (input.periodId && !period) throw field('periodId', 'unknown_period');
  const programmeId = await programmeOf(trx, input.programmeId, offer, orgId, input);
  const programme = programmeId ? await store.findProgramme(trx, programmeId) : null;
  if (programmeId && !programme) throw field('programmeId', 'unknown_programme');
  if (programmeId && input.programmeId && !(await store.isProgrammeMember(trx, programmeId, orgId)))
    throw field('programmeId', 'not_in_programme');
  if (input.startsOn < today) throw field('startsOn', 'start_past');
  const days = immersionDays(input.startsOn, input.endsOn, input.days);
  const problems = checkDates({
    kind: input.kind,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    days,
    period: period ? { startsOn: period.starts_on, endsOn: period.ends_on } : null,
    programme: programme ? { startsOn: programme.starts_on, endsOn: programme.ends_on } : null,
  });
  if (problems.length)
    throw validationFailed(
      problems.map((p) => ({
        path: p === 'days_out_of_kind' || p === 'days_beyond_dates' ? 'days' : 'endsOn',
        code: E(`dates.${p}`),
      })),
    );
  return {
    offer,
    visitorUserId,
    programmeId,
    days,
    capacity: period?.capacity ?? offer.capacity_per_period,
  };
}

/**
 * The programme named, else the offer's when the visitor's organisation takes part in it, else the one
 * programme both organisations take part in that is open on the dates (an immersion between two partners
 * is the programme's activity and counts in its indicators); none when there are several or none.
 */
async function programmeOf(
  trx: Tx,
  asked: string | null,
  offer: store.OfferRow,
  orgId: string,
  dates: { startsOn: string; endsOn: string },
) {
  if (asked) return asked;
  if (offer.programme_id && (await store.isProgrammeMember(trx, offer.programme_id, orgId)))
    return offer.programme_id;
  const shared = await store.sharedOpenProgrammes(trx, orgId, offer.org_id, dates.startsOn, dates.endsOn);
  return shared.length === 1 ? shared[0]! : null;
}

/** The form's preview: days counted, dates' problems, the capacity and the yearly rule, before sending. */
export async function preview(trx: Tx, deps: Deps, actor: Actor, input: PreviewInput): Promise<PreviewView> {
  if (!actorCan(actor, 'immersion.request') && !actorCan(actor, 'immersion.manage')) throw forbidden();
  const orgId = requireOrg(actor);
  const offer = await store.findOffer(trx, input.offerId);
  if (offer?.status !== 'published' || offer.org_id === orgId) throw notFound();
  const period = input.periodId ? await store.findPeriod(trx, input.periodId, offer.id) : null;
  const programmeId = await programmeOf(trx, input.programmeId, offer, orgId, input);
  const programme = programmeId ? await store.findProgramme(trx, programmeId) : null;
  const days = immersionDays(input.startsOn, input.endsOn, input.days);
  const visitor = input.visitorUserId ?? actor.userId;
  const other =
    visitor === actor.userId || (await store.isActiveMember(trx, orgId, visitor))
      ? await store.yearDaysFor(trx, visitor, input.theme, Number(input.startsOn.slice(0, 4)))
      : 0;
  const capacity = period?.capacity ?? offer.capacity_per_period;
  const taken = await store.taken(trx, offer.id, input.startsOn, input.endsOn, null);
  const dates: string[] = checkDates({
    kind: input.kind,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    days,
    period: period ? { startsOn: period.starts_on, endsOn: period.ends_on } : null,
    programme: programme ? { startsOn: programme.starts_on, endsOn: programme.ends_on } : null,
  });
  if (input.startsOn < deps.clock.today()) dates.unshift('start_past');
  return {
    days,
    warnings: {
      yearly: yearlyWarning(input.kind, days, other, await store.yearlyRule(trx, programmeId)),
      capacity: { capacity, taken, full: capacityLeft(capacity, taken) === 0 },
      dates,
    },
  };
}

export async function createRequest(trx: Tx, deps: Deps, actor: Actor, input: RequestInput) {
  if (!actorCan(actor, 'immersion.request') && !actorCan(actor, 'immersion.manage')) throw forbidden();
  const c = await checkInput(trx, actor, input, deps.clock.today());
  const { id } = await store.insertRequest(trx, {
    org_id: requireOrg(actor),
    host_org_id: c.offer.org_id,
    offer_id: c.offer.id,
    period_id: input.periodId,
    programme_id: c.programmeId,
    visitor_user_id: c.visitorUserId,
    requested_by: actor.userId,
    status: input.submit ? 'awaiting_manager' : 'draft',
    kind: input.kind,
    theme: input.theme,
    objectives: input.objectives.trim(),
    schedule: input.schedule?.trim() || null,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    days: c.days,
  });
  if (input.submit) {
    const r = await store.findRequest(trx, id);
    if (r) await recordRequestEvent(trx, actor, r, 'submit', await visitorName(trx, id));
  }
  return { id };
}

export async function updateRequest(trx: Tx, deps: Deps, actor: Actor, id: string, input: RequestInput) {
  // As reading and moving it: a visitor who lost the permission no longer edits their draft.
  requirePermission(actor, 'immersion.view');
  const r = await visible(trx, id);
  if (!actsForVisitor(actor, r)) throw forbidden();
  if (r.status !== 'draft') throw conflict(E('not_draft'));
  if (input.offerId !== r.offer_id) throw field('offerId', 'offer_changed');
  const c = await checkInput(
    trx,
    actor,
    { ...input, visitorUserId: input.visitorUserId ?? r.visitor_user_id },
    deps.clock.today(),
  );
  await store.updateDraft(trx, id, {
    period_id: input.periodId,
    programme_id: c.programmeId,
    visitor_user_id: c.visitorUserId,
    kind: input.kind,
    theme: input.theme,
    objectives: input.objectives.trim(),
    schedule: input.schedule?.trim() || null,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    days: c.days,
  });
  if (input.submit) await transition(trx, deps, actor, id, { action: 'submit' });
  return { ok: true };
}

// ---------------------------------------------------------------- warnings and guards
async function warnings(trx: Tx, r: store.RequestRow): Promise<RequestWarnings> {
  const offer = await store.findOffer(trx, r.offer_id);
  const period = offer && r.period_id ? await store.findPeriod(trx, r.period_id, offer.id) : null;
  const capacity = period?.capacity ?? offer?.capacity_per_period ?? 0;
  const taken = await store.taken(trx, r.offer_id, r.starts_on, r.ends_on, r.id);
  const holds = ['agreed', 'in_progress', 'completed'].includes(r.status);
  return {
    yearly: yearlyWarning(
      r.kind as ImmersionKind,
      r.days,
      await store.otherYearDays(trx, r.id),
      await store.yearlyRule(trx, r.programme_id),
    ),
    // Once agreed, the request holds its own place: the period is "full" only for others.
    capacity: { capacity, taken, full: !holds && capacityLeft(capacity, taken) === 0 },
    dates: [],
  };
}

function facts(
  actor: Actor,
  r: store.RequestRow,
  w: RequestWarnings,
  today: string,
  signed: boolean,
): Record<RequestGuard, boolean> {
  return {
    manager_not_visitor: actor.userId !== r.visitor_user_id,
    capacity_available: capacityLeft(w.capacity.capacity, w.capacity.taken) > 0,
    agreement_signed: signed,
    start_reached: today >= r.starts_on,
    end_reached: today >= r.ends_on,
    start_not_past: today <= r.starts_on,
  };
}

/** Actions of the request workflow this actor has here (the visitor's own steps only for those who act for them). */
function actionsFor(actor: Actor, r: store.RequestRow, f: Record<RequestGuard, boolean>) {
  const side = sideOf(actor, r);
  const mayVisitor = actsForVisitor(actor, r);
  return requestWorkflow
    .available(r.status as RequestStatus, side, actor.roles, f)
    .filter((a) => side !== 'visitor' || a.transition.permission === 'immersion.manage' || mayVisitor);
}

// ---------------------------------------------------------------- moves
export async function transition(trx: Tx, deps: Deps, actor: Actor, id: string, input: TransitionInput) {
  requirePermission(actor, 'immersion.view');
  const r = await visible(trx, id);
  const side = sideOf(actor, r);
  if (side === 'visitor' && !actsForVisitor(actor, r)) {
    const t = requestWorkflow.find(r.status as RequestStatus, input.action);
    if (t && t.permission !== 'immersion.manage') throw forbidden();
  }
  const today = deps.clock.today();
  if (input.action === 'approve_host') await store.lockOffer(trx, r.offer_id);
  const w = await warnings(trx, r);
  const signed = await fullySigned(trx, r.id, r.agreement_version);
  const check = requestWorkflow.check(
    r.status as RequestStatus,
    input.action,
    side,
    actor.roles,
    facts(actor, r, w, today, signed),
    input.reason,
  );
  if (!check.ok) {
    if (check.code === 'forbidden') throw forbidden();
    if (check.code === 'unknown_action') throw conflict(E('unknown_action'));
    if (check.code === 'reason_required')
      throw validationFailed([{ path: 'reason', code: E('reason_required') }]);
    if (check.code !== 'guards_failed') throw conflict(E('unknown_action'));
    throw conflict(E(`guard.${check.failed[0]}`), { capacity: w.capacity.capacity });
  }
  const t = check.transition;
  const now = new Date().toISOString();
  const reason = t.reasonRequired || t.to === 'withdrawn' ? input.reason?.trim() || null : null;
  const set: Parameters<typeof store.setStatus>[3] = { status: t.to };
  if (reason !== null) set.status_reason = reason;
  if (['approve_manager', 'decline_manager', 'return_to_draft'].includes(t.action)) {
    set.manager_decided_by = actor.userId;
    set.manager_decided_at = now;
  }
  if (t.action === 'approve_manager') set.sent_to_host_at = now;
  if (t.action === 'approve_host' || t.action === 'decline_host') {
    set.host_decided_by = actor.userId;
    set.host_decided_at = now;
  }
  if (!(await store.setStatus(trx, r.id, r.status, set))) throw conflict(E('changed'));
  await recordRequestEvent(trx, actor, r, t.action, await visitorName(trx, r.id));
  return { ok: true };
}

// ---------------------------------------------------------------- reading
function summary(actor: Actor, r: store.ListedRow, today: string): RequestSummary {
  const lang = actor.language;
  const org = (fr: string, nl: string, short: string | null) => short || localized(lang, fr, nl);
  const ended = r.status === 'completed' || r.status === 'in_progress';
  return {
    id: r.id,
    status: r.status as RequestStatus,
    kind: r.kind as ImmersionKind,
    theme: r.theme,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    days: r.days,
    offerTitleFr: r.offer_title_fr,
    offerTitleNl: r.offer_title_nl,
    visitorName: r.visitor_name ?? '',
    visitorOrgName: org(r.visitor_org_fr, r.visitor_org_nl, r.visitor_org_short),
    hostOrgName: org(r.host_org_fr, r.host_org_nl, r.host_org_short),
    side: sideOf(actor, r) ?? 'visitor',
    nextActor: nextActor(r.status as RequestStatus, r.fully_signed),
    reportDueOn: ended ? reportDueOn(r.ends_on) : null,
    reportState: ended ? reportState(r.ends_on, today, r.report_submitted_at !== null) : 'not_yet',
  };
}

export async function listRequests(
  trx: Tx,
  deps: Deps,
  actor: Actor,
  scope: 'mine' | 'manager' | 'host' | 'organisation' = 'mine',
): Promise<RequestList> {
  requirePermission(actor, 'immersion.view');
  const orgId = requireOrg(actor);
  const manage = actorCan(actor, 'immersion.manage');
  if ((scope === 'manager' || scope === 'organisation') && !manage) throw forbidden();
  const rows = await store.listRequests(
    trx,
    scope === 'mine'
      ? { orgId, visitor: actor.userId }
      : scope === 'manager'
        ? { orgId, status: ['awaiting_manager'] }
        : scope === 'host'
          ? { hostOrgId: orgId }
          : { orgId },
  );
  const today = deps.clock.today();
  return { items: rows.map((r) => summary(actor, r, today)), canManage: manage };
}

export async function viewRequest(trx: Tx, deps: Deps, actor: Actor, id: string): Promise<RequestView> {
  requirePermission(actor, 'immersion.view');
  const [r] = await store.listRequests(trx, { id });
  if (!r) throw notFound();
  const today = deps.clock.today();
  const side = sideOf(actor, r);
  if (!side) throw notFound();
  const w = await warnings(trx, r);
  const signatures = await signaturesView(trx, actor, r, today);
  const f = facts(actor, r, w, today, signatures?.fullySigned ?? false);
  const people = await store.people(trx, id);
  const offer = await store.findOffer(trx, r.offer_id);
  const report = await store.findReport(trx, id);
  const isVisitor = side === 'visitor' && actor.userId === r.visitor_user_id;
  const ended = r.status === 'completed' || (r.status === 'in_progress' && today >= r.ends_on);
  const practice = report?.submitted_at ? await findDrawnPractice(trx, id) : undefined;
  return {
    request: summary(actor, r, today),
    offerId: r.offer_id,
    periodId: r.period_id,
    programme: r.programme_id
      ? { id: r.programme_id, acronym: await store.programmeAcronym(trx, r.programme_id) }
      : null,
    hostUnitName: offer ? localized(actor.language, offer.unit_name_fr, offer.unit_name_nl) || null : null,
    objectives: r.objectives,
    schedule: r.schedule,
    statusReason: r.status_reason,
    people: {
      visitor: people.get('visitor') ?? '',
      requestedBy: people.get('requested_by') ?? null,
      manager: people.get('manager') ?? null,
      host: people.get('host') ?? null,
    },
    managerDecidedAt: iso(r.manager_decided_at),
    hostDecidedAt: iso(r.host_decided_at),
    confidentialityAcceptedAt: iso(r.confidentiality_accepted_at),
    signatures,
    warnings: w,
    actions: actionsFor(actor, r, f).map((a) => ({
      action: a.action,
      to: a.to,
      tone: a.tone,
      reasonRequired: a.reasonRequired,
      blockedBy: a.blockedBy,
    })),
    consents: (await store.listConsents(trx, id)).map((c) => ({
      id: c.id,
      heldOn: c.held_on,
      activity: c.activity,
      recordedAt: new Date(c.created_at).toISOString(),
    })),
    logbook: (await store.listLogbook(trx, id)).map((e) => ({
      id: e.id,
      entryOn: e.entry_on,
      body: e.body,
      sharedWithHost: e.shared_with_host,
    })),
    report: report
      ? {
          surprised: report.surprised,
          worksDifferently: report.works_differently,
          toTransfer: report.to_transfer,
          submittedAt: iso(report.submitted_at),
        }
      : null,
    practice: practice ? { id: practice.id, reference: practice.reference } : null,
    can: {
      recordConsent: side === 'host' && ['agreed', 'in_progress', 'completed'].includes(r.status),
      writeLogbook: isVisitor && ['in_progress', 'completed'].includes(r.status),
      writeReport: isVisitor && ended && !report?.submitted_at,
      edit: r.status === 'draft' && actsForVisitor(actor, r),
      drawPractice: !!report?.submitted_at && !practice && mayDrawPractice(actor, r),
    },
  };
}

export async function colleagues(trx: Tx, actor: Actor) {
  requirePermission(actor, 'immersion.manage');
  return store.colleagues(trx, requireOrg(actor));
}
