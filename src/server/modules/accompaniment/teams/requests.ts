import {
  DECLINE_REASON_MIN,
  nextRequestStatus,
  type RequestAction,
  type RequestStatus,
} from '../../../../common/accompaniment/teams-rules';
import type {
  Created,
  RequestDetail,
  RequestInput,
  RequestList,
  RequestPreview,
  RequestPreviewQuery,
  RequestQuery,
  RequestSummary,
} from '../../../../common/accompaniment/teams-schemas';
import type { SharedPerson } from '../../../../common/people/shared-schemas';
import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import { auditPersonRead } from '../../../platform/audit';
import type { Tx } from '../../../platform/db/context';
import { AppError, conflict, forbidden, notFound, validationFailed } from '../../../platform/errors';
import { t } from '../../../platform/i18n';
import { ERASED, type MasterKeys, requestPartyOpener, sealText } from '../../../platform/keys/field-cipher';
import {
  grantPersonAccess,
  previewShare,
  type ShareBasis,
  shareBasis,
  sharedPersonsThroughGrants,
} from '../../people';
import { guardianConsentGap } from '../records/guardian';
import { toIntervention } from './interventions';
import { REQUEST_DECIDED, REQUEST_SENT, requestEvent } from './notifications';
import * as store from './store';
import { teamMembers } from './teams';

/**
 * Requests to a mobile team: a partner organisation (accompaniment.request) asks a team of another
 * organisation to accompany persons of its own caseload (a household). Each person goes through the
 * people module's sharing door (purpose 'accompaniment', recipient the team's organisation, the chosen
 * field groups): without a valid consent — or an override with its reason — nothing is written. The team's
 * organisation accepts, declines (with a reason) or closes; the database ends the grants with the request.
 */

type RequestRow = NonNullable<Awaited<ReturnType<typeof store.getRequest>>>;

