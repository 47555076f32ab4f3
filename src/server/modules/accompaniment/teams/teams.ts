import type { TeamProfession } from '../../../../common/accompaniment/teams-rules';
import type {
  Created,
  MemberInput,
  TeamDetail,
  TeamInput,
  TeamList,
  TeamMember,
  TeamSummary,
} from '../../../../common/accompaniment/teams-schemas';
import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { forbidden, notFound, validationFailed } from '../../../platform/errors';
import * as store from './store';

/**
 * Mobile teams: the network (accompaniment.view) sees every team with its members counted by profession,
 * to choose where to send a request; the members' names only the team's own organisation. The team's
 * organisation manages it (accompaniment.manage).
 */

type TeamRow = Awaited<ReturnType<typeof store.listTeams>>[number];

function toSummary(r: TeamRow, professions: Record<string, number>, orgId: string | null): TeamSummary {
  return {
    id: r.id,
    org: { id: r.org_id, nameFr: r.org_name_fr, nameNl: r.org_name_nl, country: r.org_country },
    nameFr: r.name_fr,
    nameNl: r.name_nl,
    description: r.description,
    languages: r.languages,
    regions: r.regions,
    active: r.active,
    professions,
    own: r.org_id === orgId,
  };
}

export async function listTeams(trx: Tx, actor: Actor): Promise<TeamList> {
  requirePermission(actor, 'accompaniment.view');
  const [rows, counts] = await Promise.all([store.listTeams(trx), store.professionCounts(trx)]);
  return { items: rows.map((r) => toSummary(r, counts.get(r.id) ?? {}, actor.orgId)) };
}

export async function teamMembers(trx: Tx, teamId: string): Promise<TeamMember[]> {
  const rows = await store.members(trx, teamId);
  return rows.map((m) => ({
    id: m.id,
    userId: m.user_id,
    name: m.user_name ?? m.display_name ?? '',
    profession: m.profession as TeamProfession,
    hasAccount: m.user_id !== null,
  }));
}

export async function getTeam(trx: Tx, actor: Actor, id: string): Promise<TeamDetail> {
  requirePermission(actor, 'accompaniment.view');
  const row = await store.getTeam(trx, id);
  if (!row) throw notFound('accompaniment.teams.errors.not_found');
  const counts = await store.professionCounts(trx);
  const own = row.org_id === actor.orgId;
  const canManage = own && actorCan(actor, 'accompaniment.manage');
  return {
    ...toSummary(row, counts.get(row.id) ?? {}, actor.orgId),
    // Names of members: only the team's own organisation (the policy returns no row to others anyway).
    members: own ? await teamMembers(trx, id) : [],
    candidates:
      canManage && actor.orgId
        ? (await store.orgMembers(trx, actor.orgId)).map((u) => ({ userId: u.id, name: u.display_name }))
        : [],
    canManage,
  };
}

function teamValues(input: TeamInput) {
  const description = input.description?.trim() || null;
  const nameFr = input.nameFr.trim();
  const nameNl = input.nameNl.trim();
  const errors = [];
  if (nameFr.length < 2) errors.push({ path: 'nameFr', code: 'validation.required' });
  if (nameNl.length < 2) errors.push({ path: 'nameNl', code: 'validation.required' });
  if (errors.length > 0) throw validationFailed(errors);
  return {
    name_fr: nameFr,
    name_nl: nameNl,
    description,
    languages: [...input.languages],
    regions: [...input.regions],
    active: input.active,
  };
}

export async function createTeam(trx: Tx, actor: Actor, input: TeamInput): Promise<Created> {
  requirePermission(actor, 'accompaniment.manage');
  if (!actor.orgId) throw forbidden();
  const row = await store.insertTeam(trx, {
    ...teamValues(input),
    org_id: actor.orgId,
    created_by: actor.userId,
  });
  return { id: row.id };
}

/** The team, when it is the actor's organisation's and the actor manages teams; 404 for another's. */
async function ownTeam(trx: Tx, actor: Actor, id: string) {
  requirePermission(actor, 'accompaniment.manage');
  const row = await store.getTeam(trx, id);
  if (!row || row.org_id !== actor.orgId) throw notFound('accompaniment.teams.errors.not_found');
  return row;
}

export async function updateTeam(trx: Tx, actor: Actor, id: string, input: TeamInput) {
  await ownTeam(trx, actor, id);
  await store.updateTeam(trx, id, teamValues(input));
  return { ok: true };
}

export async function addMember(trx: Tx, actor: Actor, teamId: string, input: MemberInput): Promise<Created> {
  const team = await ownTeam(trx, actor, teamId);
  const userId = input.userId ?? null;
  const displayName = input.displayName?.trim() || null;
  if (!userId && (!displayName || displayName.length < 2))
    throw validationFailed([{ path: 'displayName', code: 'accompaniment.teams.errors.member_name' }]);
  if (userId) {
    const members = await store.orgMembers(trx, team.org_id);
    if (!members.some((m) => m.id === userId))
      throw validationFailed([{ path: 'userId', code: 'accompaniment.teams.errors.member_not_in_org' }]);
  }
  const row = await store.insertMember(trx, {
    team_id: teamId,
    org_id: team.org_id,
    user_id: userId,
    display_name: userId ? null : displayName,
    profession: input.profession,
  });
  return { id: row.id };
}

export async function removeMember(trx: Tx, actor: Actor, teamId: string, memberId: string) {
  await ownTeam(trx, actor, teamId);
  const r = await store.deleteMember(trx, teamId, memberId);
  if (Number(r.numDeletedRows) === 0) throw notFound('accompaniment.teams.errors.member_not_found');
  return { ok: true };
}
