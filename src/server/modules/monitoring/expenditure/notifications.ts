import { localized } from '../../../../common/i18n/locales';
import { absolute } from '../../../../common/kernel/links';
import { declarationLink } from '../../../../common/monitoring/links';
import type { Actor } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { type DomainEvent, recordEvent } from '../../../platform/events';
import { queueMail } from '../../../platform/mail';
import type { NotificationHandler } from '../../../platform/module';
import { staffWithRoles } from '../staff';
import type { DeclarationRow } from './store';

/**
 * Who hears of a declaration's move: on submit, the lead's coordinators (they review it); once the review
 * is closed or the declaration re-opened, the declaring partner's finance officers (its coordinators when
 * it has none). Each mail is written acting for the organisation that receives it, in each recipient's
 * language, and carries the programme, the period, the partner's name and a link: never an amount, an
 * item or a person.
 */
export type DeclarationMove = 'submitted' | 'reviewed' | 'reopened';

export const declarationEvent = (move: DeclarationMove) => `monitoring.expenditure.${move}`;

interface DeclarationEventPayload extends Record<string, unknown> {
  declarationId: string;
  programmeId: string;
  partnerOrgId: string;
  leadOrgId: string;
  period: string;
}

/** Records a move in the use case's transaction, in the name of the organisation that acted. */
export async function recordDeclarationEvent(
  trx: Tx,
  actor: Actor,
  d: Pick<DeclarationRow, 'id' | 'programme_id' | 'org_id' | 'lead_org_id' | 'period'>,
  move: DeclarationMove,
): Promise<void> {
  const payload: DeclarationEventPayload = {
    declarationId: d.id,
    programmeId: d.programme_id,
    partnerOrgId: d.org_id,
    leadOrgId: d.lead_org_id,
    period: d.period,
  };
  await recordEvent(trx, {
    type: declarationEvent(move),
    orgId: move === 'submitted' ? d.org_id : d.lead_org_id,
    actorUserId: actor.userId,
    payload,
  });
}

function declarationPayload(event: DomainEvent): DeclarationEventPayload | null {
  const { declarationId, programmeId, partnerOrgId, leadOrgId, period } = event.payload;
  const all = [declarationId, programmeId, partnerOrgId, leadOrgId, period];
  if (!all.every((v) => typeof v === 'string' && v.length > 0)) return null;
  return { declarationId, programmeId, partnerOrgId, leadOrgId, period } as DeclarationEventPayload;
}

const MAILS: Readonly<Record<DeclarationMove, { to: 'lead' | 'partner'; roles: readonly string[][] }>> = {
  // The lead's coordinators review it.
  submitted: { to: 'lead', roles: [['coordinator']] },
  // The partner's finance officers, or its coordinators when it has none.
  reviewed: { to: 'partner', roles: [['finance'], ['coordinator']] },
  reopened: { to: 'partner', roles: [['finance'], ['coordinator']] },
};

async function mailMove(trx: Tx, deps: Deps, move: DeclarationMove, p: DeclarationEventPayload) {
  const mail = MAILS[move];
  const orgId = mail.to === 'lead' ? p.leadOrgId : p.partnerOrgId;
  let to: Awaited<ReturnType<typeof staffWithRoles>> = [];
  for (const roles of mail.roles) {
    to = await staffWithRoles(trx, orgId, roles);
    if (to.length) break;
  }
  if (!to.length) return;
  const programme = await trx
    .selectFrom('programmes')
    .select('acronym')
    .where('id', '=', p.programmeId)
    .executeTakeFirst();
  const partner = await trx
    .selectFrom('organisations')
    .select(['name_fr', 'name_nl', 'short_name'])
    .where('id', '=', p.partnerOrgId)
    .executeTakeFirst();
  for (const m of to)
    await queueMail(trx, {
      to: m.email,
      language: m.language,
      template: declarationEvent(move),
      params: {
        programme: programme?.acronym ?? '',
        period: p.period,
        partner: partner ? partner.short_name || localized(m.language, partner.name_fr, partner.name_nl) : '',
        link: absolute(deps.config.publicUrl, declarationLink.href({ id: p.declarationId })),
      },
      orgId,
    });
}

/** One handler per mailed move, run after the move committed, acting for the organisation told. */
export const expenditureNotifications: readonly NotificationHandler[] = (
  Object.keys(MAILS) as DeclarationMove[]
).map(
  (move): NotificationHandler => ({
    event: declarationEvent(move),
    actsFor(event) {
      const p = declarationPayload(event);
      if (!p) return null;
      return MAILS[move].to === 'lead' ? p.leadOrgId : p.partnerOrgId;
    },
    async handle(trx, deps, event) {
      const p = declarationPayload(event);
      // Another organisation's event (actsFor gave null) or an unknown shape: nobody is told.
      if (!p || !event.orgId) return;
      await mailMove(trx, deps, move, p);
    },
  }),
);
