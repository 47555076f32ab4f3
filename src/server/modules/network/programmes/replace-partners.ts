import { partnerRuleErrors } from '../../../../common/network/programme-rules';
import {
  PARTNER_ROLES,
  type PartnersBody,
  type ProgrammeDetail,
} from '../../../../common/network/programme-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { validationFailed } from '../../../platform/errors';
import { loadEditable } from './access';
import { getProgramme } from './get-programme';
import { applyPartnerChanges, organisationsStatus, partnerValues } from './partner-store';

/**
 * Replaces the partner list in one transaction. New partners must be active organisations; one that
 * closed after joining may stay, since a finished programme keeps the partners it had.
 */
export async function replacePartners(
  trx: Tx,
  actor: Actor,
  id: string,
  body: PartnersBody,
  today: string,
): Promise<ProgrammeDetail> {
  requirePermission(actor, 'programme.update');
  const row = await loadEditable(trx, actor, id);
  const wanted = body.partners.map((p) => ({
    orgId: p.orgId.toLowerCase(),
    role: p.role,
    // Kept in the order of PARTNER_ROLES, so that the same set is the same list (no spurious audit entry).
    extraRoles: PARTNER_ROLES.filter((r) => (p.extraRoles as readonly string[] | undefined)?.includes(r)),
    budgetTotal: p.budgetTotal ?? null,
    euAmount: p.euAmount ?? null,
  }));
  const errors = partnerRuleErrors(wanted, row.orgId);
  const status = await organisationsStatus(trx, [...new Set(wanted.map((w) => w.orgId))]);
  const current = await partnerValues(trx, row.id);
  wanted.forEach((w, i) => {
    const s = status.get(w.orgId);
    if (!s) errors.push({ path: `partners.${i}.orgId`, code: 'network.programmes.errors.org_unknown' });
    else if (s !== 'active' && !current.has(w.orgId))
      errors.push({ path: `partners.${i}.orgId`, code: 'network.programmes.errors.org_closed' });
  });
  if (errors.length) throw validationFailed(errors);
  await applyPartnerChanges(trx, row.id, row.orgId, current, wanted);
  return getProgramme(trx, actor, row.id, today);
}
