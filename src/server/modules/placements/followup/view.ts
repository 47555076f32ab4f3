import { daysInclusive } from '../../../../common/placements/dates';
import {
  attendanceSummary,
  EVALUATION_CRITERIA,
  evaluationMidpoint,
  hostAccessEnd,
  isEnded,
  OUTCOME_KINDS,
  outcomeWindow,
  placementStayAlerts,
  staysAlertApplies,
} from '../../../../common/placements/followup-rules';
import type {
  EvaluationView,
  FollowUpPerson,
  FollowUpView,
  IncidentView,
  MobilityView,
  OutcomeSlot,
  OutcomeView,
  Scores,
} from '../../../../common/placements/followup-schemas';
import { type Actor, actorCan } from '../../../platform/actor';
import { auditPersonRead } from '../../../platform/audit';
import type { Tx } from '../../../platform/db/context';
import { type MasterKeys, openOwnColumns } from '../../../platform/keys/field-cipher';
import { parties } from '../agreements/store';
import { canEvaluate, type FollowUpAccess, followUpAccess, isRecording } from './access';
import { authoredOpener } from './sealed';
import * as store from './store';

/** The whole follow-up of one placement as this actor may see it. */
export async function getFollowUp(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  id: string,
): Promise<FollowUpView> {
  return followUpView(trx, actor, masters, await followUpAccess(trx, actor, id));
}

/**
 * The follow-up as this actor may see it (every follow-up answer, reads and writes alike, carries it once):
 * the person's attendance, evaluations, incidents and journeys, and for the home centre the stays abroad
 * checked against the person's benefit. One audited read of the person, in the home centre's chain.
 */
export async function followUpView(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  a: FollowUpAccess,
  warnings: string[] = [],
): Promise<FollowUpView> {
  const { row, side } = a;
  const home = side === 'home';
  const person = await followUpPerson(trx, a);
  // The home side also reads persons.benefit, for the stays-abroad alert; either side the name when shown.
  const fields = [...(person.name ? ['identity'] : []), ...(home ? ['benefit'] : [])];
  await auditPersonRead(trx, {
    personIds: [row.person_id],
    what: 'placement_follow_up',
    detail: { placementId: row.id, side, ...(fields.length ? { fields } : {}) },
  });
  const recording = isRecording(a.status);
  // One transaction, one connection: queries run one after the other.
  const days = await store.attendance(trx, row.id);
  // Either side's texts, each opened with its author's key (one key release for the page).
  const open = authoredOpener(trx, masters, [row.id]);
  const evaluations = await open(
    await store.evaluations(trx, row.id),
    ['strengths', 'placement_evaluations.strengths'],
    ['improvements', 'placement_evaluations.improvements'],
    ['next_steps', 'placement_evaluations.next_steps'],
  );
  const incidents = await open(
    await store.incidents(trx, row.id),
    ['description', 'placement_incidents.description'],
    ['action_taken', 'placement_incidents.action_taken'],
  );
  const mobility = await open(await store.mobility(trx, row.id), ['note', 'placement_mobility.note']);
  const mobilityViews = mobility.map(toMobility);
  const firstCrossing = mobilityViews
    .filter((m) => m.firstAutonomousCrossing)
    .map((m) => m.travelledOn)
    .sort()[0];
  return {
    placementId: row.id,
    side,
    status: a.status,
    person,
    hostAccessUntil: hostAccessEnd({ endsOn: row.ends_on, endedOn: row.ended_on }),
    period: a.period,
    today: a.today,
    canRecord: recording && actorCan(actor, 'placement.attendance'),
    canEvaluate: recording && canEvaluate(actor),
    summary: attendanceSummary(days, a.period, a.today),
    midpoint: evaluationMidpoint(a.agreed),
    evaluations: evaluations.map(toEvaluation),
    incidents: incidents.map(
      (i): IncidentView => ({
        id: i.id,
        occurredOn: i.occurred_on,
        kind: i.kind as IncidentView['kind'],
        description: i.description,
        actionTaken: i.action_taken,
      }),
    ),
    mobility: mobilityViews,
    firstCrossingOn: firstCrossing ?? null,
    ...(home ? await homeOnly(trx, actor, masters, a) : { stays: null, stayAlerts: null, outcomes: null }),
    canRecordStays: home && recording && actorCan(actor, 'placement.manage'),
    warnings,
  };
}

