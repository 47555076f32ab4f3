import type { Tx } from './db/context';
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
