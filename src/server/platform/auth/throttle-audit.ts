import type { FastifyRequest } from 'fastify';
import { audit } from '../audit';
import { withContext } from '../db/context';
import type { Deps } from '../deps';

/** Addresses remembered at most; past this, expired entries are dropped, then all (a burst of addresses). */
const MAX_REMEMBERED = 50_000;

/**
 * The rate limiter's onExceeded for sign-in routes: records a throttled address in the audit log as a
 * failed sign-in (reason 'throttled'), once per address and window, so that password spraying shows in
 * the log without an attacker being able to flood it with one entry per refused request.
 */
export function auditThrottled(deps: Deps, windowMs = 60_000) {
  const until = new Map<string, number>();
  return (req: FastifyRequest, key: string): void => {
    const now = Date.now();
    if ((until.get(key) ?? 0) > now) return;
    if (until.size >= MAX_REMEMBERED) {
      for (const [k, t] of until) if (t <= now) until.delete(k);
      if (until.size >= MAX_REMEMBERED) until.clear();
    }
    until.set(key, now + windowMs);
    // The 429 does not wait for the audit entry; a failure to write it is logged, never swallowed.
    void withContext(deps.db, { scope: 'system', requestId: req.id }, (trx) =>
      audit(trx, {
        action: 'login_failed',
        entity: 'user',
        detail: { reason: 'throttled', ip: req.ip, route: req.routeOptions.url ?? req.url },
      }),
    ).catch((err) => deps.log.error({ err }, 'could not audit a throttled sign-in'));
  };
}
