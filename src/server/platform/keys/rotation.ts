import { decryptField, encryptField } from '../crypto';
import type { Session } from '../db/engine';
import { platformKeys } from '../secrets';
import { looksSealed, masterKeyId, newKey, unwrapKey, wrapKey } from './envelope';
import {
  cipherOf,
  ERASED,
  type FieldCipher,
  firstKeys,
  type KeyRow,
  MasterKeyError,
  type MasterKeys,
} from './field-cipher';
import { PLATFORM_SEALED_COLUMNS, SEALED_COLUMNS, type SealedColumn } from './sealed-columns';

/**
 * Re-encryption and rotation, run as the schema owner (at start, and by `npm run keys:rotate`) while the
 * application keeps serving: every batch is one short statement that changes a row only if it still holds
 * the value that was read, so a concurrent write wins and the row is taken again by the next batch.
 */

export interface RotationOptions {
  batchSize?: number;
  /** Called after each batch (tests read through the application here, between two batches). */
  onBatch?: (info: { table: string; rows: number }) => Promise<void> | void;
}

export interface RotationReport {
  /** Rows re-encrypted, per table.column. */
  resealed: Record<string, number>;
  /** Organisations given a new data key version. */
  rotatedOrgs: number;
  /** Data key versions deleted after their rows were moved. */
  retiredVersions: number;
  /** Key rows re-wrapped with the new master key. */
  rewrapped: number;
}

const emptyReport = (): RotationReport => ({
  resealed: {},
  rotatedOrgs: 0,
  retiredVersions: 0,
  rewrapped: 0,
});

async function keysOf(db: Session, orgIds: readonly string[]): Promise<Map<string, KeyRow[]>> {
  const rows = await db.query<KeyRow>(
    'select org_id, purpose, version, master_id, wrapped from app.org_keys where org_id = any($1::uuid[])',
    [orgIds],
  );
  const byOrg = new Map<string, KeyRow[]>();
  for (const r of rows) byOrg.set(r.org_id, [...(byOrg.get(r.org_id) ?? []), r]);
  return byOrg;
}

/** Gives every listed organisation without keys its first ones. */
async function ensureKeys(db: Session, masters: MasterKeys, orgIds: readonly string[]) {
  for (const org of orgIds) {
    const k = firstKeys(masters, org);
    await db.query(
      `insert into app.org_keys (org_id, purpose, version, master_id, wrapped)
       values ($1, 'data', 1, $2, $3), ($1, 'index', 1, $2, $4) on conflict do nothing`,
      [org, k.masterId, k.data, k.index],
    );
  }
}

/** The rows of a column not yet sealed with their organisation's newest data key. */
function pendingRows(db: Session, c: SealedColumn, limit: number) {
  return db.query<{ id: string; org_id: string; value: string }>(
    `select t.id, t.${c.orgColumn ?? 'org_id'} as org_id, t.${c.column} as value from ${c.table} t
     left join (select org_id, max(version) as v from app.org_keys where purpose = 'data' group by org_id) k
       on k.org_id = t.${c.orgColumn ?? 'org_id'}
     where t.${c.column} is not null and t.${c.column} <> $2
       and (k.v is null or t.${c.column} not like 'v2.' || k.v || '.%')
     order by t.id limit $1`,
    [limit, ERASED],
  );
}

/**
 * Seals with the organisation's newest data key every value of the sealed columns that is not: v1 values
 * (the platform key), values of an older key version, and clear text. Stops when none is left.
 */
