import { serviceProblems } from '../../../../common/network/service-rules';
import type { ServiceDetail, ServiceInput } from '../../../../common/network/service-schemas';
import type { Actor } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { validationFailed } from '../../../platform/errors';
import { managedOrg } from './access';
import { findService, organisationCountry, territoryExists } from './store';
import { insertService } from './store-writes';

export async function createService(trx: Tx, actor: Actor, input: ServiceInput): Promise<ServiceDetail> {
  const { orgId: requested, ...fields } = input;
  const orgId = managedOrg(actor, requested);
  const country = await organisationCountry(trx, orgId);
  if (!country) throw validationFailed([{ path: 'orgId', code: 'validation.invalid' }]);
  const problems = serviceProblems(fields, country);
  if (fields.municipalityCode && !(await territoryExists(trx, fields.municipalityCode)))
    problems.push({ path: 'municipalityCode', code: 'validation.municipality' });
  if (problems.length) throw validationFailed(problems);
  const id = await insertService(trx, orgId, fields);
  const created = await findService(trx, id, { publishedOnly: false });
  if (!created) throw new Error('created service not readable');
  return created;
}
