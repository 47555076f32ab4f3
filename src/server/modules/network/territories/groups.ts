import type { Language } from '../../../../common/i18n/locales';
import {
  duplicateMembers,
  ORGANISATION_GROUP_KINDS,
  TERRITORY_GROUP_CODE_PATTERN,
  type TerritoryGroupCreateBody,
  type TerritoryGroupDetail,
  type TerritoryGroupItem,
  type TerritoryGroupList,
  type TerritoryGroupMembersBody,
  type TerritoryGroupPatchBody,
  type TerritoryGroupQuery,
} from '../../../../common/network/territory-schemas';
import type { FieldError } from '../../../../common/validation/errors';
import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { forbidden, notFound, validationFailed } from '../../../platform/errors';
import * as store from './group-store';

/**
 * Groups of territories beside the tree. Platform-wide groups (no organisation: the Eurométropole, border
 * strips) are public and written by platform admins; an organisation's groups (custom ones, a programme's
 * perimeter) are read by every signed-in member and written by its coordinators and administrators. RLS
 * (migration 0035) says the same in the database.
 */

const E = (code: string) => `network.territory_groups.errors.${code}`;

/** Whether the actor may change this group (rename, members, delete). */
export function canEditGroup(actor: Actor | null, group: { orgId: string | null }): boolean {
  if (!actor || !actorCan(actor, 'territory.group.manage')) return false;
  if (actor.platformAdmin) return true;
  return group.orgId !== null && group.orgId === actor.orgId;
}

const canCreate = (actor: Actor | null) =>
  !!actor && actorCan(actor, 'territory.group.manage') && (actor.platformAdmin || !!actor.orgId);

const item = (actor: Actor | null, g: store.GroupRow): TerritoryGroupItem => ({
  ...g,
  canEdit: canEditGroup(actor, g),
});

export async function listGroups(
  trx: Tx,
  actor: Actor | null,
  language: Language,
  query: TerritoryGroupQuery,
): Promise<TerritoryGroupList> {
  // "mine" without an organisation (anonymous, platform admin) is the empty list, not every group.
  if (query.owner === 'mine' && !actor?.orgId) return { items: [], canCreate: canCreate(actor) };
  const owner = query.owner === 'mine' ? { orgId: actor!.orgId! } : query.owner;
  const rows = await store.listGroups(trx, { kind: query.kind, owner }, language === 'nl');
  return { items: rows.map((g) => item(actor, g)), canCreate: canCreate(actor) };
}

async function detail(trx: Tx, actor: Actor | null, g: store.GroupRow): Promise<TerritoryGroupDetail> {
  return {
    ...item(actor, g),
    members: await store.groupMembers(trx, g.id),
    municipalityCount: await store.municipalityCount(trx, g.id),
  };
}

export async function getGroup(trx: Tx, actor: Actor | null, code: string): Promise<TerritoryGroupDetail> {
  const g = await store.findGroup(trx, code);
  if (!g) throw notFound(E('not_found'));
  return detail(trx, actor, g);
}

/** Names trimmed; a kind only the platform's groups may have is refused to an organisation's group. */
function checkFields(
  orgId: string | null,
  fields: { kind?: string; nameFr?: string; nameNl?: string },
  problems: FieldError[],
): void {
  if (
    orgId !== null &&
    fields.kind !== undefined &&
    !(ORGANISATION_GROUP_KINDS as readonly string[]).includes(fields.kind)
  )
    problems.push({ path: 'kind', code: E('kind_reserved') });
  for (const key of ['nameFr', 'nameNl'] as const) {
    const v = fields[key];
    if (v !== undefined && v.trim().length < 2) problems.push({ path: key, code: E('name_required') });
  }
}