export async function sealPending(
  db: Session,
  masters: MasterKeys,
  opts: RotationOptions = {},
  report = emptyReport(),
): Promise<RotationReport> {
  const limit = opts.batchSize ?? 200;
  for (const c of SEALED_COLUMNS) {
    const name = `${c.table}.${c.column}`;
    for (let guard = 0; guard < 1_000_000; guard++) {
      const rows = await pendingRows(db, c, limit);
      if (rows.length === 0) break;
      const orgIds = [...new Set(rows.map((r) => r.org_id))];
      let keys = await keysOf(db, orgIds);
      const missing = orgIds.filter((o) => !keys.get(o)?.some((k) => k.purpose === 'data'));
      if (missing.length) {
        await ensureKeys(db, masters, missing);
        keys = await keysOf(db, orgIds);
      }
      const ciphers = new Map<string, FieldCipher>();
      for (const o of orgIds) ciphers.set(o, cipherOf(masters, keys.get(o) ?? []));
      const ids: string[] = [];
      const olds: string[] = [];
      const news: string[] = [];
      const indexes: (string | null)[] = [];
      for (const r of rows) {
        const cipher = ciphers.get(r.org_id) as FieldCipher;
        let plain: string;
        // A column that held clear text may hold a text that merely starts like a sealed value.
        const sealed = r.value.startsWith('v1.') || r.value.startsWith('v2.');
        if (sealed && (!c.heldClearText || looksSealed(r.value))) {
          try {
            plain = cipher.open(c.field, r.value);
          } catch (e) {
            throw new MasterKeyError(
              `cannot open ${name} of row ${r.id} (${(e as Error).message}): is SAMEN_SECRET_KEY the key it was sealed with?`,
            );
          }
        } else plain = r.value;
        ids.push(r.id);
        olds.push(r.value);
        news.push(cipher.seal(c.field, plain));
        indexes.push(c.blindIndex ? cipher.blindIndex(c.field, plain) : null);
      }
      const setIndex = c.blindIndex ? `, ${c.blindIndex} = v.bidx` : '';
      await db.query(
        `update ${c.table} t set ${c.column} = v.new${setIndex}
         from (select unnest($1::uuid[]) as id, unnest($2::text[]) as old, unnest($3::text[]) as new,
           unnest($4::text[]) as bidx) v
         where t.id = v.id and t.${c.column} = v.old`,
        [ids, olds, news, indexes],
      );
      report.resealed[name] = (report.resealed[name] ?? 0) + rows.length;
      await opts.onBatch?.({ table: c.table, rows: rows.length });
    }
  }
  return report;
}

/** Master key ids in the database that no configured key opens (empty: the configuration fits). */
export async function unknownMasterIds(db: Session, masters: MasterKeys): Promise<string[]> {
  const known = new Set(platformKeys(masters).map(masterKeyId));
  const rows = await db.query<{ master_id: string }>('select distinct master_id from app.org_keys');
  return rows.map((r) => r.master_id).filter((id) => !known.has(id));
}

/** Refuses to go on when the configured master key did not wrap the organisation keys. */
export async function checkMasterKey(db: Session, masters: MasterKeys): Promise<void> {
  const unknown = await unknownMasterIds(db, masters);
  if (unknown.length)
    throw new MasterKeyError(
      `SAMEN_SECRET_KEY does not open the organisation keys (wrapped with master key ${unknown.join(', ')}): configure the key they were wrapped with, and the old one as SAMEN_SECRET_KEY_PREVIOUS while a rotation runs`,
    );
}

/** Re-wraps with the current master key every organisation key wrapped with a previous one. */
export async function rewrapKeys(db: Session, masters: MasterKeys, report = emptyReport()) {
  const current = masterKeyId(masters.secretKey);
  const rows = await db.query<KeyRow>(
    'select org_id, purpose, version, master_id, wrapped from app.org_keys where master_id <> $1',
    [current],
  );
  for (const r of rows) {
    const master = platformKeys(masters).find((m) => masterKeyId(m) === r.master_id);
    if (!master) throw new MasterKeyError(`no configured key is master key ${r.master_id}`);
    const raw = unwrapKey(master, r.wrapped, r.org_id, r.purpose, r.version);
    await db.query(
      `update app.org_keys set master_id = $5, wrapped = $6
       where org_id = $1 and purpose = $2 and version = $3 and wrapped = $4`,
      [
        r.org_id,
        r.purpose,
        r.version,
        r.wrapped,
        current,
        wrapKey(masters.secretKey, raw, r.org_id, r.purpose, r.version),
      ],
    );
    report.rewrapped++;
  }
  return report;
}

