import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/context';
import {
  type EncryptedField,
  type FieldCipher,
  fieldCipher,
  holdsValues,
  type KeyRow,
  type MasterKeys,
  openColumns,
  type PartyOpener,
  releasedOpener,
  type SealedColumns,
} from '../../../platform/keys/field-cipher';
import type { FollowUpAccess } from './access';

/**
 * The follow-up texts either side of a placement writes (incidents, journeys, attendance notes, evaluations)
 * are sealed with the key of the side that wrote them (author_org_id, migration 0076, ADR 0040); each side
 * opens the other's with the keys app.placement_party_keys() releases for its own placements only.
 */
export const followUpOpener = (trx: Tx, masters: MasterKeys, placementIds: readonly string[]) =>
  releasedOpener(
    trx,
    masters,
    sql<KeyRow>`select * from app.placement_party_keys(${[...placementIds]}::uuid[])`,
  );

/**
 * Opens rows' sealed columns by each row's author key, for the given placements; the keys are released once,
 * on the first value there is to open.
 */
export function authoredOpener(trx: Tx, masters: MasterKeys, placementIds: readonly string[]) {
  let opener: Promise<PartyOpener> | undefined;
  return async <R extends { author_org_id: string }>(
    rows: readonly R[],
    ...columns: SealedColumns<R>
  ): Promise<R[]> => {
    if (!holdsValues(rows, columns)) return [...rows];
    opener ??= followUpOpener(trx, masters, placementIds);
    const keys = await opener;
    return openColumns(rows, columns, (row, field, sealed) => keys.open(row.author_org_id, field, sealed));
  };
}

/**
 * How the writing side seals its texts: with its own key, fetched on the first text there is to seal; that
 * side is the row's author (the database refuses a row written in the other side's name).
 */
export function authorSealer(trx: Tx, masters: MasterKeys, a: Pick<FollowUpAccess, 'side' | 'row'>) {
  let cipher: Promise<FieldCipher> | undefined;
  function seal(field: EncryptedField, text: string): Promise<string>;
  function seal(field: EncryptedField, text: string | null | undefined): Promise<string | null>;
  async function seal(field: EncryptedField, text: string | null | undefined) {
    if (!text) return null;
    cipher ??= fieldCipher(trx, masters);
    return (await cipher).seal(field, text);
  }
  return { orgId: a.side === 'home' ? a.row.org_id : a.row.host_org_id, seal };
}