function toSummary(r: RequestRow): RequestSummary {
  return {
    id: r.id,
    team: { id: r.team_id, nameFr: r.team_name_fr, nameNl: r.team_name_nl },
    requester: { id: r.org_id, nameFr: r.req_name_fr, nameNl: r.req_name_nl, country: r.req_country },
    teamOrg: {
      id: r.team_org_id,
      nameFr: r.team_org_name_fr,
      nameNl: r.team_org_name_nl,
      country: r.team_org_country,
    },
    status: r.status as RequestStatus,
    urgency: r.urgency as RequestSummary['urgency'],
    needs: r.needs,
    personCount: Number(r.person_count ?? 0),
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export async function listRequests(trx: Tx, actor: Actor, query: RequestQuery): Promise<RequestList> {
  requirePermission(actor, 'accompaniment.view');
  if (!actor.orgId) throw forbidden();
  const rows = await store.listRequests(trx, actor.orgId, query.box ?? 'received');
  return { items: rows.map(toSummary) };
}

/** An active team of another organisation, or a clear error. */
async function targetTeam(trx: Tx, actor: Actor, teamId: string) {
  const team = await store.getTeam(trx, teamId);
  if (!team) throw notFound('accompaniment.teams.errors.not_found');
  if (!team.active)
    throw validationFailed([{ path: 'teamId', code: 'accompaniment.teams.requests.errors.team_inactive' }]);
  if (team.org_id === actor.orgId)
    throw validationFailed([{ path: 'teamId', code: 'accompaniment.teams.requests.errors.own_team' }]);
  return team;
}

/** Persons of the actor's own caseload, all of them, or 404 (another centre's person is not revealed). */
async function ownHousehold(trx: Tx, actor: Actor, ids: readonly string[]) {
  if (!actor.orgId) throw forbidden();
  const rows = await store.ownPersons(trx, actor.orgId, ids);
  if (rows.length !== new Set(ids).size)
    throw notFound('accompaniment.teams.requests.errors.person_not_found');
  return ids.map((id) => rows.find((r) => r.id === id)!);
}

/** Per person: the consent the share would rest on, or what it lacks (shown before sending). */
export async function previewRequest(trx: Tx, actor: Actor, q: RequestPreviewQuery): Promise<RequestPreview> {
  requirePermission(actor, 'accompaniment.request');
  const team = await targetTeam(trx, actor, q.teamId);
  const ids = [...new Set(q.personIds.split(','))];
  const persons = await ownHousehold(trx, actor, ids);
  const fields = [...new Set(q.fields.split(','))];
  const out: RequestPreview['persons'] = [];
  for (const p of persons) {
    const check = await previewShare(trx, {
      personId: p.id,
      recipientOrgId: team.org_id,
      purpose: 'accompaniment',
      fields,
    });
    const givenBy = check.consent ? await store.consentGivenBy(trx, check.consent.id) : null;
    const guardianGap = await guardianConsentGap(trx, p.id, givenBy ? { givenBy } : null);
    out.push({ id: p.id, firstName: p.first_name, lastName: p.last_name, ...check, guardianGap });
  }
  await auditPersonRead(trx, { personIds: ids, what: 'accompaniment_request_preview' });
  return { persons: out, canOverride: actorCan(actor, 'consent.override') };
}

export async function createRequest(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  input: RequestInput,
): Promise<Created> {
  requirePermission(actor, 'accompaniment.request');
  if (!actor.orgId) throw forbidden();
  const team = await targetTeam(trx, actor, input.teamId);
  const persons = await ownHousehold(trx, actor, input.personIds);
  const fields = [...new Set(input.fields)];
  // Every person's basis first: one refusal and nothing is written.
  const bases: ShareBasis[] = [];
  for (const p of persons) {
    try {
      bases.push(
        await shareBasis(trx, actor, {
          personId: p.id,
          recipientOrgId: team.org_id,
          purpose: 'accompaniment',
          fields,
          overrideReason: input.overrideReason ?? null,
        }),
      );
    } catch (e) {
      // Say whose consent is missing when the household has several persons.
      if (e instanceof AppError && e.code === 'people.shared.errors.consent_missing')
        throw conflict('accompaniment.teams.requests.errors.consent_missing', {
          ...e.params,
          person: `${p.first_name} ${p.last_name}`,
        });
      throw e;
    }
  }
  // An unaccompanied minor is shared only on the guardian's consent (the records part tells), unless overridden.
  for (const [i, basis] of bases.entries()) {
    if (basis.overrideReason) continue;
    const givenBy = basis.consent ? await store.consentGivenBy(trx, basis.consent.id) : null;
    if (await guardianConsentGap(trx, basis.share.personId, givenBy ? { givenBy } : null)) {
      const p = persons[i]!;
      throw conflict('accompaniment.teams.requests.errors.guardian_consent', {
        person: `${p.first_name} ${p.last_name}`,
      });
    }
  }
  const request = await store.insertRequest(trx, {
    org_id: actor.orgId,
    team_id: team.id,
    team_org_id: team.org_id,
    needs: [...new Set(input.needs)],
    urgency: input.urgency,
    languages: [...new Set(input.languages)],
    fields,
    message: await sealText(trx, masters, MESSAGE, input.message?.trim()),
    created_by: actor.userId,
  });
  await store.insertRequestPersons(
    trx,
    persons.map((p) => ({
      request_id: request.id,
      person_id: p.id,
      org_id: actor.orgId!,
      team_org_id: team.org_id,
    })),
  );
  for (const basis of bases)
    await grantPersonAccess(trx, actor, { basis, source: 'accompaniment_request', sourceId: request.id });
  await requestEvent(trx, REQUEST_SENT, {
    orgId: actor.orgId,
    actorUserId: actor.userId,
    requestId: request.id,
    recipientOrgId: team.org_id,
    status: 'sent',
  });
  return { id: request.id };
}

// The message is sealed with the requesting organisation's key: the team opens it through the request.
const MESSAGE = 'accompaniment_requests.message' as const;
const DECLINE_REASON = 'accompaniment_requests.decline_reason' as const;

/** The request as one of its two parties sees it; 404 for anyone else. */
export async function loadRequest(trx: Tx, actor: Actor, id: string) {
  requirePermission(actor, 'accompaniment.view');
  const row = await store.getRequest(trx, id);
  if (!row || !actor.orgId || (row.org_id !== actor.orgId && row.team_org_id !== actor.orgId))
    throw notFound('accompaniment.teams.requests.errors.not_found');
  return { row, side: row.team_org_id === actor.orgId ? ('team' as const) : ('requester' as const) };
}

export async function getRequest(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  id: string,
): Promise<RequestDetail> {
  const { row, side } = await loadRequest(trx, actor, id);
  const ids = await store.requestPersonIds(trx, id);
  let persons: RequestDetail['persons'];
  if (side === 'requester') {
    const own = await store.ownPersons(trx, row.org_id, ids);
    await auditPersonRead(trx, { personIds: ids, what: 'accompaniment_request' });
    persons = ids.map((pid) => {
      const p = own.find((o) => o.id === pid);
      return { id: pid, firstName: p?.first_name ?? null, lastName: p?.last_name ?? null, shared: null };
    });
  } else {
    // Only the granted field groups, while the grants hold; one audited read in the home chain.
    const shared = await sharedPersonsThroughGrants(trx, ids, 'accompaniment_request');
    const homeOrg = { id: row.org_id, nameFr: row.req_name_fr, nameNl: row.req_name_nl };
    persons = ids.map((pid) => {
      const s = shared.get(pid);
      if (!s) return { id: pid, firstName: null, lastName: null, shared: null };
      const { homeOrgId: _home, ...granted } = s;
      return {
        id: pid,
        firstName: null,
        lastName: null,
        shared: { ...(granted as Omit<SharedPerson, 'homeOrg'>), homeOrg },
      };
    });
  }
  const rows = await store.interventions(trx, id);
  // Both parties' texts: the requester's message, the team's outcomes (keys released for this request only).
  const opener =
    row.message || row.decline_reason || rows.some((r) => r.outcome)
      ? await requestPartyOpener(trx, masters, id)
      : null;
  const interventions = rows.map((r) => toIntervention(r, opener));
  const manage = actorCan(actor, 'accompaniment.manage');
  return {
    ...toSummary(row),
    languages: row.languages,
    fields: row.fields,
    message: row.message && opener ? opener.open(row.org_id, MESSAGE, row.message) : null,
    // The team's reason, sealed with its key (migration 0079); an erased one is shown as it is.
    declineReason:
      row.decline_reason === ERASED
        ? ERASED
        : row.decline_reason && opener
          ? opener.open(row.team_org_id, DECLINE_REASON, row.decline_reason)
          : null,
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    persons,
    interventions,
    members: side === 'team' ? await teamMembers(trx, row.team_id) : [],
    side,
    canDecide: side === 'team' && manage && (row.status === 'sent' || row.status === 'accepted'),
    canRecord: side === 'team' && manage && row.status === 'accepted',
    clinical: side === 'team' && actorCan(actor, 'accompaniment.clinical'),
  };
}

export async function decideRequest(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  id: string,
  action: RequestAction,
  reason?: string | null,
) {
  requirePermission(actor, 'accompaniment.manage');
  const { side } = await loadRequest(trx, actor, id);
  if (side !== 'team') throw forbidden('accompaniment.teams.requests.errors.team_decides');
  // Locked (the team's update policy lets it) so that two decisions do not cross.
  const row = await store.getRequest(trx, id, true);
  if (!row) throw notFound('accompaniment.teams.requests.errors.not_found');
  const status = row.status as RequestStatus;
  const to = nextRequestStatus(status, action);
  if (!to)
    throw conflict('accompaniment.teams.requests.errors.illegal_transition', {
      action: t(actor.language, `accompaniment.teams.requests.action.${action}`),
      status: t(actor.language, `accompaniment.teams.requests.status.${status}`),
    });
  const given = reason?.trim() ?? '';
  if (to === 'declined' && given.length < DECLINE_REASON_MIN)
    throw validationFailed([{ path: 'reason', code: 'accompaniment.teams.requests.errors.reason_required' }]);
  await store.setRequestStatus(trx, id, {
    status: to,
    // Sealed with the team's key; the requester opens it through app.request_party_keys() (0079).
    ...(to === 'declined' ? { decline_reason: await sealText(trx, masters, DECLINE_REASON, given) } : {}),
    ...(to === 'accepted' || to === 'declined' ? { decided_by: actor.userId, decided_at: new Date() } : {}),
  });
  await requestEvent(trx, REQUEST_DECIDED, {
    orgId: row.team_org_id,
    actorUserId: actor.userId,
    requestId: id,
    recipientOrgId: row.org_id,
    status: to,
  });
  return { ok: true };
}
