import { pageOf } from '../../../../common/kernel/schemas';
import { resolveParams } from '../../../../common/monitoring/rules';
import type { RecordsQuery, RecordsView } from '../../../../common/monitoring/schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import { audit } from '../../../platform/audit';
import type { Tx } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { conflict, notFound } from '../../../platform/errors';
import { seesAll } from './board';
import { ruleRegistry } from './registry';
import * as store from './store';

/**
 * The records behind an indicator, pseudonymous (a participant code, never a name): the lead
 * organisation's coordinators see every partner's, a partner's coordinator only its own organisation's
 * (the database function decides: migration 0017). Every page is audited: one entry in the reader's chain
 * and one per home organisation naming the persons shown on it.
 */
export async function viewRecords(
  trx: Tx,
  deps: Deps,
  actor: Actor,
  id: string,
  q: RecordsQuery = {},
): Promise<RecordsView> {
  requirePermission(actor, 'indicators.records');
  const row = await store.findIndicator(trx, id);
  if (!row) throw notFound();
  const programme = await store.findProgramme(trx, row.programme_id);
  if (!programme) throw notFound();
  const rule = row.rule_code ? ruleRegistry(deps.modules).get(row.rule_code)?.rule : undefined;
  if (!rule) throw conflict('monitoring.indicators.errors.manual_no_records');
  const period = { from: programme.starts_on, to: programme.ends_on };
  const { params } = resolveParams(rule.params, row.rule_params ?? {});
  const all = await rule.records(trx, { programmeId: programme.id, ...period, params });
  const { page, pageSize, offset } = pageOf(q, 50);
  const records = all.slice(offset, offset + pageSize);
  const names = await store.organisationNames(
    trx,
    records.map((r) => r.partnerOrgId),
  );
  const personIds = records.flatMap((r) => (r.personId ? [r.personId] : []));
  await store.auditRecordsRead(trx, programme.id, row.id, personIds);
  await audit(trx, {
    action: 'read',
    entity: 'programme_indicators',
    entityId: row.id,
    detail: { what: 'indicator_records', page, count: records.length, persons: new Set(personIds).size },
  });
  return {
    indicator: {
      id: row.id,
      programmeId: row.programme_id,
      code: row.code,
      labelFr: row.label_fr,
      labelNl: row.label_nl,
      labelEn: row.label_en,
      unit: row.unit,
    },
    scope: seesAll(actor, programme) ? 'all' : 'own',
    period,
    total: all.length,
    page,
    pageSize,
    items: records.map((r) => ({
      subject: r.subject,
      orgId: r.partnerOrgId,
      ...(names.get(r.partnerOrgId) ?? { nameFr: '', nameNl: '' }),
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      detail: r.detail,
    })),
  };
}
