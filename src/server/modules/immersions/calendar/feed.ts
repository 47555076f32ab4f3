import { can, type Role } from '../../../../common/access/permissions';
import { isLanguage } from '../../../../common/i18n/locales';
import {
  CALENDAR_STATUSES,
  type FeedCreated,
  type FeedState,
  PENDING_STATUSES,
} from '../../../../common/immersions/calendar-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import { hashToken, randomToken } from '../../../platform/crypto';
import { switchContext, type Tx } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { forbidden, notFound } from '../../../platform/errors';
import { t } from '../../../platform/i18n';
import { type AllDayEvent, writeCalendar } from './ical';
import { addDays, orgName } from './service';
import * as store from './store';

/**
 * The reader's secret iCalendar feed: created (or renewed) and revoked on the calendar page, read by
 * calendar applications without a session. The token (256 bits, base64url) travels in the query string,
 * not the path: request logs keep paths verbatim but replace every query value (platform/boot.ts), so the
 * token never reaches a log. Only its SHA-256 hash is stored; the address is shown once, at creation.
 */

const FEED_PATH = '/api/immersions/calendar/feed.ics';

const orgOf = (actor: Actor) => {
  if (!actor.orgId) throw forbidden();
  return actor.orgId;
};

export async function feedState(trx: Tx, actor: Actor): Promise<FeedState> {
  requirePermission(actor, 'immersion.view');
  const live = await store.liveFeed(trx, actor.userId, orgOf(actor));
  return { createdAt: live ? new Date(live.created_at).toISOString() : null };
}

/** A new feed address; the previous one (if any) stops working. Both steps are audited by the trigger. */
export async function createFeed(trx: Tx, deps: Deps, actor: Actor): Promise<FeedCreated> {
  requirePermission(actor, 'immersion.view');
  const orgId = orgOf(actor);
  await store.revokeFeed(trx, actor.userId, orgId);
  const token = randomToken();
  const row = await store.insertFeed(trx, { userId: actor.userId, orgId, tokenHash: hashToken(token) });
  const url = new URL(FEED_PATH, deps.config.publicUrl);
  url.searchParams.set('token', token);
  return { url: url.toString(), createdAt: new Date(row.created_at).toISOString() };
}

export async function revokeFeed(trx: Tx, actor: Actor): Promise<{ ok: boolean }> {
  requirePermission(actor, 'immersion.view');
  return { ok: await store.revokeFeed(trx, actor.userId, orgOf(actor)) };
}

/**
 * The feed's text (run in the system scope of pre-authentication, like the signing links): an unknown or
 * revoked token, a user no longer active or member, or without the immersions permission, is the same
 * 404. Then the transaction acts as that user in that organisation, not in the system scope, so every read
 * below goes through the ordinary policies: the user's own immersions and those their teams host, nothing
 * the user could not see signed in. Events carry organisations' short names only: no names of people, no
 * objectives.
 */
export async function feedText(trx: Tx, deps: Deps, token: string, requestId: string): Promise<string> {
  const owner = await store.feedOwner(trx, hashToken(token));
  if (!owner || !can(owner.roles as Role[], 'immersion.view')) throw notFound();
  const today = deps.clock.today();
  await switchContext(trx, { userId: owner.user_id, orgId: owner.org_id, requestId, today });
  const lang = isLanguage(owner.locale) ? owner.locale : 'fr';
  // A year back (what happened) and eighteen months ahead (long immersions are agreed early).
  const from = addDays(today, -366);
  const to = addDays(today, 548);
  const common = { orgId: owner.org_id, from, to };
  const mine = await store.partyImmersions(trx, {
    ...common,
    visitor: owner.user_id,
    statuses: [...CALENDAR_STATUSES, ...PENDING_STATUSES],
  });
  const hosted = await store.partyImmersions(trx, {
    ...common,
    teamOf: owner.user_id,
    statuses: CALENDAR_STATUSES,
  });
  const host = new URL(deps.config.publicUrl).hostname;
  const event = (r: store.PartyRow, side: 'visitor' | 'host'): AllDayEvent => ({
    // One event per request and side: stable across renewals of the feed and changes of status.
    uid: `immersion-${r.id}-${side}@${host}`,
    stamp: new Date(r.updated_at),
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    summary:
      side === 'visitor'
        ? t(lang, 'immersions.calendar.feed.visitor', {
            org: orgName(lang, r.host_org_fr, r.host_org_nl, r.host_org_short),
          })
        : t(lang, 'immersions.calendar.feed.host', {
            org: orgName(lang, r.visitor_org_fr, r.visitor_org_nl, r.visitor_org_short),
          }),
    status: (PENDING_STATUSES as readonly string[]).includes(r.status) ? 'TENTATIVE' : 'CONFIRMED',
  });
  return writeCalendar({
    prodId: '-//samen//immersions//EN',
    name: t(lang, 'immersions.calendar.feed.name'),
    events: [...mine.map((r) => event(r, 'visitor')), ...hosted.map((r) => event(r, 'host'))],
  });
}