/** Re-encrypts with the current master key the v1 values a previous master key sealed. */
export async function resealPlatformColumns(db: Session, masters: MasterKeys, report = emptyReport()) {
  for (const c of PLATFORM_SEALED_COLUMNS) {
    const name = `${c.table}.${c.column}`;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await db.query<{ id: string; value: string }>(
        `select id, ${c.column} as value from ${c.table} where ${c.column} like 'v1.%' and id > $1
         order by id limit 100`,
        [after],
      );
      if (rows.length === 0) break;
      after = rows[rows.length - 1]?.id ?? after;
      for (const r of rows) {
        try {
          decryptField(r.value, masters.secretKey);
          continue;
        } catch {
          // Not the current key's: the previous key's, moved below.
        }
        const plain = decryptField(r.value, platformKeys(masters));
        await db.query(`update ${c.table} set ${c.column} = $3 where id = $1 and ${c.column} = $2`, [
          r.id,
          r.value,
          encryptField(plain, masters.secretKey),
        ]);
        report.resealed[name] = (report.resealed[name] ?? 0) + 1;
      }
    }
  }
  return report;
}

/** Adds a data key version to every organisation that has keys (the newest is the one new values use). */
export async function addKeyVersions(db: Session, masters: MasterKeys, report = emptyReport()) {
  const orgs = await db.query<{ org_id: string; v: number }>(
    "select org_id, max(version) as v from app.org_keys where purpose = 'data' group by org_id",
  );
  const masterId = masterKeyId(masters.secretKey);
  for (const o of orgs) {
    const version = Number(o.v) + 1;
    await db.query(
      "insert into app.org_keys (org_id, purpose, version, master_id, wrapped) values ($1, 'data', $2, $3, $4)",
      [o.org_id, version, masterId, wrapKey(masters.secretKey, newKey(), o.org_id, 'data', version)],
    );
    report.rotatedOrgs++;
  }
  return report;
}

/** Rows of an organisation still sealed with a data key version older than `current`. */
async function rowsOnOldVersions(db: Session, orgId: string, current: number): Promise<number> {
  let n = 0;
  for (const c of SEALED_COLUMNS) {
    const [r] = await db.query<{ n: number }>(
      `select count(*)::int as n from ${c.table} where ${c.orgColumn ?? 'org_id'} = $1 and ${c.column} is not null
       and ${c.column} not like 'v2.' || $2::int || '.%'`,
      [orgId, current],
    );
    n += Number(r?.n ?? 0);
  }
  return n;
}

/**
 * Deletes the data key versions older than each organisation's newest, once no row uses them. The delete
 * waits for the transactions that hold the old newest key (app.org_keys() locks it for its caller), then
 * the count sees their rows: if any is left, the deletion is undone and the rows are sealed again.
 */
export async function retireOldVersions(
  db: Session,
  masters: MasterKeys,
  opts: RotationOptions = {},
  report = emptyReport(),
) {
  const orgs = await db.query<{ org_id: string; v: number }>(
    "select org_id, max(version) as v from app.org_keys where purpose = 'data' group by org_id having count(*) > 1",
  );
  for (const o of orgs) {
    for (let attempt = 0; ; attempt++) {
      await db.query('begin');
      try {
        const gone = await db.query(
          "delete from app.org_keys where org_id = $1 and purpose = 'data' and version < $2 returning version",
          [o.org_id, o.v],
        );
        if ((await rowsOnOldVersions(db, o.org_id, Number(o.v))) === 0) {
          await db.query('commit');
          report.retiredVersions += gone.length;
          break;
        }
        await db.query('rollback');
      } catch (e) {
        await db.query('rollback');
        throw e;
      }
      if (attempt >= 5) throw new Error(`organisation ${o.org_id}: rows keep arriving on an old key version`);
      await sealPending(db, masters, opts, report);
    }
  }
  return report;
}

/**
 * The whole rotation: re-wraps keys and platform values when the master key changed, adds a data key
 * version per organisation when asked, re-encrypts every sealed row, then retires what is no longer used.
 */
export async function rotateKeys(
  db: Session,
  masters: MasterKeys,
  what: { orgKeys: boolean },
  opts: RotationOptions = {},
): Promise<RotationReport> {
  const report = emptyReport();
  await rewrapKeys(db, masters, report);
  await resealPlatformColumns(db, masters, report);
  if (what.orgKeys) await addKeyVersions(db, masters, report);
  await sealPending(db, masters, opts, report);
  await retireOldVersions(db, masters, opts, report);
  return report;
}
