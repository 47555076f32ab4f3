import type { Selectable } from 'kysely';
import type { Tx } from '../../../platform/db/context';
import type { ExperimentationsTable, ExperimentationTransfersTable } from './tables';
import './tables';

/** The experimentations part's SQL: experimentations, partners, transfers, deliverables. RLS decides. */

export type ExperimentationRow = Selectable<ExperimentationsTable>;
export type TransferRow = Selectable<ExperimentationTransfersTable>;
export type OrgRow = {
  id: string;
  name_fr: string;
  name_nl: string;
  short_name: string | null;
  region: string;
};

export const listExperimentations = (trx: Tx) =>
  trx.selectFrom('experimentations').selectAll().orderBy('created_at', 'desc').limit(500).execute();

export const findExperimentation = (trx: Tx, id: string) =>
  trx.selectFrom('experimentations').selectAll().where('id', '=', id).executeTakeFirst();

export const lockExperimentation = (trx: Tx, id: string) =>
  trx.selectFrom('experimentations').select('id').where('id', '=', id).forUpdate().executeTakeFirst();

export const organisations = (trx: Tx, ids: readonly string[]): Promise<OrgRow[]> =>
  ids.length === 0
    ? Promise.resolve([])
    : trx
        .selectFrom('organisations')
        .select(['id', 'name_fr', 'name_nl', 'short_name', 'region'])
        .where('id', 'in', [...new Set(ids)])
        .execute();

export const activeOrganisations = (trx: Tx): Promise<OrgRow[]> =>
  trx
    .selectFrom('organisations')
    .select(['id', 'name_fr', 'name_nl', 'short_name', 'region'])
    .where('status', '=', 'active')
    .orderBy('name_fr')
    .limit(500)
    .execute();

export const partnersOf = (trx: Tx, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : trx
        .selectFrom('experimentation_partners')
        .select(['experimentation_id', 'partner_org_id'])
        .where('experimentation_id', 'in', ids)
        .execute();

export async function setPartners(trx: Tx, id: string, orgId: string, partnerIds: readonly string[]) {
  await trx.deleteFrom('experimentation_partners').where('experimentation_id', '=', id).execute();
  if (partnerIds.length)
    await trx
      .insertInto('experimentation_partners')
      .values(partnerIds.map((p) => ({ experimentation_id: id, partner_org_id: p, org_id: orgId })))
      .execute();
}

export const transfersOf = (trx: Tx, ids: readonly string[]): Promise<TransferRow[]> =>
  ids.length === 0
    ? Promise.resolve([])
    : trx
        .selectFrom('experimentation_transfers')
        .selectAll()
        .where('experimentation_id', 'in', ids)
        .orderBy('created_at')
        .execute();

export const findTransfer = (trx: Tx, id: string) =>
  trx.selectFrom('experimentation_transfers').selectAll().where('id', '=', id).executeTakeFirst();

export const lockTransfer = (trx: Tx, id: string) =>
  trx
    .selectFrom('experimentation_transfers')
    .select('id')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const programmes = (trx: Tx) =>
  trx
    .selectFrom('programmes')
    .select(['id', 'acronym', 'name_fr', 'name_nl'])
    .orderBy('name_fr')
    .limit(200)
    .execute();

export const programmeActions = (trx: Tx, programmeIds: readonly string[]) =>
  programmeIds.length === 0
    ? Promise.resolve([])
    : trx
        .selectFrom('programme_actions')
        .select(['id', 'programme_id', 'code', 'title_fr', 'title_nl', 'title_en', 'position'])
        .where('programme_id', 'in', programmeIds)
        .orderBy('position')
        .execute();

export const findAction = (trx: Tx, id: string) =>
  trx
    .selectFrom('programme_actions')
    .select(['id', 'programme_id', 'code', 'title_fr', 'title_nl', 'title_en'])
    .where('id', '=', id)
    .executeTakeFirst();

export const deliverablesOf = (trx: Tx, programmeId: string) =>
  trx
    .selectFrom('accompaniment_deliverables')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('issued_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
