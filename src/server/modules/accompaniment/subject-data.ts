import { sql } from 'kysely';
import type { Tx } from '../../platform/db/context';
import type { SubjectDataProvider } from '../../platform/module';
import { changed, opened, section } from '../../platform/subject-data';

/**
 * What the accompaniment module holds about a person (ADR 0032). Export: the newcomer record, requests to
 * mobile teams, interventions, interpreter bookings and linked outreach contacts, as the home organisation
 * reads them; the team's clinical notes are read by the team's clinicians only, so the export counts them
 * (withheld) and never shows them. Anonymisation: the dated activities stay (the newcomers indicator counts
 * them), free text, the guardian, relatives and the clinical notes go (app.erase_accompaniment reaches the
 * team's rows).
 */
export const accompanimentSubjectData: SubjectDataProvider = {
  key: 'accompaniment.records',
  async collect(trx, _actor, personId, masters) {
    const clinical = (
      await sql<{ n: number }>`select app.clinical_notes_about(${personId}::uuid) as n`.execute(trx)
    ).rows[0]!.n;
    return [
      section(
        'accompaniment.profile',
        await opened(
          trx,
          masters,
          await sql<Record<string, unknown>>`
            select category, arrival_on::text as "arrivalOn", current_status as "currentStatus",
              permit_type as "permitType", permit_expires_on::text as "permitExpiresOn", housing,
              guardian_name as "guardianName", guardian_organisation as "guardianOrganisation",
              guardian_contact as "guardianContact", psychosocial_needed as "psychosocialNeeded",
              psychosocial_referred_to as "psychosocialReferredTo"
            from newcomer_profiles where person_id = ${personId} and org_id = app.current_org_id()`.execute(
            trx,
          ),
          ['psychosocialReferredTo', 'newcomer_profiles.psychosocial_referred_to'],
          ['guardianName', 'newcomer_profiles.guardian_name'],
          ['guardianContact', 'newcomer_profiles.guardian_contact'],
        ),
      ),
      section(
        'accompaniment.household',
        await sql<Record<string, unknown>>`
          select relation, birth_year as "birthYear", whereabouts
          from newcomer_household_members where person_id = ${personId} order by position`.execute(trx),
      ),
      section(
        'accompaniment.status_events',
        await opened(
          trx,
          masters,
          await sql<Record<string, unknown>>`
            select occurred_on::text as "occurredOn", kind, outcome, permit_type as "permitType",
              expires_on::text as "expiresOn", note
            from newcomer_status_events where person_id = ${personId} and org_id = app.current_org_id()
            order by occurred_on`.execute(trx),
          ['note', 'newcomer_status_events.note'],
        ),
      ),
      section(
        'accompaniment.integration',
        await sql<Record<string, unknown>>`
          select scheme, status, started_on::text as "startedOn", ended_on::text as "endedOn", provider
          from newcomer_integration_paths where person_id = ${personId}`.execute(trx),
      ),
      section(
        'accompaniment.requests',
        await opened(
          trx,
          masters,
          await sql<Record<string, unknown>>`
            select r.created_at as "sentAt", t.name_fr as "team", r.needs, r.urgency, r.message, r.status
            from accompaniment_requests r join accompaniment_request_persons rp on rp.request_id = r.id
              join accompaniment_teams t on t.id = r.team_id
            where rp.person_id = ${personId} and r.org_id = app.current_org_id() order by r.created_at`.execute(
            trx,
          ),
          ['message', 'accompaniment_requests.message'],
        ),
      ),
      section(
        'accompaniment.interventions',
        await sql<Record<string, unknown>>`
          select i.starts_at as "startsAt", i.kind, i.language, i.status
          from accompaniment_interventions i
          where ${personId}::uuid = any (i.person_ids) and i.requester_org_id = app.current_org_id()
          order by i.starts_at`.execute(trx),
      ),
      { key: 'accompaniment.clinical_notes', rows: [], withheld: clinical },
      section(
        'accompaniment.interpreting',
        await opened(
          trx,
          masters,
          await sql<Record<string, unknown>>`
            select starts_at as "startsAt", language, modality, domain, status, briefing
            from interpreter_bookings where person_id = ${personId} and org_id = app.current_org_id()
            order by starts_at`.execute(trx),
          ['briefing', 'interpreter_bookings.briefing'],
        ),
      ),
      section(
        'accompaniment.outreach',
        await opened(
          trx,
          masters,
          await sql<Record<string, unknown>>`
            select contact_on::text as "contactOn", place, needs, note
            from outreach_contacts where person_id = ${personId} and org_id = app.current_org_id()
            order by contact_on`.execute(trx),
          ['note', 'outreach_contacts.note'],
        ),
      ),
    ];
  },
  async anonymise(trx, personId) {
    const profiles =
      await sql`update newcomer_profiles set guardian_name = null, guardian_organisation = null,
        guardian_contact = null, guardian_consent_on = null, psychosocial_referred_to = null, housing = null,
        updated_at = now()
      where person_id = ${personId}`.execute(trx);
    const household = await sql`delete from newcomer_household_members where person_id = ${personId}`.execute(
      trx,
    );
    const integration = await sql`update newcomer_integration_paths set provider = null, updated_at = now()
      where person_id = ${personId} and provider is not null`.execute(trx);
    const bookings = await sql`update interpreter_bookings set briefing = null, updated_at = now()
      where person_id = ${personId} and org_id = app.current_org_id() and briefing is not null`.execute(trx);
    const outreach = await sql`update outreach_contacts set note = null, pseudonym = null, updated_at = now()
      where person_id = ${personId} and (note is not null or pseudonym is not null)`.execute(trx);
    const team = (
      await sql<{
        r: Record<string, number>;
      }>`select app.erase_accompaniment(${personId}::uuid) as r`.execute(trx)
    ).rows[0]!.r;
    return {
      profilesCleared: changed(profiles),
      householdDeleted: changed(household),
      householdLinksCleared: team.householdLinks ?? 0,
      statusNotesCleared: team.statusNotes ?? 0,
      integrationCleared: changed(integration),
      bookingsCleared: changed(bookings),
      outreachCleared: changed(outreach),
      requestsCleared: team.requests ?? 0,
      interventionsCleared: team.interventions ?? 0,
      clinicalNotesDeleted: team.clinicalNotes ?? 0,
    };
  },
};