/**
 * Whom the follow-up is about, as this side may see them (issue 9 #13): the name from the home centre's
 * record, or for the host through the agreement's grant when it carries the identity group; the
 * participant code always. The caller audits the read.
 */
export async function followUpPerson(trx: Tx, a: FollowUpAccess): Promise<FollowUpPerson> {
  const name = (await store.personNames(trx, [a.row.id])).get(a.row.id) ?? null;
  const code = (await parties(trx, [a.row.id])).get(a.row.id)?.code ?? null;
  return { name, participantCode: code };
}

/** What only the home centre sees: stays abroad with the benefit alert, and the outcomes. */
async function homeOnly(trx: Tx, actor: Actor, masters: MasterKeys, a: FollowUpAccess) {
  const { row } = a;
  // Their texts are sealed with the home centre's own key (migration 0077).
  const stays = await openOwnColumns(trx, masters, await store.stays(trx, row.id), [
    'reason',
    'placement_stays_abroad.reason',
  ]);
  const benefit = await store.personBenefit(trx, row.person_id);
  const outcomes = await openOwnColumns(
    trx,
    masters,
    await store.outcomes(trx, row.id),
    ['drop_out_reason', 'placement_outcomes.drop_out_reason'],
    ['note', 'placement_outcomes.note'],
  );
  let stayAlerts: FollowUpView['stayAlerts'] = null;
  if (staysAlertApplies(benefit)) {
    const all = await store.personStays(trx, row.person_id);
    stayAlerts = placementStayAlerts(
      all.map((s) => ({ start: s.starts_on, end: s.ends_on })),
      a.agreed,
    ).map((x) => ({
      code: x.code,
      startsOn: x.period?.start ?? null,
      endsOn: x.period?.end ?? null,
      year: x.year ?? null,
      days: x.days,
    }));
  }
  const endedOn = isEnded(a.status) ? (row.ended_on ?? row.ends_on) : null;
  const mayRecord = actorCan(actor, 'placement.manage');
  return {
    stays: stays.map((s) => ({
      id: s.id,
      startsOn: s.starts_on,
      endsOn: s.ends_on,
      days: daysInclusive(s.starts_on, s.ends_on),
      reason: s.reason,
    })),
    stayAlerts,
    outcomes: OUTCOME_KINDS.map((kind): OutcomeSlot => {
      const w = endedOn ? outcomeWindow(kind, endedOn) : null;
      const o = outcomes.find((x) => x.kind === kind);
      return {
        kind,
        opensOn: w?.opensOn ?? null,
        dueBy: w?.dueBy ?? null,
        open: !!w && a.today >= w.opensOn && mayRecord,
        outcome: o ? toOutcome(o) : null,
      };
    }),
  };
}

const toEvaluation = (e: Awaited<ReturnType<typeof store.evaluations>>[number]): EvaluationView => {
  const raw = (typeof e.scores === 'string' ? JSON.parse(e.scores) : e.scores) as Record<string, number>;
  return {
    kind: e.kind as EvaluationView['kind'],
    heldOn: e.held_on,
    scores: Object.fromEntries(EVALUATION_CRITERIA.map((c) => [c, Number(raw[c] ?? 0)])) as Scores,
    personPresent: e.person_present,
    referentPresent: e.referent_present,
    tutorPresent: e.tutor_present,
    strengths: e.strengths,
    improvements: e.improvements,
    nextSteps: e.next_steps,
    updatedAt: new Date(e.updated_at as unknown as string).toISOString(),
  };
};

const toMobility = (m: Awaited<ReturnType<typeof store.mobility>>[number]): MobilityView => ({
  id: m.id,
  travelledOn: m.travelled_on,
  mode: m.mode as MobilityView['mode'],
  doorToDoorMinutes: m.door_to_door_minutes,
  costRefundedCents: m.cost_refunded_cents,
  travelsAlone: m.travels_alone,
  firstAutonomousCrossing: m.first_autonomous_crossing,
  note: m.note,
});

const toOutcome = (o: Awaited<ReturnType<typeof store.outcomes>>[number]): OutcomeView => ({
  observedOn: o.observed_on,
  situation: o.situation as OutcomeView['situation'],
  contractType: o.contract_type as OutcomeView['contractType'],
  dropOutReason: o.drop_out_reason,
  note: o.note,
});
