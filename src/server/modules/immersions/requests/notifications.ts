import { sql } from 'kysely';
import { isLanguage, type Language, localized } from '../../../../common/i18n/locales';
import { requestLink } from '../../../../common/immersions/request-links';
import { absolute } from '../../../../common/kernel/links';
import type { Actor } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { type DomainEvent, recordEvent, recordPartyEvent } from '../../../platform/events';
import { queueMail } from '../../../platform/mail';
import type { NotificationHandler } from '../../../platform/module';
import type { RequestRow } from './store';

/**
 * Who hears of a request's move, as data: the visitor, the managers of the visitor's organisation (its
 * coordinators and administrators, who hold `immersion.manage`), the host's approvers (the same roles at
 * the host). Each side's mails are written acting for that side's organisation, in each recipient's
 * language, and carry names, dates and a link: never the objectives, the logbook or the report. The one
 * who acted is not told of their own move.
 */
export type RequestMove =
  | 'submit'
  | 'approve_manager'
  | 'return_to_draft'
  | 'decline_manager'
  | 'withdraw'
  | 'approve_host'
  | 'decline_host'
  | 'start'
  | 'complete'
  | 'cancel'
  | 'report_submitted'
  | 'agreement_signed'
  | 'agreement_amended';

type Audience = 'visitor' | 'managers' | 'host';

export const MAILS: Readonly<Partial<Record<RequestMove, readonly Audience[]>>> = {
  submit: ['managers'],
  approve_manager: ['visitor', 'host'],
  return_to_draft: ['visitor'],
  decline_manager: ['visitor'],
  // The host hears of a withdrawal only if the request had reached it (checked on the payload).
  withdraw: ['managers', 'host'],
  approve_host: ['visitor', 'managers'],
  decline_host: ['visitor', 'managers'],
  cancel: ['visitor', 'managers', 'host'],
  // The visitor is reminded of the report and its due date.
  complete: ['visitor'],
  report_submitted: ['host'],
  // The last of the three signatures, and an amendment that asks all three to sign again.
  agreement_signed: ['visitor', 'managers', 'host'],
  agreement_amended: ['visitor', 'managers', 'host'],
};

/** Roles that hold `immersion.manage` in an organisation (src/common/access/permissions.ts). */
const MANAGER_ROLES = ['coordinator', 'org_admin'];

export const requestEvent = (move: string) => `immersions.requests.${move}`;

interface Payload extends Record<string, unknown> {
  requestId: string;
  orgId: string;
  hostOrgId: string;
  visitorUserId: string;
  visitorName: string;
  startsOn: string;
  endsOn: string;
  sentToHost: boolean;
  /** The status the move left (a withdrawn draft concerns nobody but its author). */
  fromStatus: string;
}

export async function recordRequestEvent(
  trx: Tx,
  /** Null for a signer's link, which acts for nobody signed in. */
  actor: Pick<Actor, 'orgId' | 'userId'> | null,
  r: Pick<
    RequestRow,
    | 'id'
    | 'org_id'
    | 'host_org_id'
    | 'visitor_user_id'
    | 'starts_on'
    | 'ends_on'
    | 'sent_to_host_at'
    | 'status'
  >,
  move: string,
  visitorName: string,
): Promise<void> {
  if (!(move in MAILS)) return;
  const payload: Payload = {
    requestId: r.id,
    orgId: r.org_id,
    hostOrgId: r.host_org_id,
    visitorUserId: r.visitor_user_id,
    visitorName,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    sentToHost: r.sent_to_host_at !== null || move === 'approve_manager',
    fromStatus: r.status,
  };
  if (actor)
    await recordEvent(trx, {
      type: requestEvent(move),
      orgId: actor.orgId,
      actorUserId: actor.userId,
      payload,
    });
  // A signer's link acts for nobody: the event goes out in the visitor's centre's name (migration 0069).
  else
    await recordPartyEvent(
      trx,
      { type: requestEvent(move), orgId: r.org_id, payload },
      { kind: 'immersion_request', id: r.id },
    );
}

function payloadOf(event: DomainEvent): Payload | null {
  const p = event.payload;
  const strings = [p.requestId, p.orgId, p.hostOrgId, p.visitorUserId, p.startsOn, p.endsOn];
  if (!strings.every((v) => typeof v === 'string' && v.length > 0)) return null;
  return {
    ...p,
    visitorName: typeof p.visitorName === 'string' ? p.visitorName : '',
    sentToHost: p.sentToHost === true,
    fromStatus: typeof p.fromStatus === 'string' ? p.fromStatus : '',
  } as Payload;
}

async function recipients(trx: Tx, orgId: string, audience: Audience, p: Payload) {
  let q = trx
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email', 'u.locale'])
    .where('m.org_id', '=', orgId)
    .where('m.active', '=', true)
    .where('m.accepted_at', 'is not', null)
    .where('u.status', '=', 'active');
  q =
    audience === 'visitor'
      ? q.where('u.id', '=', p.visitorUserId)
      : q.where(sql<boolean>`m.roles && ${sql.val(MANAGER_ROLES)}::text[]`);
  return (await q.orderBy('u.email').execute()).map((x) => ({
    id: x.id,
    email: x.email,
    language: (isLanguage(x.locale) ? x.locale : 'fr') as Language,
  }));
}

async function mail(
  trx: Tx,
  deps: Deps,
  event: DomainEvent,
  move: RequestMove,
  side: 'visitor' | 'host',
  p: Payload,
) {
  const audiences = (MAILS[move] ?? []).filter((a) => (side === 'host' ? a === 'host' : a !== 'host'));
  if (side === 'host' && move === 'withdraw' && !p.sentToHost) return;
  if (move === 'withdraw' && p.fromStatus === 'draft') return;
  const orgId = side === 'host' ? p.hostOrgId : p.orgId;
  const other = await trx
    .selectFrom('organisations')
    .select(['id', 'name_fr', 'name_nl', 'short_name'])
    .where('id', 'in', [p.orgId, p.hostOrgId])
    .execute();
  const told = new Set<string>();
  for (const audience of audiences)
    for (const m of await recipients(trx, orgId, audience, p)) {
      if (told.has(m.id) || m.id === event.actorUserId) continue;
      told.add(m.id);
      const name = (id: string) => {
        const o = other.find((x) => x.id === id);
        return o ? o.short_name || localized(m.language, o.name_fr, o.name_nl) : '';
      };
      await queueMail(trx, {
        to: m.email,
        language: m.language,
        template: requestEvent(move),
        params: {
          visitor: p.visitorName,
          visitorOrg: name(p.orgId),
          host: name(p.hostOrgId),
          startsOn: p.startsOn,
          endsOn: p.endsOn,
          link: absolute(deps.config.publicUrl, requestLink.href({ id: p.requestId })),
        },
        orgId,
      });
    }
}

/** Per mailed move, one handler per side told, each acting for its own organisation. */
export const requestNotifications: readonly NotificationHandler[] = (
  Object.keys(MAILS) as RequestMove[]
).flatMap((move) =>
  (['visitor', 'host'] as const)
    .filter((side) => (MAILS[move] ?? []).some((a) => (side === 'host' ? a === 'host' : a !== 'host')))
    .map(
      (side): NotificationHandler => ({
        event: requestEvent(move),
        actsFor(event) {
          const p = payloadOf(event);
          if (!p) return null;
          return side === 'host' ? p.hostOrgId : p.orgId;
        },
        async handle(trx, deps, event) {
          const p = payloadOf(event);
          if (!p) return;
          await mail(trx, deps, event, move, side, p);
        },
      }),
    ),
);