/** Each member once, and a territory samen knows. */
async function checkMembers(trx: Tx, codes: readonly string[], problems: FieldError[]): Promise<void> {
  const twice = new Set(duplicateMembers(codes));
  const known = await store.existingTerritories(trx, [...new Set(codes)]);
  codes.forEach((code, i) => {
    if (twice.has(i)) problems.push({ path: `members.${i}`, code: E('member_twice'), params: { code } });
    else if (!known.has(code))
      problems.push({ path: `members.${i}`, code: E('unknown_territory'), params: { code } });
  });
}

/** A code from the name: 'Communes frontalières' → 'communes-frontalieres' (then -2, -3… when taken). */
export function codeFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/g, '');
  return new RegExp(TERRITORY_GROUP_CODE_PATTERN).test(slug) && slug.length >= 2 ? slug : 'group';
}

async function freeCode(trx: Tx, base: string): Promise<string> {
  const taken = await store.takenCodes(trx, base);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * A new group: platform-wide when a platform admin creates it, else its creator's organisation's. Every
 * problem of the input is reported at once; nothing is written unless all is well.
 */
export async function createGroup(
  trx: Tx,
  actor: Actor,
  body: TerritoryGroupCreateBody,
): Promise<TerritoryGroupDetail> {
  requirePermission(actor, 'territory.group.manage');
  const orgId = actor.platformAdmin ? null : actor.orgId;
  if (!actor.platformAdmin && !orgId) throw forbidden();
  const problems: FieldError[] = [];
  checkFields(orgId, body, problems);
  const members = body.members ?? [];
  await checkMembers(trx, members, problems);
  if (body.code && (await store.takenCodes(trx, body.code)).has(body.code))
    problems.push({ path: 'code', code: E('code_taken'), params: { code: body.code } });
  if (problems.length) throw validationFailed(problems);
  const nameFr = body.nameFr.trim();
  const nameNl = body.nameNl.trim();
  const code = body.code ?? (await freeCode(trx, codeFromName(nameFr)));
  const id = await store.insertGroup(trx, { code, kind: body.kind, nameFr, nameNl, orgId });
  await store.replaceMembers(trx, id, orgId, members);
  return getGroup(trx, actor, code);
}

/** The group, once known to be the actor's to change, locked for the change. */
async function editableGroup(trx: Tx, actor: Actor, code: string): Promise<store.GroupRow> {
  requirePermission(actor, 'territory.group.manage');
  const seen = await store.findGroup(trx, code);
  if (!seen) throw notFound(E('not_found'));
  if (!canEditGroup(actor, seen)) throw forbidden();
  const g = await store.findGroup(trx, code, { forUpdate: true });
  if (!g) throw notFound(E('not_found'));
  return g;
}

export async function updateGroup(
  trx: Tx,
  actor: Actor,
  code: string,
  body: TerritoryGroupPatchBody,
): Promise<TerritoryGroupDetail> {
  const g = await editableGroup(trx, actor, code);
  const problems: FieldError[] = [];
  checkFields(g.orgId, body, problems);
  if (problems.length) throw validationFailed(problems);
  await store.updateGroup(trx, g.id, {
    kind: body.kind,
    nameFr: body.nameFr?.trim(),
    nameNl: body.nameNl?.trim(),
  });
  return getGroup(trx, actor, code);
}

export async function setGroupMembers(
  trx: Tx,
  actor: Actor,
  code: string,
  body: TerritoryGroupMembersBody,
): Promise<TerritoryGroupDetail> {
  const g = await editableGroup(trx, actor, code);
  const problems: FieldError[] = [];
  await checkMembers(trx, body.members, problems);
  if (problems.length) throw validationFailed(problems);
  await store.replaceMembers(trx, g.id, g.orgId, body.members);
  return getGroup(trx, actor, code);
}

export async function deleteGroup(trx: Tx, actor: Actor, code: string): Promise<{ ok: boolean }> {
  const g = await editableGroup(trx, actor, code);
  if (!(await store.deleteGroup(trx, g.id))) throw notFound(E('not_found'));
  return { ok: true };
}
