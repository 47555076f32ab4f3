import { insuranceCovers } from '../../../common/volunteers/rules';
import type { InsuranceBody, InsuranceList } from '../../../common/volunteers/schemas';
import { type Actor, actorCan, requirePermission } from '../../platform/actor';
import type { Tx } from '../../platform/db/context';
import { badRequest, forbidden } from '../../platform/errors';
import { E } from './service';
import * as store from './store';

/**
 * The organisation's civil-liability insurance for its volunteers (domain brief §1: Belgian organisations
 * must insure them). Recorded, not enforced: an assignment on a day no policy covers is accepted and
 * flagged (the volunteer page warns); refusing would block French associations the Belgian law does not bind.
 */
export async function listInsurance(trx: Tx, actor: Actor, today: string): Promise<InsuranceList> {
  requirePermission(actor, 'volunteers.manage');
  if (!actor.orgId) throw forbidden();
  const rows = await store.insurances(trx, actor.orgId);
  const items = rows.map((r) => ({
    id: r.id,
    insurer: r.insurer,
    policyNumber: r.policy_number,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  }));
  return {
    items,
    coveredToday: insuranceCovers(items, today),
    canManage: actorCan(actor, 'volunteers.manage'),
  };
}

export async function addInsurance(trx: Tx, actor: Actor, body: InsuranceBody): Promise<{ id: string }> {
  requirePermission(actor, 'volunteers.manage');
  if (!actor.orgId) throw forbidden();
  if (body.validTo && body.validTo < body.validFrom) throw badRequest(E('insurance_dates'));
  return trx
    .insertInto('org_volunteer_insurance')
    .values({
      org_id: actor.orgId,
      insurer: body.insurer.trim(),
      policy_number: body.policyNumber.trim(),
      valid_from: body.validFrom,
      valid_to: body.validTo ?? null,
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}
