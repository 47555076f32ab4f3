import type { Insertable, Updateable } from 'kysely';
import type { Tx } from '../../../platform/db/context';
import type { PlacementSignaturesTable, PlacementsTable } from '../agreement-tables';
import { recordIfFullySigned } from './signed-copies';

/** Writes of placement agreements, under RLS and audited by the tables' triggers. */

export async function insertPlacement(trx: Tx, values: Insertable<PlacementsTable>): Promise<string> {
  const r = await trx.insertInto('placements').values(values).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updatePlacement(trx: Tx, id: string, set: Updateable<PlacementsTable>): Promise<void> {
  await trx
    .updateTable('placements')
    .set({ ...set, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/**
 * One signature request per agreement version and role: asking again replaces a pending request (its
 * link stops working), never a signature already given.
 */
export async function upsertSignature(
  trx: Tx,
  values: Insertable<PlacementSignaturesTable>,
): Promise<boolean> {
  const r = await trx
    .insertInto('placement_signatures')
    .values(values)
    .onConflict((oc) =>
      oc
        .columns(['placement_id', 'version', 'role'])
        .doUpdateSet({
          signer_name: values.signer_name,
          email: values.email ?? null,
          token_hash: values.token_hash ?? null,
          token_expires_at: values.token_expires_at ?? null,
          requested_by: values.requested_by,
          requested_at: new Date(),
          reminded_at: null,
          // A new link starts its own reminders (issue 9, item 3).
          signer_reminded_at: null,
          signer_reminders: 0,
          method: values.method ?? null,
          signed_at: values.signed_at ?? null,
          recorded_by: values.recorded_by ?? null,
          updated_at: new Date(),
        })
        .where('placement_signatures.signed_at', 'is', null),
    )
    .returning('id')
    .executeTakeFirst();
  // A signature given in person may be the last one: every party is then sent its signed copy.
  if (r && values.signed_at) await recordIfFullySigned(trx, values.placement_id);
  return !!r;
}

export async function hasSignatureRows(trx: Tx, placementId: string, version: number): Promise<boolean> {
  const r = await trx
    .selectFrom('placement_signatures')
    .select('id')
    .where('placement_id', '=', placementId)
    .where('version', '=', version)
    .limit(1)
    .executeTakeFirst();
  return !!r;
}
