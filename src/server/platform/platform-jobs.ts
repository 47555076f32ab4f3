import { sql } from 'kysely';
import { issuePasswordReset, RESET_REQUEST_QUEUE } from './auth/password-reset';
import { withContext } from './db/context';
import type { Deps } from './deps';
import { EXPORT_PURGE_INTERVAL_MS, purgeExpiredExports } from './exports';
import { MAIL_QUEUE } from './mail';

/**
 * Maintenance every deployment runs: deliver queued mail (woken by each queued mail, and swept every
 * 15 s for retries), purge old finished jobs and the secrets of mails that could not be delivered.
 */
export function registerPlatformJobs(deps: Deps): void {
  const deliver = async () => {
    // Drain: a burst of mails leaves in a few full passes; a failed mail waits for the next sweep.
    while ((await deps.mailer.deliverQueued(deps.db, 20)) === 20);
  };
  deps.jobs.register(MAIL_QUEUE, deliver);
  deps.jobs.register(RESET_REQUEST_QUEUE, async (payload) => {
    if (typeof payload.email !== 'string') return;
    const email = payload.email;
    await withContext(deps.db, { scope: 'system' }, (trx) =>
      issuePasswordReset(trx, { config: deps.config, secretKey: deps.secrets.secretKey }, email),
    );
  });
  deps.jobs.every('mail.sweep', 15_000, deliver);
  // Stored exports of personal data are deleted once expired (ADR 0033).
  deps.jobs.every('exports.purge', EXPORT_PURGE_INTERVAL_MS, async () => {
    await purgeExpiredExports(deps);
  });
  deps.jobs.every('jobs.purge', 3600_000, async () => {
    await withContext(deps.db, { scope: 'system' }, (trx) =>
      sql`update jobs set payload = '{}'::jsonb where status = 'done' and finished_at < now() - interval '30 days'`.execute(
        trx,
      ),
    );
  });
}
