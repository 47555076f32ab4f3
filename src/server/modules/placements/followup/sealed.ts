import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/context';
import {
  type EncryptedField,
  type FieldCipher,
  fieldCipher,
  type KeyRow,
  type MasterKeys,
  type PartyOpener,
  releasedOpener,
} from '../../../platform/keys/field-cipher';

/**
 * The follow-up texts either side of a placement writes (an incident's description and action, a journey's
 * note) are sealed with the key of the side that wrote them (author_org_id, migration 0076, ADR 0040); each
 * side opens the other's with the keys app.placement_party_keys() releases for its own placements only.
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
    ...columns: readonly [column: keyof R & string, field: EncryptedField][]
  ): Promise<R[]> => {
    const value = (r: R, c: string) => (r as Record<string, unknown>)[c];
    if (!rows.some((r) => columns.some(([c]) => value(r, c)))) return [...rows];
    opener ??= followUpOpener(trx, masters, placementIds);
    const keys = await opener;
    return rows.map((r) => {
      const out: Record<string, unknown> = { ...(r as Record<string, unknown>) };
      for (const [c, field] of columns) {
        const v = value(r, c);
        out[c] = typeof v === 'string' && v ? keys.open(r.author_org_id, field, v) : null;
      }
      return out as R;
    });
  };
}

/**
 * How the writing side seals its texts: with its own key, fetched on the first text there is to seal; the
 * side is the row's author (the database refuses a row written in the other side's name).
 */
export function authorSealer(trx: Tx, masters: MasterKeys, orgId: string) {
  let cipher: Promise<FieldCipher> | undefined;
  return {
    orgId,
    async seal(field: EncryptedField, text: string | null | undefined): Promise<string | null> {
      if (!text) return null;
      cipher ??= fieldCipher(trx, masters);
      return (await cipher).seal(field, text);
    },
  };
}
