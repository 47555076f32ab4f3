import { sql } from 'kysely';
import { withContext } from './db/context';
import type { Deps } from './deps';

/** Maintenance every deployment runs: deliver queued mail, purge ended sessions and old finished jobs. */
export function registerPlatformJobs(deps: Deps): void {
  if (deps.mailer.delivers)
    deps.jobs.every('mail.deliver', 15_000, async () => void (await deps.mailer.deliverQueued(deps.db)));
  deps.jobs.every('jobs.purge', 3600_000, async () => {
    await withContext(deps.db, { scope: 'system' }, (trx) =>
      sql`update jobs set payload = '{}'::jsonb where status = 'done' and finished_at < now() - interval '30 days'`.execute(
        trx,
      ),
    );
  });
}
