import {
  capacityLeft,
  checkDates,
  type ImmersionKind,
  immersionDays,
} from '../../../../common/immersions/request-rules';
import type { AmendmentInput } from '../../../../common/immersions/signature-schemas';
import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { conflict, forbidden, notFound, validationFailed } from '../../../platform/errors';
import { E, field, sideOf, visitorName } from '../requests/access';
import { recordRequestEvent } from '../requests/notifications';
import * as requests from '../requests/store';
import { S } from './sign';
import * as store from './store';

/**
 * Amends an agreed immersion before it starts (a manager of either side): its objectives, schedule, dates
 * and days, checked as a new request's are (the period, the programme, the host's capacity without this
 * immersion). The amendment is the agreement's next version: the signatures of the old one stay as its
 * history, and all three sign the new one before the immersion may start.
 */
export async function amend(trx: Tx, deps: Deps, actor: Actor, id: string, input: AmendmentInput) {
  requirePermission(actor, 'immersion.view');
  const seen = await requests.findRequest(trx, id);
  if (!seen || !sideOf(actor, seen)) throw notFound();
  if (!actorCan(actor, 'immersion.manage')) throw forbidden(S('not_a_manager'));
  const r = await store.lockRequest(trx, id);
  if (!r) throw notFound();
  const today = deps.clock.today();
  if (r.status !== 'agreed' || today > r.starts_on) throw conflict(S('not_amendable'));
  if (input.startsOn < today) throw field('startsOn', 'start_past');

  const offer = await requests.findOffer(trx, r.offer_id);
  const period = offer && r.period_id ? await requests.findPeriod(trx, r.period_id, offer.id) : null;
  const programme = r.programme_id ? await requests.findProgramme(trx, r.programme_id) : null;
  const days = immersionDays(input.startsOn, input.endsOn, input.days ?? null);
  const problems = checkDates({
    kind: r.kind as ImmersionKind,
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
  // An offer the reader no longer sees (withdrawn since) has no capacity left to check against.
  if (offer) {
    const capacity = period?.capacity ?? offer.capacity_per_period;
    await requests.lockOffer(trx, offer.id);
    const taken = await requests.taken(trx, r.offer_id, input.startsOn, input.endsOn, r.id);
    if (capacityLeft(capacity, taken) === 0) throw conflict(E('guard.capacity_available'), { capacity });
  }

  const next = {
    objectives: input.objectives.trim(),
    schedule: input.schedule?.trim() || null,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    days,
  };
  const same =
    next.objectives === r.objectives &&
    next.schedule === r.schedule &&
    next.starts_on === r.starts_on &&
    next.ends_on === r.ends_on &&
    next.days === r.days;
  if (same) throw validationFailed([{ path: 'objectives', code: S('amendment_unchanged') }]);
  const updated = await trx
    .updateTable('immersion_requests')
    .set({ ...next, agreement_version: r.agreement_version + 1, updated_at: new Date().toISOString() })
    .where('id', '=', r.id)
    .where('agreement_version', '=', r.agreement_version)
    .where('status', '=', 'agreed')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw conflict(E('changed'));
  await recordRequestEvent(trx, actor, { ...r, ...next }, 'agreement_amended', await visitorName(trx, r.id));
  return { ok: true };
}
