import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../../../platform/db/database';

/** The immersion agreement's signatures (migration 0032). */

type TimeOrNull = ColumnType<Date | string | null, Date | string | null | undefined, Date | string | null>;

export interface ImmersionSignaturesTable {
  id: Generated<string>;
  request_id: string;
  org_id: string;
  host_org_id: string;
  version: number;
  role: string;
  signer_name: string;
  email: string | null;
  signer_user_id: string | null;
  /** Written, never read back: links are opened by app.immersion_signature_by_token. */
  token_hash: ColumnType<never, Buffer | null | undefined, Buffer | null>;
  token_expires_at: TimeOrNull;
  requested_by: string;
  requested_at: Timestamp;
  method: string | null;
  signed_at: TimeOrNull;
  recorded_by: string | null;
  witness_name: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

declare module '../../../platform/db/database' {
  interface Database {
    immersion_signatures: ImmersionSignaturesTable;
  }
}
