import type { Tx } from '../../../platform/db/context';
import type { DemoOrgIds } from '../../../platform/demo';
import { DEMO_SERVICES } from './demo-services';
import { insertService } from './store-writes';

/** Seeds the fictional cross-border services of the demo network (inside the demo transaction). */
export async function seedDemoServices(trx: Tx, orgs: DemoOrgIds): Promise<void> {
  for (const { org, ...service } of DEMO_SERVICES) {
    const orgId = orgs[org];
    if (!orgId) throw new Error(`demo service for unknown organisation ${org}`);
    await insertService(trx, orgId, service);
  }
}
