import { addDays } from '../../../../common/placements/dates';
import {
  defaultPlannedHours,
  evaluationMidpoint,
  followUpPeriod,
  isoWeekday,
  mondayOf,
  weekDays,
} from '../../../../common/placements/followup-rules';
import { switchContext, type Tx } from '../../../platform/db/context';
import { type DemoOrgIds, type DemoSecrets, seedingAs } from '../../../platform/demo';
import { type EncryptedField, fieldCipher } from '../../../platform/keys/field-cipher';
import type { Secrets } from '../../../platform/secrets';
import type { PlacementRow } from '../agreements/access';
import { today } from '../today';
import { type AttendanceRowInput, parties, replaceWeek, upsertEvaluation } from './store';

/** How many of the last weeks gone by get an attendance sheet. */
const DEMO_WEEKS = 4;

/**
 * Follow-up for every active demo agreement: the weeks gone by entered by the tutor (with one justified
 * and one unjustified absence), a mid-term evaluation and two journeys, the second one the person's first
 * autonomous border crossing. Written as the host's tutor (the referent when there is no tutor), so RLS and
 * the audit apply. Nothing is written when no agreement is active.
 */
export async function seedFollowUp(
  trx: Tx,
  _orgs: DemoOrgIds,
  _users: Record<string, string>,
  secrets: DemoSecrets,
): Promise<void> {
  const active = await trx.selectFrom('placements').selectAll().where('status', '=', 'active').execute();
  if (!active.length) return;
  const day = await today(trx);
  // The journey's note is sealed with the writer's key (migration 0076); every caller hands the full secrets.
  const secretKey = (secrets as Partial<Secrets>).secretKey;
  const masters = secretKey ? ({ secretKey } as Secrets) : null;
  return seedingAs(trx, async () => {
    for (const p of active) await seedOne(trx, p, day, masters);
  });
}

async function seedOne(trx: Tx, p: PlacementRow, today: string, masters: Secrets | null) {
  const period = followUpPeriod({ startsOn: p.starts_on, endsOn: p.ends_on, endedOn: p.ended_on });
  const last = addDays(today, -1) < period.end ? addDays(today, -1) : period.end;
  if (last < period.start) return;
  const userId = p.tutor_user_id ?? p.referent_user_id;
  await switchContext(trx, { orgId: p.tutor_user_id ? p.host_org_id : p.org_id, userId });
  const hoursPerWeek = p.hours_per_week === null ? 35 : Number(p.hours_per_week);
  // What the writer types is sealed with its organisation's key (migration 0076); without the platform key
  // (a bare seed in a test) the texts are left out.
  const orgId = p.tutor_user_id ? p.host_org_id : p.org_id;
  const by = { userId, orgId };
  const cipher = masters ? await fieldCipher(trx, masters) : null;
  const sealed = (field: EncryptedField, text: string) => (cipher ? cipher.seal(field, text) : null);

  // Whole weeks gone by (Monday to Sunday before today), the last few only.
  const mondays: string[] = [];
  for (let m = mondayOf(period.start); addDays(m, 6) < today && m <= period.end; m = addDays(m, 7))
    mondays.push(m);
  const weeks = mondays.slice(-DEMO_WEEKS);
  const working = weeks.flatMap((m) => weekDays(m)).filter((d) => inPeriod(d) && isoWeekday(d) < 5);
  // One justified absence early on, one unjustified later.
  const justified = working[1];
  const unjustified = working[working.length - 2];
  for (const monday of weeks) {
    const days: AttendanceRowInput[] = weekDays(monday)
      .filter(inPeriod)
      .map((day) => {
        const planned = defaultPlannedHours(day, hoursPerWeek, period);
        if (planned === 0) return { day, status: 'not_planned', plannedHours: 0, hours: null, note: null };
        if (day === justified)
          return {
            day,
            status: 'justified_absence',
            plannedHours: planned,
            hours: null,
            note: sealed('placement_attendance.note', 'Rendez-vous médical (certificat remis)'),
          };
        if (day === unjustified)
          return { day, status: 'unjustified_absence', plannedHours: planned, hours: null, note: null };
        return { day, status: 'present', plannedHours: planned, hours: planned, note: null };
      });
    await replaceWeek(trx, p, monday, addDays(monday, 6), days, by);
  }

  const midpoint = evaluationMidpoint({ start: p.starts_on, end: p.ends_on });
  await upsertEvaluation(
    trx,
    p,
    {
      kind: 'mid_term',
      held_on: midpoint < last ? midpoint : last,
      scores: { tasks: 3, skills: 3, soft_skills: 4, punctuality: 2, language: 3 },
      person_present: true,
      referent_present: true,
      tutor_present: true,
      strengths: sealed('placement_evaluations.strengths', 'Soigneuse, bonne entente avec l’équipe.'),
      improvements: sealed('placement_evaluations.improvements', 'Arriver à l’heure le lundi matin.'),
      next_steps: sealed(
        'placement_evaluations.next_steps',
        'Essayer le trajet en train seule d’ici la fin du mois.',
      ),
    },
    by,
  );

  const second = addDays(period.start, 7) < last ? addDays(period.start, 7) : last;
  const author = { author_org_id: orgId };
  await trx
    .insertInto('placement_mobility')
    .values([
      {
        ...parties(p),
        travelled_on: period.start,
        mode: 'bus',
        door_to_door_minutes: 65,
        cost_refunded_cents: 360,
        travels_alone: false,
        first_autonomous_crossing: false,
        note: sealed('placement_mobility.note', 'Accompagnée par la référente le premier jour.'),
        recorded_by: userId,
        ...author,
      },
      {
        ...parties(p),
        travelled_on: second,
        mode: 'train',
        door_to_door_minutes: 50,
        cost_refunded_cents: 420,
        travels_alone: true,
        first_autonomous_crossing: true,
        note: null,
        recorded_by: userId,
        ...author,
      },
    ])
    .execute();

  function inPeriod(d: string) {
    return d >= period.start && d <= last;
  }
}
