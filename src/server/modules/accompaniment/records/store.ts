import { type Insertable, sql, type Updateable } from 'kysely';
import type { StatusEvent } from '../../../../common/accompaniment/records-status';
import type { Tx } from '../../../platform/db/context';
import { type KeyRow, type MasterKeys, releasedOpener } from '../../../platform/keys/field-cipher';
import type {
  NewcomerHouseholdMembersTable,
  NewcomerIntegrationPathsTable,
  NewcomerProfilesTable,
  NewcomerStatusEventsTable,
} from './tables';
import './tables';

/** The newcomer records' SQL. RLS keeps every row to the person's home organisation. */

/** The home organisation's data keys for a newcomer record: to the home and a 'psychosocial' grantee. */
export const newcomerOpener = (trx: Tx, masters: MasterKeys, personId: string) =>
  releasedOpener(trx, masters, sql<KeyRow>`select * from app.newcomer_keys(${personId}::uuid)`);

export const findProfile = (trx: Tx, personId: string) =>
  trx.selectFrom('newcomer_profiles').selectAll().where('person_id', '=', personId).executeTakeFirst();

export const lockProfile = (trx: Tx, personId: string) =>
  trx
    .selectFrom('newcomer_profiles')
    .selectAll()
    .where('person_id', '=', personId)
    .forUpdate()
    .executeTakeFirst();

export async function insertProfile(trx: Tx, row: Insertable<NewcomerProfilesTable>) {
  await trx.insertInto('newcomer_profiles').values(row).execute();
}

export async function updateProfile(trx: Tx, personId: string, set: Updateable<NewcomerProfilesTable>) {
  await trx
    .updateTable('newcomer_profiles')
    .set({ ...set, updated_at: new Date() })
    .where('person_id', '=', personId)
    .execute();
}

export const eventsOf = (trx: Tx, personId: string) =>
  trx
    .selectFrom('newcomer_status_events')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('occurred_on')
    .orderBy('created_at')
    .execute();

export const insertEvent = (trx: Tx, row: Insertable<NewcomerStatusEventsTable>) =>
  trx.insertInto('newcomer_status_events').values(row).returning('id').executeTakeFirstOrThrow();

export const integrationOf = (trx: Tx, personId: string) =>
  trx
    .selectFrom('newcomer_integration_paths')
    .selectAll()
    .where('person_id', '=', personId)
    .executeTakeFirst();

export async function upsertIntegration(trx: Tx, row: Insertable<NewcomerIntegrationPathsTable>) {
  await trx
    .insertInto('newcomer_integration_paths')
    .values(row)
    .onConflict((oc) =>
      oc.column('person_id').doUpdateSet({
        scheme: row.scheme,
        status: row.status,
        started_on: row.started_on ?? null,
        ended_on: row.ended_on ?? null,
        provider: row.provider ?? null,
        updated_at: new Date(),
      }),
    )
    .execute();
}

export const householdOf = (trx: Tx, personId: string) =>
  trx
    .selectFrom('newcomer_household_members as h')
    .leftJoin('persons as p', 'p.id', 'h.linked_person_id')
    .selectAll('h')
    .select(sql<string | null>`p.first_name || ' ' || p.last_name`.as('linked_name'))
    .where('h.person_id', '=', personId)
    .orderBy('h.position')
    .execute();

export async function replaceHousehold(
  trx: Tx,
  personId: string,
  rows: Insertable<NewcomerHouseholdMembersTable>[],
) {
  await trx.deleteFrom('newcomer_household_members').where('person_id', '=', personId).execute();
  if (rows.length) await trx.insertInto('newcomer_household_members').values(rows).execute();
}

/** Persons of the current organisation among these ids (RLS narrows persons to it). */
export const ownPersons = (trx: Tx, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : trx.selectFrom('persons').select('id').where('id', 'in', ids).execute();

export const toStatusEvent = (e: {
  kind: string;
  occurred_on: string;
  outcome: string | null;
  permit_type: string | null;
  valid_from: string | null;
  expires_on: string | null;
}): StatusEvent =>
  ({
    kind: e.kind,
    occurredOn: e.occurred_on,
    outcome: e.outcome,
    permitType: e.permit_type,
    validFrom: e.valid_from,
    expiresOn: e.expires_on,
  }) as StatusEvent;

/** The transaction's day (app.today(): the request clock's day). */
export { transactionDay as today } from '../../../platform/db/context';
