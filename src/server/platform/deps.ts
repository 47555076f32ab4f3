import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../../common/kernel/clock';
import type { Config } from './config';
import type { Database } from './db/database';
import type { Engine } from './db/engine';
import type { JobRunner } from './jobs';
import type { Mailer } from './mail';
import type { ServerModule } from './module';
import type { Secrets } from './secrets';

/** What every use case may depend on; passed explicitly, no globals. */
export interface Deps {
  config: Config;
  engine: Engine;
  db: Kysely<Database>;
  secrets: Secrets;
  mailer: Mailer;
  jobs: JobRunner;
  log: Logger;
  /** Today and now, in Europe/Brussels: every rule, reminder and query that needs the date asks it. */
  clock: Clock;
  /** Every module's manifest, for the extension points a module offers the others (caseload alerts…). */
  modules: readonly ServerModule[];
}
