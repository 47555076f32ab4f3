import { type RawBuilder, sql } from 'kysely';
import { decryptField } from '../crypto';
import type { Tx } from '../db/context';
import { DatabaseSetupError } from '../db/prepare';
import { platformKeys, type Secrets } from '../secrets';
import {
  blindIndex,
  type KeyPurpose,
  masterKeyId,
  newKey,
  openV2,
  sealedVersion,
  sealV2,
  unwrapKey,
  wrapKey,
} from './envelope';

/** The columns sealed with the organisation's key (ADR 0031 lists them); the name binds a value to its column. */
export type EncryptedField =
  | 'persons.national_id'
  | 'accompaniment_clinical_notes.body'
  | 'accompaniment_requests.message'
  | 'accompaniment_requests.decline_reason'
  | 'accompaniment_interventions.outcome'
  | 'interpreter_bookings.briefing'
  | 'newcomer_profiles.psychosocial_referred_to'
  | 'newcomer_profiles.guardian_name'
  | 'newcomer_profiles.guardian_contact'
  | 'newcomer_status_events.note'
  | 'outreach_contacts.note'
  | 'pathway_notes.body'
  | 'pathway_objectives.title'
  | 'pathway_actions.title'
  | 'pathway_mobility.note'
  | 'referrals.message'
  | 'referrals.decline_reason'
  | 'placement_incidents.description'
  | 'placement_incidents.action_taken'
  | 'placement_mobility.note'
  | 'placement_attendance.note'
  | 'placement_evaluations.strengths'
  | 'placement_evaluations.improvements'
  | 'placement_evaluations.next_steps'
  | 'placement_stays_abroad.reason'
  | 'placement_outcomes.note'
  | 'placement_outcomes.drop_out_reason';

/**
 * What an anonymisation leaves in a sealed column that a row check keeps non-empty (a drop-out's reason):
 * shown as it is, never opened, never sealed (migration 0077, ADR 0042).
 */
export const ERASED = '--';

export type MasterKeys = Pick<Secrets, 'secretKey' | 'previousSecretKeys'>;

export interface KeyRow {
  org_id: string;
  purpose: KeyPurpose;
  version: number;
  master_id: string;
  wrapped: string;
}

/** What an organisation's keys do for a request: seal, open, and index its fields. */
export interface FieldCipher {
  orgId: string;
  /** The data key version new values are sealed with. */
  version: number;
  seal(field: EncryptedField, plain: string): string;
  /** Opens a v2 value of this organisation, or a v1 value of the platform key (not yet re-encrypted). */
  open(field: EncryptedField, sealed: string): string;
  blindIndex(field: EncryptedField, value: string): string;
}

/** The configured master key cannot open what the database holds (start-up prints its one line). */
export class MasterKeyError extends DatabaseSetupError {}

// Unwrapped keys are kept briefly: a key retired by a rotation leaves every process within this time.
const CACHE_MS = 5 * 60_000;
const CACHE_MAX = 2000;
const cache = new Map<string, { key: Buffer; until: number }>();

/** Forgets every unwrapped key (tests, and a process that learns its master key changed). */
export const forgetUnwrappedKeys = () => cache.clear();

export function unwrapRow(masters: MasterKeys, row: KeyRow, now = Date.now()): Buffer {
  const id = `${row.org_id}/${row.purpose}/${row.version}/${row.wrapped}`;
  const hit = cache.get(id);
  if (hit && hit.until > now) return hit.key;
  const master = platformKeys(masters).find((m) => masterKeyId(m) === row.master_id);
  if (!master)
    throw new MasterKeyError(
      `the keys of organisation ${row.org_id} were wrapped with master key ${row.master_id}, which is not SAMEN_SECRET_KEY (nor SAMEN_SECRET_KEY_PREVIOUS)`,
    );
  const key = unwrapKey(master, row.wrapped, row.org_id, row.purpose, row.version);
  if (cache.size >= CACHE_MAX)
    for (const [k, v] of cache) if (v.until <= now || cache.size >= CACHE_MAX) cache.delete(k);
  cache.set(id, { key, until: now + CACHE_MS });
  return key;
}

/** New first keys of an organisation, wrapped with the current master key. */
export function firstKeys(masters: MasterKeys, orgId: string) {
  return {
    masterId: masterKeyId(masters.secretKey),
    data: wrapKey(masters.secretKey, newKey(), orgId, 'data', 1),
    index: wrapKey(masters.secretKey, newKey(), orgId, 'index', 1),
  };
}

/** Opens the values one organisation sealed, given its data key rows (any order). */
function openerOf(masters: MasterKeys, orgId: string, data: readonly KeyRow[]) {
  return (field: EncryptedField, sealed: string) => {
    if (sealed.startsWith('v1.')) return decryptField(sealed, platformKeys(masters));
    const version = sealedVersion(sealed);
    const row = data.find((r) => r.version === version && r.org_id === orgId);
    if (!row) throw new Error(`encrypted field: key version ${version ?? '?'} is not this organisation's`);
    return openV2(unwrapRow(masters, row), orgId, field, sealed);
  };
}

