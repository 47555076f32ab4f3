import { isCrossBorder } from '../../../../common/accompaniment/teams-rules';
import type {
  Created,
  InterventionInput,
  InterventionView,
} from '../../../../common/accompaniment/teams-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { conflict, forbidden, notFound, validationFailed } from '../../../platform/errors';
import { type MasterKeys, type PartyOpener, sealText } from '../../../platform/keys/field-cipher';
import { loadRequest } from './requests';
import * as store from './store';

/**
 * Interventions a team plans and records for an accepted request: the persons concerned are the
 * request's, the members present the team's. "Cross-border" is derived (isCrossBorder), never typed.
 */

type Row = Awaited<ReturnType<typeof store.interventions>>[number];

const OUTCOME = 'accompaniment_interventions.outcome' as const;

/** The view of an intervention; its outcome, sealed with the team's key, opened by the request's opener. */
export function toIntervention(r: Row, opener: PartyOpener | null): InterventionView {
  return {
    id: r.id,
    startsAt: new Date(r.starts_at).toISOString(),
    durationMinutes: r.duration_minutes,
    place: r.place,
    placeCountry: r.place_country as InterventionView['placeCountry'],
    kind: r.kind as InterventionView['kind'],
    language: r.language,
    personIds: r.person_ids,
    otherParticipants: r.other_participants,
    memberIds: r.member_ids,
    status: r.status as InterventionView['status'],
    outcome: r.outcome && opener ? opener.open(r.org_id, OUTCOME, r.outcome) : null,
    onwardReferrals: r.onward_referrals ?? [],
    crossBorder: isCrossBorder({
      teamCountry: r.team_country,
      placeCountry: r.place_country,
      homeCountries: r.home_countries,
    }),
  };
}

/** The request, when the actor's organisation is its team's, may manage, and it is accepted. */
async function teamRequest(trx: Tx, actor: Actor, requestId: string) {
  requirePermission(actor, 'accompaniment.manage');
  const { row, side } = await loadRequest(trx, actor, requestId);
  if (side !== 'team') throw forbidden('accompaniment.teams.requests.errors.team_decides');
  if (row.status !== 'accepted') throw conflict('accompaniment.teams.interventions.errors.not_accepted');
  return row;
}

async function values(
  trx: Tx,
  masters: MasterKeys,
  requestId: string,
  teamId: string,
  input: InterventionInput,
) {
  const persons = await store.requestPersonIds(trx, requestId);
  if (input.personIds.some((p) => !persons.includes(p)))
    throw validationFailed([
      { path: 'personIds', code: 'accompaniment.teams.interventions.errors.person_not_in_request' },
    ]);
  if (input.memberIds.length > 0) {
    const members = (await store.members(trx, teamId)).map((m) => m.id);
    if (input.memberIds.some((m) => !members.includes(m)))
      throw validationFailed([
        { path: 'memberIds', code: 'accompaniment.teams.interventions.errors.member_not_in_team' },
      ]);
  }
  const text = input.outcome?.trim();
  // Sealed with the team's key (the current organisation: teamRequest checked it is the team's).
  const outcome = await sealText(trx, masters, OUTCOME, text);
  return {
    starts_at: input.startsAt,
    duration_minutes: input.durationMinutes,
    place: input.place.trim(),
    place_country: input.placeCountry,
    kind: input.kind,
    language: input.language,
    person_ids: [...input.personIds],
    other_participants: input.otherParticipants,
    member_ids: [...input.memberIds],
    status: input.status,
    outcome,
    onward_referrals: JSON.stringify(
      input.onwardReferrals.map((o) => ({ organisation: o.organisation.trim(), reason: o.reason.trim() })),
    ),
  };
}

export async function addIntervention(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  requestId: string,
  input: InterventionInput,
): Promise<Created> {
  const row = await teamRequest(trx, actor, requestId);
  const v = await values(trx, masters, requestId, row.team_id, input);
  const created = await store.insertIntervention(trx, {
    ...v,
    request_id: requestId,
    org_id: row.team_org_id,
    requester_org_id: row.org_id,
    created_by: actor.userId,
  });
  return { id: created.id };
}

export async function updateIntervention(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  id: string,
  input: InterventionInput,
) {
  requirePermission(actor, 'accompaniment.manage');
  const existing = await store.getIntervention(trx, id);
  if (!existing || existing.org_id !== actor.orgId)
    throw notFound('accompaniment.teams.interventions.errors.not_found');
  const row = await teamRequest(trx, actor, existing.request_id);
  await store.updateIntervention(
    trx,
    id,
    await values(trx, masters, existing.request_id, row.team_id, input),
  );
  return { ok: true };
}
