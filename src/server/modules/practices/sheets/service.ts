import type { Language } from '../../../../common/i18n/locales';
import { type Ok, pageOf } from '../../../../common/kernel/schemas';
import { canEdit, sheetProblems } from '../../../../common/practices/rules';
import type {
  PracticeCreated,
  PracticeDetail,
  PracticeFacets,
  PracticeInput,
  PracticePage,
  PracticeQuery,
  TransitionInput,
} from '../../../../common/practices/schemas';
import { practiceWorkflow } from '../../../../common/practices/workflow';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { badRequest, conflict, forbidden, notFound, validationFailed } from '../../../platform/errors';
import { listTakeUps } from '../takeups/store';
import { facets, type Scope, searchSheets } from './search-store';
import * as store from './store';

/**
 * The sheets of the practice library. Any `practice.view` holder searches and reads what RLS shows (the
 * network's published sheets and its organisation's own); `practice.write` holders write their
 * organisation's drafts; `practice.publish` holders publish, open to the public, withdraw and correct
 * published sheets (the workflow). A sheet the caller cannot see is the same 404 as one that does not exist.
 */

export const E = (code: string) => `practices.sheets.errors.${code}`;

/** The caller's organisation, which every write acts for. */
export function ownOrg(actor: Actor): string {
  if (!actor.orgId) throw forbidden(E('no_organisation'));
  return actor.orgId;
}

export async function visibleSheet(trx: Tx, id: string, forUpdate = false) {
  const s = await store.findSheet(trx, id, forUpdate);
  if (!s) throw notFound();
  return s;
}

/** A sheet of the caller's organisation it may change now (status and permission). */
export async function editableSheet(trx: Tx, actor: Actor, id: string) {
  requirePermission(actor, 'practice.write');
  const s = await visibleSheet(trx, id, true);
  if (s.org_id !== actor.orgId) throw forbidden(E('not_owner'));
  if (!canEdit(s.status, actor.roles)) throw conflict(E('read_only'));
  return s;
}

/** The rules a schema cannot say; the partner organisations and programme must exist and fit. */
export async function checkInput(trx: Tx, orgId: string, input: PracticeInput): Promise<void> {
  const problems = sheetProblems(input);
  const partners = input.partnerOrgIds.map((x) => x.toLowerCase());
  if (partners.includes(orgId)) problems.push({ path: 'partnerOrgIds', code: E('partner_is_owner') });
  else if ((await store.orgRefs(trx, partners)).length !== partners.length)
    problems.push({ path: 'partnerOrgIds', code: E('partner_unknown') });
  if (input.programmeId && !(await store.isProgrammeMember(trx, input.programmeId.toLowerCase(), orgId)))
    problems.push({ path: 'programmeId', code: E('programme_not_member') });
  if (problems.length) throw validationFailed(problems);
}

export async function searchPractices(
  trx: Tx,
  actor: Actor,
  query: PracticeQuery,
  language: Language,
): Promise<PracticePage> {
  requirePermission(actor, 'practice.view');
  const { page, pageSize } = pageOf(query, 20);
  const scope: Scope = query.mine ? { kind: 'mine', orgId: ownOrg(actor) } : { kind: 'network' };
  const { items, total } = await searchSheets(trx, query, scope, language, page, pageSize);
  return { items, total, page, pageSize };
}

export async function practiceFacets(trx: Tx, actor: Actor): Promise<PracticeFacets> {
  requirePermission(actor, 'practice.view');
  return facets(trx, { kind: 'network' });
}

export async function createPractice(trx: Tx, actor: Actor, input: PracticeInput): Promise<PracticeCreated> {
  requirePermission(actor, 'practice.write');
  const orgId = ownOrg(actor);
  await checkInput(trx, orgId, input);
  return store.insertSheet(trx, { orgId, userId: actor.userId, sourceKind: 'direct', sourceId: null, input });
}

export async function getPractice(trx: Tx, actor: Actor, id: string): Promise<PracticeDetail> {
  requirePermission(actor, 'practice.view');
  const d = await store.sheetDetail(trx, id, { publicOnly: false, orgId: actor.orgId });
  if (!d) throw notFound();
  return { ...d, takeUps: await listTakeUps(trx, d.id, { orgId: actor.orgId, sheetOrgId: d.org.id }) };
}

export async function updatePractice(trx: Tx, actor: Actor, id: string, input: PracticeInput): Promise<Ok> {
  const s = await editableSheet(trx, actor, id);
  await checkInput(trx, s.org_id, input);
  await store.updateSheet(trx, s.id, input);
  return { ok: true };
}

export async function removePractice(trx: Tx, actor: Actor, id: string): Promise<Ok> {
  requirePermission(actor, 'practice.write');
  const s = await visibleSheet(trx, id, true);
  if (s.org_id !== actor.orgId) throw forbidden(E('not_owner'));
  if (s.status !== 'draft') throw conflict(E('delete_published'));
  await store.deleteSheet(trx, s.id);
  return { ok: true };
}

export async function transitionPractice(
  trx: Tx,
  actor: Actor,
  id: string,
  body: TransitionInput,
): Promise<Ok> {
  requirePermission(actor, 'practice.view');
  const s = await visibleSheet(trx, id, true);
  if (s.org_id !== actor.orgId) throw forbidden(E('not_owner'));
  const check = practiceWorkflow.check(s.status, body.action, 'owner', actor.roles);
  if (!check.ok) {
    if (check.code === 'unknown_action') throw badRequest(E('unknown_action'));
    throw forbidden(E('transition_forbidden'));
  }
  await store.setStatus(trx, s.id, check.transition.to);
  return { ok: true };
}
