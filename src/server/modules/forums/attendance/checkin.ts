import { checkInOpen, normaliseCheckInCode } from '../../../../common/forums/attendance-rules';
import type { CheckInRow, CheckInView } from '../../../../common/forums/attendance-schemas';
import type { EventDetail } from '../../../../common/forums/schemas';
import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import { hashToken } from '../../../platform/crypto';
import type { Tx } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { badRequest, conflict, forbidden, notFound } from '../../../platform/errors';
import { mailRegistrant } from '../mails';
import { promoteWaiting } from '../places';
import { F } from '../registration';
import * as events from '../store';
import { anonymousOf } from './anonymous';
import * as store from './store';

/**
 * The organiser's check-in (migration 0050): the people expected with one-tap "present" and its undo, the
 * QR code's check-in code resolved to its registration, and cancelling a registration for someone (the
 * waiting list moves up exactly as with the person's own link). `forum.manage` of the organising
 * organisation only; every change is audited by the table's trigger.
 */

/** The organiser's event: another organisation's draft is unknown, its published event forbidden. */
export async function organiserEvent(trx: Tx, actor: Actor, id: string) {
  requirePermission(actor, 'forum.manage');
  const e = await events.findEvent(trx, id);
  if (!e || (e.status === 'draft' && e.org_id !== actor.orgId)) throw notFound(F('unknown_event'));
  if (!actor.orgId || e.org_id !== actor.orgId || !actorCan(actor, 'forum.manage')) throw forbidden();
  return e;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export async function checkInView(trx: Tx, actor: Actor, id: string, now: Date): Promise<CheckInView> {
  const e = await organiserEvent(trx, actor, id);
  const regs = await store.expectedRegistrations(trx, e.id);
  const rows: CheckInRow[] = regs.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    organisation: r.organisation,
    status: r.status as CheckInRow['status'],
    attendedAt: iso(r.attended_at),
  }));
  return {
    id: e.id,
    kind: e.kind as EventDetail['kind'],
    titleFr: e.title_fr,
    titleNl: e.title_nl,
    startsAt: new Date(e.starts_at).toISOString(),
    endsAt: new Date(e.ends_at).toISOString(),
    venue: e.venue,
    status: e.status as EventDetail['status'],
    open: checkInOpen({ status: e.status, startsAt: e.starts_at }, now),
    expected: rows.filter((r) => r.status !== 'waiting').length,
    present: rows.filter((r) => r.status === 'attended').length,
    rows,
    anonymous: await anonymousOf(trx, e.id),
  };
}

/** The code of a QR code or typed from a confirmation: its registration in this event, or 404. */
export async function lookup(trx: Tx, actor: Actor, id: string, code: string) {
  const e = await organiserEvent(trx, actor, id);
  const found = await store.registrationByCheckInHash(trx, e.id, hashToken(normaliseCheckInCode(code)));
  if (!found) throw notFound(F('unknown_code'));
  return { registrationId: found.id };
}

export async function setAttendance(
  trx: Tx,
  actor: Actor,
  id: string,
  registrationId: string,
  present: boolean,
  now: Date,
) {
  const e = await organiserEvent(trx, actor, id);
  if (!checkInOpen({ status: e.status, startsAt: e.starts_at }, now)) throw badRequest(F('check_in_closed'));
  // A person let in from the waiting list takes a place: serialised with the other moves of places.
  await events.lockEvent(trx, e.id);
  const r = await store.registrationOf(trx, e.id, registrationId);
  if (!r) throw notFound(F('unknown_registration'));
  if (r.status === 'cancelled') throw conflict(F('registration_cancelled'));
  if (present && r.status !== 'attended') await store.markAttended(trx, r.id, r.status, now);
  if (!present && r.status === 'attended')
    await store.undoAttended(trx, r.id, r.attended_from ?? 'confirmed');
  return { ok: true };
}

/** The organiser cancels for someone: like the person's own link, the first waiting person is promoted. */
export async function cancelFor(trx: Tx, deps: Deps, actor: Actor, id: string, registrationId: string) {
  const e = await organiserEvent(trx, actor, id);
  if (e.status === 'cancelled') throw conflict(F('cancelled'));
  await events.lockEvent(trx, e.id);
  const r = await store.registrationOf(trx, e.id, registrationId);
  if (!r) throw notFound(F('unknown_registration'));
  if (r.status !== 'confirmed' && r.status !== 'waiting') throw conflict(F('not_cancellable'));
  const now = deps.clock.now();
  await events.cancelRegistration(trx, r.id, now);
  // The person is told, while the event is still to come; then the waiting list moves up.
  if (new Date(e.starts_at).getTime() > now.getTime())
    await mailRegistrant(trx, deps, e, r, 'cancelled_by_organiser', e.org_id);
  if (r.status === 'confirmed') await promoteWaiting(trx, deps, e, e.org_id, now);
  return { ok: true };
}
