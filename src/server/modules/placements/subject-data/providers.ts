import { sql } from 'kysely';
import { type EncryptedField, ERASED, openOwnColumns } from '../../../platform/keys/field-cipher';
import type { SubjectDataProvider } from '../../../platform/module';
import { changed, section } from '../../../platform/subject-data';
import { authoredOpener } from '../followup/sealed';

/**
 * What the placements module holds about a person (ADR 0032): the agreements of the home organisation, their
 * signatures, attendance, evaluations, incidents, mobility, stays abroad and outcomes. The anonymisation keeps
 * each placement with its dates, status, programme and outcome situation (the indicators count them) and
 * clears the free text, the signers' names for the person and every note.
 */
const placementsOf = (personId: string) =>
  sql`(select id from placements where person_id = ${personId} and org_id = app.current_org_id())`;

export const placementsSubjectData: SubjectDataProvider = {
  key: 'placements.agreements',
  async collect(trx, _actor, personId, masters) {
    const of = placementsOf(personId);
    // Incidents and journeys are sealed with the key of the side that wrote them (migration 0076).
    const ids = (await sql<{ id: string }>`select id from placements where id in ${of}`.execute(trx)).rows;
    const open = authoredOpener(
      trx,
      masters,
      ids.map((r) => r.id),
    );
    const authored = async (
      q: { rows: Array<Record<string, unknown> & { author_org_id: string }> },
      ...columns: Array<[string, EncryptedField]>
    ) => ({
      rows: (await open(q.rows, ...columns)).map(({ author_org_id: _, ...rest }) => rest),
    });
    return [
      section(
        'placements.agreements',
        await sql<Record<string, unknown>>`
          select p.starts_on::text as "startsOn", p.ends_on::text as "endsOn", p.status, h.name_fr as "host",
            p.site_name as "siteName", p.municipality_code as "municipalityCode", p.tasks, p.schedule,
            p.hours_per_week as "hoursPerWeek", p.signatory, p.representative_name as "representativeName",
            p.language, p.shared_fields as "sharedFields", p.status_reason as "statusReason",
            p.ended_on::text as "endedOn"
          from placements p join organisations h on h.id = p.host_org_id
          where p.id in ${of} order by p.starts_on`.execute(trx),
      ),
      section(
        'placements.signatures',
        await sql<Record<string, unknown>>`
          select s.version, s.role, n.signer_name as "signerName", n.email, s.method, s.signed_at as "signedAt"
          from placement_signatures s
            join lateral app.placement_signers(s.placement_id) n on n.signature_id = s.id
          where s.placement_id in ${of} and s.role = 'person'
          order by s.requested_at`.execute(trx),
      ),
      section(
        'placements.attendance',
        await authored(
          await sql<Record<string, unknown> & { author_org_id: string }>`
            select a.day::text as "day", a.status, a.planned_hours as "plannedHours", a.hours, a.note,
              a.author_org_id
            from placement_attendance a where a.placement_id in ${of} order by a.day`.execute(trx),
          ['note', 'placement_attendance.note'],
        ),
      ),
      section(
        'placements.evaluations',
        await authored(
          await sql<Record<string, unknown> & { author_org_id: string }>`
            select e.kind, e.held_on::text as "heldOn", e.scores, e.strengths, e.improvements,
              e.next_steps as "nextSteps", e.author_org_id
            from placement_evaluations e where e.placement_id in ${of} order by e.held_on`.execute(trx),
          ['strengths', 'placement_evaluations.strengths'],
          ['improvements', 'placement_evaluations.improvements'],
          ['nextSteps', 'placement_evaluations.next_steps'],
        ),
      ),
      section(
        'placements.incidents',
        await authored(
          await sql<Record<string, unknown> & { author_org_id: string }>`
            select i.occurred_on::text as "occurredOn", i.kind, i.description, i.action_taken as "actionTaken",
              i.author_org_id
            from placement_incidents i where i.placement_id in ${of} order by i.occurred_on`.execute(trx),
          ['description', 'placement_incidents.description'],
          ['actionTaken', 'placement_incidents.action_taken'],
        ),
      ),
      section(
        'placements.mobility',
        await authored(
          await sql<Record<string, unknown> & { author_org_id: string }>`
            select m.travelled_on::text as "travelledOn", m.mode, m.door_to_door_minutes as "minutes",
              m.travels_alone as "travelsAlone", m.note, m.author_org_id
            from placement_mobility m where m.placement_id in ${of} order by m.travelled_on`.execute(trx),
          ['note', 'placement_mobility.note'],
        ),
      ),
      // Stays abroad and outcomes are the home centre's own, sealed with its key (migration 0077).
      section('placements.stays_abroad', {
        rows: await openOwnColumns(
          trx,
          masters,
          (
            await sql<Record<string, unknown>>`
              select s.starts_on::text as "startsOn", s.ends_on::text as "endsOn", s.reason
              from placement_stays_abroad s where s.placement_id in ${of} order by s.starts_on`.execute(trx)
          ).rows,
          ['reason', 'placement_stays_abroad.reason'],
        ),
      }),
      section('placements.outcomes', {
        rows: await openOwnColumns(
          trx,
          masters,
          (
            await sql<Record<string, unknown>>`
              select o.kind, o.observed_on::text as "observedOn", o.situation, o.contract_type as "contractType",
                o.drop_out_reason as "dropOutReason", o.note
              from placement_outcomes o where o.placement_id in ${of} order by o.observed_on`.execute(trx)
          ).rows,
          ['dropOutReason', 'placement_outcomes.drop_out_reason'],
          ['note', 'placement_outcomes.note'],
        ),
      }),
    ];
  },
  async anonymise(trx, personId) {
    const of = placementsOf(personId);
    const agreements = await sql`update placements set tasks = null, schedule = null, status_reason = null,
        representative_name = case when representative_name is null then null else '--' end, updated_at = now()
      where id in ${of}`.execute(trx);
    const signatures = await sql`update placement_signatures set signer_name = '--', email = null,
        token_hash = null, updated_at = now()
      where placement_id in ${of} and role = 'person'`.execute(trx);
    const attendance = await sql`update placement_attendance set note = null
      where placement_id in ${of} and note is not null`.execute(trx);
    const evaluations = await sql`update placement_evaluations set strengths = null, improvements = null,
        next_steps = null where placement_id in ${of}`.execute(trx);
    // An incident's description is required text about the person: the row goes, the kind is not counted.
    const incidents = await sql`delete from placement_incidents where placement_id in ${of}`.execute(trx);
    const mobility = await sql`update placement_mobility set note = null
      where placement_id in ${of} and note is not null`.execute(trx);
    const stays = await sql`update placement_stays_abroad set reason = null
      where placement_id in ${of} and reason is not null`.execute(trx);
    const outcomes = await sql`update placement_outcomes set note = null,
        drop_out_reason = case when drop_out_reason is null then null else ${ERASED} end
      where placement_id in ${of}`.execute(trx);
    return {
      placementsKept: changed(agreements),
      signaturesCleared: changed(signatures),
      attendanceNotesCleared: changed(attendance),
      evaluationsCleared: changed(evaluations),
      incidentsDeleted: changed(incidents),
      mobilityNotesCleared: changed(mobility),
      staysCleared: changed(stays),
      outcomesCleared: changed(outcomes),
    };
  },
};
