import { switchContext, type Tx } from './db/context';

import type { ServerModule } from './module';
import type { Secrets } from './secrets';

/** Organisation ids by demo key, handed to each module's demo seeder. */
export type DemoOrgIds = Record<string, string>;

/** The running instance's secrets a seeder may need (participant codes are keyed with the network secret). */
export type DemoSecrets = Pick<Secrets, 'networkSecret'>;

/** A module's demo data, written through the application role after the organisations and accounts. */
export type DemoSeeder = (
  trx: Tx,
  orgs: DemoOrgIds,
  users: Record<string, string>,
  secrets: DemoSecrets,
  /** The platform's modules: a seeder that computes (the monitoring module's report figures) reads their rules. */
  modules: readonly ServerModule[],
) => Promise<void>;

/** The context the demo seeding runs in between the modules' seeders. */
export const SEEDING_CONTEXT = { platformAdmin: true, scope: 'system' as const };

/**
 * Runs a seeder's work that switches to organisations' contexts, then returns to the seeding context — only
 * when the work succeeded: after a failed statement the transaction is aborted, and switching back would
 * replace the statement's own error with "current transaction is aborted".
 */
export async function seedingAs<T>(trx: Tx, work: () => Promise<T>): Promise<T> {
  const result = await work();
  await switchContext(trx, SEEDING_CONTEXT);
  return result;
}
