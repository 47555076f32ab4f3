import { serviceProblems } from '../../../../common/network/service-rules';
import type { ServiceDetail, ServicePatch } from '../../../../common/network/service-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { conflict, notFound, validationFailed } from '../../../platform/errors';
import { assertOwns } from './access';
import { findService, territoryExists } from './store';
import { updateService as writeService } from './store-writes';

/**
 * Changes a service (publishing and unpublishing included). The rules are checked on the service as it
 * will be saved; a change based on an outdated read is refused rather than silently overwriting.
 */
export async function updateService(
  trx: Tx,
  actor: Actor,
  id: string,
  patch: ServicePatch,
): Promise<ServiceDetail> {
  requirePermission(actor, 'service.manage');
  const current = await findService(trx, id, { publishedOnly: false, forUpdate: true });
  if (!current) throw notFound();
  assertOwns(actor, current.orgId);
  const { expectedUpdatedAt, ...change } = patch;
  if (expectedUpdatedAt && expectedUpdatedAt !== current.updatedAt) throw conflict('errors.stale');
  const merged = { ...current, ...change };
  const problems = serviceProblems(merged, current.country as 'FR' | 'BE' | null);
  if (change.municipalityCode && !(await territoryExists(trx, change.municipalityCode)))
    problems.push({ path: 'municipalityCode', code: 'validation.municipality' });
  if (problems.length) throw validationFailed(problems);
  if (!(await writeService(trx, id, change))) throw notFound();
  const saved = await findService(trx, id, { publishedOnly: false });
  if (!saved) throw notFound();
  return saved;
}
