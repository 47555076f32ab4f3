import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { conflict, forbidden } from '../../../platform/errors';
import { draftPracticeFromSource, practiceFromSource } from '../../practices';
import { led, readable, X } from './experimentations';
import * as store from './store';
import { takenUp } from './transfers';

/**
 * A good-practice sheet drawn from an experimentation (by its lead, once evaluated) or from a transfer (by
 * the taking-up organisation, once under way): a draft of that organisation in the practice library
 * (practices' `draftPracticeFromSource`, source 'experimentation', source id the experimentation's or the
 * transfer's), under the programme, with the partners. The sheet keeps the source; the experimentation's
 * page finds the sheet again (`practiceFromSource`).
 */
const SOURCE = 'experimentation' as const;

export const findPractice = (trx: Tx, sourceId: string) => practiceFromSource(trx, SOURCE, sourceId);

const join = (...parts: Array<string | null | undefined>) =>
  parts
    .map((p) => p?.trim())
    .filter(Boolean)
    .join('\n\n');

const language = (actor: Actor): 'fr' | 'nl' => (actor.language === 'nl' ? 'nl' : 'fr');

export async function drawFromExperimentation(trx: Tx, actor: Actor, id: string) {
  requirePermission(actor, 'practice.write');
  const e = await led(trx, actor, id);
  if (e.findings === null) throw conflict(X('evaluation_missing'));
  if (await findPractice(trx, e.id)) throw conflict(X('practice_drawn'));
  const l = language(actor);
  const partners = await store.partnersOf(trx, [e.id]);
  return draftPracticeFromSource(trx, {
    orgId: e.org_id,
    userId: actor.userId,
    sourceKind: SOURCE,
    sourceId: e.id,
    language: l,
    fields: {
      title: l === 'nl' ? e.title_nl : e.title_fr,
      description: join(e.objectives, e.findings),
      objectives: e.objectives,
      results: join(e.findings, e.what_worked),
      resources: e.transfer_conditions,
    },
    programmeId: e.programme_id,
    partnerOrgIds: partners.map((p) => p.partner_org_id),
  });
}

export async function drawFromTransfer(trx: Tx, actor: Actor, id: string) {
  requirePermission(actor, 'practice.write');
  const t = await takenUp(trx, actor, id);
  if (t.status === 'proposed') throw conflict(X('practice_too_early'));
  if (await findPractice(trx, t.id)) throw conflict(X('practice_drawn'));
  const e = await readable(trx, actor, t.experimentation_id);
  if (!actor.orgId) throw forbidden();
  const l = language(actor);
  return draftPracticeFromSource(trx, {
    orgId: t.org_id,
    userId: actor.userId,
    sourceKind: SOURCE,
    sourceId: t.id,
    language: l,
    fields: {
      title: `${l === 'nl' ? e.title_nl : e.title_fr} (${t.side})`,
      description: join(e.objectives, t.adaptations, t.findings) || (l === 'nl' ? e.title_nl : e.title_fr),
      objectives: e.objectives,
      results: join(t.findings, t.what_worked),
    },
    programmeId: e.programme_id,
    partnerOrgIds: [e.org_id],
  });
}
