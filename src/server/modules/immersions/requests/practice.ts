import { localized } from '../../../../common/i18n/locales';
import { OFFER_THEMES } from '../../../../common/immersions/offer-schemas';
import { PRACTICE_THEMES, type PracticeTheme } from '../../../../common/practices/schemas';
import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { conflict, forbidden, notFound } from '../../../platform/errors';
import { t } from '../../../platform/i18n';
import { draftPracticeFromSource, practiceFromSource } from '../../practices';
import { E, visible } from './access';
import * as store from './store';

/**
 * A good-practice sheet drawn from an immersion's submitted report: a draft of the VISITOR's organisation
 * (the practices module's `draftPracticeFromSource`, source 'immersion_report', source id the request's),
 * prefilled from the report, under the request's programme, with the host as partner organisation. Drawn
 * by the visitor or a `practice.write` holder of the visitor's organisation, once (while the sheet exists:
 * a deleted draft may be drawn again). The host and anyone else get a 404, as for a request they do not see.
 */

const SOURCE = 'immersion_report' as const;

export const findDrawnPractice = (trx: Tx, requestId: string) => practiceFromSource(trx, SOURCE, requestId);

/** Whether the actor may draw the sheet of this request (the report's state aside). */
export const mayDrawPractice = (actor: Actor, r: store.RequestRow) =>
  r.org_id === actor.orgId && (actor.userId === r.visitor_user_id || actorCan(actor, 'practice.write'));

const cut = (s: string, max: number) => {
  const v = s.trim();
  return v ? v.slice(0, max) : null;
};

export async function drawPractice(trx: Tx, actor: Actor, id: string): Promise<{ id: string }> {
  requirePermission(actor, 'immersion.view');
  const r = await visible(trx, id);
  // The report is the visitor's organisation's: to the host it is as if there were nothing to draw.
  if (r.org_id !== actor.orgId) throw notFound();
  if (!mayDrawPractice(actor, r)) throw forbidden();
  // Locks the report so that two clicks cannot both draw a sheet (the second then sees the first).
  const report = await trx
    .selectFrom('immersion_reports')
    .selectAll()
    .where('request_id', '=', r.id)
    .forUpdate()
    .executeTakeFirst();
  if (!report?.submitted_at) throw conflict(E('report_not_submitted'));
  if (await findDrawnPractice(trx, r.id)) throw conflict(E('practice_drawn'));

  const visitor = await trx
    .selectFrom('users')
    .select('locale')
    .where('id', '=', r.visitor_user_id)
    .executeTakeFirst();
  // The report carries no language of its own: it is written in the visitor's (a sheet is FR or NL).
  const pick = (l: string | null | undefined) => (l === 'fr' || l === 'nl' ? l : null);
  const language = pick(visitor?.locale) ?? pick(actor.language) ?? 'fr';
  const offer = await store.findOffer(trx, r.offer_id);
  const host = await trx
    .selectFrom('organisations')
    .select(['name_fr', 'name_nl', 'short_name'])
    .where('id', '=', r.host_org_id)
    .executeTakeFirstOrThrow();
  const hostName = host.short_name || localized(language, host.name_fr, host.name_nl);
  const unit = offer ? localized(language, offer.unit_name_fr, offer.unit_name_nl) : '';
  const subject =
    (offer && localized(language, offer.title_fr, offer.title_nl)) ||
    (OFFER_THEMES.includes(r.theme as never)
      ? t(language, `immersions.offers.enum.theme.${r.theme}`)
      : r.theme);
  const themes = PRACTICE_THEMES.includes(r.theme as PracticeTheme) ? [r.theme as PracticeTheme] : [];
  const sheet = await draftPracticeFromSource(trx, {
    orgId: r.org_id,
    userId: actor.userId,
    sourceKind: SOURCE,
    sourceId: r.id,
    language,
    fields: {
      title: `${subject} — ${hostName}`,
      // How the host works is the practice's context; what to take home is the practice itself; what
      // surprised is what the visitor saw come of it there. Difficulties are the writer's to add.
      context: cut(report.works_differently, 4000),
      description: report.to_transfer,
      results: cut(report.surprised, 4000),
      partners: [unit, hostName].filter(Boolean).join(', '),
    },
    themes,
    programmeId: r.programme_id,
    partnerOrgIds: [r.host_org_id],
  });
  return { id: sheet.id };
}
