import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { forbidden, notFound } from '../../../platform/errors';
import { field, requireOrg } from './access';
import * as store from './store';

/**
 * A programme's partners and their immersions of a year (counts only), for its lead and partners; the
 * yearly rule of short immersions, set by the lead.
 */
async function programmeMember(trx: Tx, actor: Actor, programmeId: string) {
  const programme = await store.findProgramme(trx, programmeId);
  if (!programme) throw notFound();
  if (!(await store.isProgrammeMember(trx, programme.id, requireOrg(actor)))) throw forbidden();
  return programme;
}

export async function partnerYear(trx: Tx, deps: Deps, actor: Actor, programmeId: string, year?: number) {
  requirePermission(actor, 'immersion.manage');
  const programme = await programmeMember(trx, actor, programmeId);
  const y = year ?? Number(deps.clock.today().slice(0, 4));
  const rule = await store.yearlyRule(trx, programme.id);
  return {
    programme: {
      id: programme.id,
      acronym: programme.acronym ?? '',
      startsOn: programme.starts_on,
      endsOn: programme.ends_on,
    },
    year: y,
    rule,
    canEditRule: programme.org_id === actor.orgId,
    partners: (await store.partnerYear(trx, programme.id, y)).map((p) => ({
      orgId: p.org_id,
      nameFr: p.name_fr,
      nameNl: p.name_nl,
      shortName: p.short_name,
      sent: Number(p.sent),
      received: Number(p.received),
    })),
  };
}

export async function saveYearlyRule(
  trx: Tx,
  actor: Actor,
  programmeId: string,
  rule: { minDays: number; maxDays: number },
) {
  requirePermission(actor, 'immersion.manage');
  const programme = await programmeMember(trx, actor, programmeId);
  if (programme.org_id !== actor.orgId) throw forbidden();
  if (rule.maxDays < rule.minDays) throw field('maxDays', 'rule_max_below_min');
  await store.saveYearlyRule(trx, programme.id, programme.org_id, rule);
  return { ok: true };
}
