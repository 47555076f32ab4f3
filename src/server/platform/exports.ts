import { sql } from 'kysely';
import type { Actor } from './actor';
import { audit } from './audit';
import { decryptField, encryptField } from './crypto';
import { type Tx, withContext } from './db/context';
import type { Deps } from './deps';
import { AppError, forbidden, notFound } from './errors';
import { platformKeys, type Secrets } from './secrets';

/**
 * Stored exports (issue 16, migration 0067, ADR 0033). A file of personal data is not sent straight from
 * the query that made it: it is stored encrypted with the platform key, owned by the user who asked,
 * valid for EXPORT_TTL_MS, and downloaded from `/api/exports/:id` by that user alone (row-level security
 * on owner and organisation), each download audited. The purge job deletes it once expired.
 */
export const EXPORT_TTL_MS = 24 * 3600_000;
export const EXPORT_PURGE_INTERVAL_MS = 3600_000;

export interface ExportFile {
  /** `<module>.<export>`, e.g. `placements.overview`. */
  kind: string;
  filename: string;
  contentType: string;
  body: string | Buffer;
}

/** The address the owner downloads a stored export from. */
export const exportHref = (id: string) => `/api/exports/${id}`;

/** Stores a file for the actor (in their transaction, so it exists only if the export's audit entry does). */
export async function storeExport(
  trx: Tx,
  secrets: Pick<Secrets, 'secretKey'>,
  actor: Pick<Actor, 'userId' | 'orgId'>,
  file: ExportFile,
  now: Date = new Date(),
): Promise<{ id: string; expiresAt: Date }> {
  if (!actor.orgId) throw forbidden();
  const bytes = typeof file.body === 'string' ? Buffer.from(file.body, 'utf8') : file.body;
  const expiresAt = new Date(now.getTime() + EXPORT_TTL_MS);
  const row = await trx
    .insertInto('exports')
    .values({
      org_id: actor.orgId,
      owner_user_id: actor.userId,
      kind: file.kind,
      filename: file.filename,
      content_type: file.contentType,
      body_enc: encryptField(bytes.toString('base64'), secrets.secretKey),
      size_bytes: bytes.length,
      created_at: now,
      expires_at: expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, expiresAt };
}

/**
 * The actor's own export while valid, decrypted, its download audited. Another user's, another
 * organisation's or a purged one is not found; the owner's expired one is gone (410).
 */
export async function openExport(
  trx: Tx,
  secrets: Pick<Secrets, 'secretKey' | 'previousSecretKeys'>,
  actor: Pick<Actor, 'userId' | 'orgId'>,
  id: string,
  now: Date = new Date(),
): Promise<{ filename: string; contentType: string; body: Buffer }> {
  // Row-level security already limits the rows to the owner in their organisation; said again here.
  const row = await trx
    .selectFrom('exports')
    .select(['kind', 'filename', 'content_type', 'body_enc', 'expires_at', 'owner_user_id', 'org_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || row.owner_user_id !== actor.userId || row.org_id !== actor.orgId) throw notFound();
  if (new Date(row.expires_at).getTime() <= now.getTime()) throw new AppError(410, 'errors.export_expired');
  await audit(trx, {
    action: 'export',
    entity: 'exports',
    entityId: id,
    detail: { kind: row.kind, filename: row.filename, download: true },
  });
  return {
    filename: row.filename,
    contentType: row.content_type,
    body: Buffer.from(decryptField(row.body_enc, platformKeys(secrets)), 'base64'),
  };
}

/** Deletes expired exports (every organisation's: system scope); answers how many. */
export async function purgeExpiredExports(deps: Pick<Deps, 'db'>): Promise<number> {
  return withContext(deps.db, { scope: 'system' }, async (trx) => {
    const r = await sql`delete from exports where expires_at <= now()`.execute(trx);
    return Number(r.numAffectedRows ?? 0);
  });
}