/** A cipher over the given key rows of one organisation (newest data key first). */
export function cipherOf(masters: MasterKeys, rows: readonly KeyRow[]): FieldCipher {
  const data = rows.filter((r) => r.purpose === 'data').sort((a, b) => b.version - a.version);
  const index = rows.find((r) => r.purpose === 'index');
  const current = data[0];
  if (!current || !index) throw new Error('organisation keys missing');
  const orgId = current.org_id;
  return {
    orgId,
    version: current.version,
    seal: (field, plain) => sealV2(unwrapRow(masters, current), current.version, orgId, field, plain),
    open: openerOf(masters, orgId, data),
    blindIndex: (field, value) => blindIndex(unwrapRow(masters, index), field, value),
  };
}

/**
 * The current organisation's cipher, in a request transaction: its keys come from app.org_keys(), which
 * answers the verified organisation's keys only; an organisation without keys gets its first ones here.
 */
export async function fieldCipher(trx: Tx, masters: MasterKeys): Promise<FieldCipher> {
  const load = async () => (await sql<KeyRow>`select * from app.org_keys()`.execute(trx)).rows;
  let rows = await load();
  if (!rows.some((r) => r.purpose === 'data')) {
    const org = (await sql<{ org: string | null }>`select app.current_org_id() as org`.execute(trx)).rows[0]
      ?.org;
    if (!org) throw new Error('encrypted fields need an organisation in the request context');
    const k = firstKeys(masters, org);
    await sql`select app.org_keys_create(${k.masterId}, ${k.data}, ${k.index})`.execute(trx);
    rows = await load();
  }
  return cipherOf(masters, rows);
}

/** Opens what either party of a shared record sealed: `open(writer organisation, field, value)`. */
export interface PartyOpener {
  open(orgId: string, field: EncryptedField, sealed: string): string;
  /** The organisations whose keys were released. */
  orgIds: readonly string[];
}

/** A free text sealed with the current organisation's key, or null when there is none to seal. */
export async function sealText(
  trx: Tx,
  masters: MasterKeys,
  field: EncryptedField,
  text: string | null | undefined,
) {
  return text ? (await fieldCipher(trx, masters)).seal(field, text) : null;
}

/**
 * Rows of the current organisation with their sealed columns opened by its own key (RLS shows it its own
 * rows only); the key is fetched only when a value is there to open.
 */
export async function openOwnColumns<R extends object>(
  trx: Tx,
  masters: MasterKeys,
  rows: readonly R[],
  ...columns: SealedColumns<R>
): Promise<R[]> {
  if (!holdsValues(rows, columns)) return [...rows];
  const cipher = await fieldCipher(trx, masters);
  return openColumns(rows, columns, (_row, field, value) => cipher.open(field, value));
}

/** Which columns of a row type are sealed, and as which field. */
export type SealedColumns<R> = readonly [column: keyof R & string, field: EncryptedField][];

const cell = (row: object, column: string) => (row as Record<string, unknown>)[column];

/** Whether any row holds a value in the sealed columns: keys are fetched only then. */
export const holdsValues = <R extends object>(rows: readonly R[], columns: SealedColumns<R>) =>
  rows.some((r) => columns.some(([c]) => cell(r, c)));

/** Rows with their sealed columns opened by `open` (the row says whose key, when keys differ by row). */
export function openColumns<R extends object>(
  rows: readonly R[],
  columns: SealedColumns<R>,
  open: (row: R, field: EncryptedField, sealed: string) => string,
): R[] {
  return rows.map((r) => {
    const out: Record<string, unknown> = { ...(r as Record<string, unknown>) };
    for (const [c, field] of columns) {
      const v = cell(r, c);
      out[c] = v === ERASED ? ERASED : typeof v === 'string' && v ? open(r, field, v) : null;
    }
    return out as R;
  });
}

/**
 * An opener over the data keys a definer function released for one record (ADR 0037): the function decides
 * who gets them (the record's parties, a grantee, a link's holder); a value of an organisation whose keys
 * did not come back cannot be opened.
 */
export async function releasedOpener(
  trx: Tx,
  masters: MasterKeys,
  release: RawBuilder<KeyRow>,
): Promise<PartyOpener> {
  const rows = (await release.execute(trx)).rows;
  return {
    orgIds: [...new Set(rows.map((r) => r.org_id))],
    open(orgId, field, sealed) {
      const data = rows.filter((r) => r.org_id === orgId);
      if (data.length === 0) throw new Error(`encrypted field: no key of organisation ${orgId} was released`);
      return openerOf(masters, orgId, data)(field, sealed);
    },
  };
}

/** The keys of an accompaniment request's two parties, to either of them only. */
export const requestPartyOpener = (trx: Tx, masters: MasterKeys, requestId: string) =>
  releasedOpener(trx, masters, sql<KeyRow>`select * from app.request_party_keys(${requestId}::uuid)`);
