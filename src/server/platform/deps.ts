import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from './config';
import type { Database } from './db/database';
import type { Engine } from './db/engine';
import type { JobRunner } from './jobs';
import type { Mailer } from './mail';
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
}
