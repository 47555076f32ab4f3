import type { AuditEntry, AuditPage, AuditQuery } from '../../../../common/admin/audit-schemas';
import { localized } from '../../../../common/i18n/locales';
import { pageOf } from '../../../../common/kernel/schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { validationFailed } from '../../../platform/errors';
import { labelRecords, type RecordRef, refKey } from './labels';
import { auditEntities, entryActors, listAudit } from './store';

/** The persons a read of several records showed, as the entry lists them. */
function readIds(e: { action: string; entity: string; detail: unknown }): string[] {
  if (e.action !== 'read' || e.entity !== 'persons') return [];
  const ids = (e.detail as { ids?: unknown } | null)?.ids;
  return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string').slice(0, 200) : [];
}

/**
 * The audit log as the actor may see it: RLS limits an organisation admin to their organisation's
 * chain and opens every chain to a platform admin. Entries come with what makes them readable: the acting
 * organisation and role when the actor is not one of the reader's colleagues, and the records' labels and
 * pages where the reader may know them (see labels.ts).
 */
export async function readAuditLog(trx: Tx, actor: Actor, q: AuditQuery): Promise<AuditPage> {
  requirePermission(actor, 'audit.view');
  if (q.from && q.to && q.from > q.to)
    throw validationFailed([{ path: 'to', code: 'validation.date_order' }]);
  const { page, pageSize } = pageOf(q);
  const { items, total } = await listAudit(trx, q, page, pageSize);
  const actors = await entryActors(
    trx,
    items.filter((e) => e.actorUserId).map((e) => e.id),
  );
  const refs: RecordRef[] = items.flatMap((e) => [
    ...(e.entityId ? [{ entity: e.entity, id: e.entityId }] : []),
    ...readIds(e).map((id) => ({ entity: 'persons', id })),
  ]);
  const labels = await labelRecords(trx, { orgId: actor.orgId, language: actor.language }, refs);
  const entries: AuditEntry[] = items.map(({ actorOrgNameFr, actorOrgNameNl, ...e }) => {
    const who = actors.get(e.id);
    return {
      ...e,
      actorOrgName:
        actorOrgNameFr || actorOrgNameNl ? localized(actor.language, actorOrgNameFr, actorOrgNameNl) : null,
      actorRoles: who?.roles ?? [],
      actorPlatformAdmin: who?.platformAdmin ?? false,
      subject: e.entityId ? (labels.get(refKey({ entity: e.entity, id: e.entityId })) ?? null) : null,
      subjects: e.entityId
        ? []
        : readIds(e).flatMap((id) => labels.get(refKey({ entity: 'persons', id })) ?? []),
    };
  });
  return { items: entries, total, page, pageSize, entities: await auditEntities(trx) };
}
