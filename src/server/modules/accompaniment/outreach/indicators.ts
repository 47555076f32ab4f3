import { sql } from 'kysely';
import { runCount, runRecords } from '../../../platform/indicators';
import type { IndicatorRule, IndicatorScope } from '../../../platform/module';

/**
 * accompaniment.outreach_contacts (SQL in migration 0056, pure twin `countReached` in
 * src/common/accompaniment/outreach-rules.ts): persons reached by outreach in the period, counted once
 * each — a linked contact by its person's participant code, an unlinked one by its pseudonym within its
 * organisation, else on its own.
 */
const periodArgs = (s: IndicatorScope) => sql`${s.programmeId}::uuid, ${s.from}::date, ${s.to}::date`;

export const outreachIndicatorRules: readonly IndicatorRule[] = [
  {
    code: 'accompaniment.outreach_contacts',
    labelKey: 'accompaniment.outreach.indicators.contacts.label',
    definitionKey: 'accompaniment.outreach.indicators.contacts.definition',
    unit: 'persons',
    params: {},
    count: (trx, s) =>
      runCount(trx, sql`select partner_org_id, n from app.ind_outreach_contacts_count(${periodArgs(s)})`),
    records: (trx, s) =>
      runRecords(trx, sql`select * from app.ind_outreach_contacts_records(${periodArgs(s)}) order by 4, 1`),
  },
];
