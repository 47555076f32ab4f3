import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/context';
import type { SubjectDataProvider } from '../../../platform/module';
import { changed, opened, section } from '../../../platform/subject-data';
import { withTexts as withReferralTexts } from '../referrals/store';

/**
 * What the people module holds about a person (ADR 0032): the record, pathways, consents, referrals and
 * grants. Export: every row of the home organisation. Anonymisation: free text, contacts and relatives go;
 * the dated participations (pathways, consents, referrals) stay for the indicators; sharing ends.
 */

const record: SubjectDataProvider = {
  key: 'people.person',
  async collect(trx, _actor, personId) {
    return [
      section(
        'people.person',
        await sql<Record<string, unknown>>`
          select p.first_name as "firstName", p.last_name as "lastName", p.birth_date::text as "birthDate",
            p.birth_date_precision as "birthDatePrecision", p.sex, p.nationality, p.participant_code as "participantCode",
            p.national_id_enc is not null as "nationalIdRecorded", p.email, p.phone, p.street,
            p.postal_code as "postalCode",
            -- The municipality by its names (both languages where they differ), its code in brackets.
            coalesce((select t.name_fr || coalesce(' / ' || nullif(t.name_nl, t.name_fr), '') || ' (' || t.code || ')'
                        from territories t where t.code = p.municipality_code), p.municipality_code) as "municipalityCode",
            p.languages,
            p.spoken_languages as "spokenLanguages", p.interpreter_need as "interpreterNeed",
            p.preferred_language as "preferredLanguage", p.benefit, p.benefit_since::text as "benefitSince",
            p.benefit_until::text as "benefitUntil", p.contract_type as "contractType",
            p.contract_signed_on::text as "contractSignedOn", u.display_name as "referent", p.status,
            p.restricted_at as "restrictedAt", p.restriction_reason as "restrictionReason",
            p.created_at as "createdAt", p.updated_at as "updatedAt"
          from persons p left join users u on u.id = p.referent_user_id
          where p.id = ${personId}`.execute(trx),
      ),
    ];
  },
  async anonymise(trx, personId) {
    // The minimal participation record: the participant code (pseudonymous, counts unique persons), sex,
    // the birth year (age bands), the benefit (a counting filter). Names become the code itself.
    const r = await sql`
      update persons set first_name = '', last_name = participant_code,
        birth_date = make_date(extract(year from birth_date)::int, 1, 1), birth_date_precision = 'year',
        nationality = null, spoken_languages = '[]', interpreter_need = null, email = null, phone = null,
        street = null, postal_code = null, municipality_code = null, languages = '{}',
        benefit_since = null, benefit_until = null, contract_type = 'none', contract_signed_on = null,
        contract_next_evaluation_on = null, national_id_enc = null, national_id_bidx = null,
        referent_user_id = null, status = 'archived', restricted_at = null, restriction_reason = null,
        restricted_by = null, anonymised_at = now(), updated_at = now()
      where id = ${personId}`.execute(trx);
    return { persons: changed(r) };
  },
};

const pathways: SubjectDataProvider = {
  key: 'people.pathways',
  async collect(trx, _actor, personId, masters) {
    const of = sql`(select id from pathways where person_id = ${personId})`;
    // Titles are sealed (migration 0080): opened here, then each objective lists its actions.
    const objectives = await opened(
      trx,
      masters,
      await sql<{ id: string; title: string; status: string; dueOn: string | null }>`
        select o.id, o.title, o.status, o.due_on::text as "dueOn"
        from pathway_objectives o where o.pathway_id in ${of} order by o.created_at`.execute(trx),
      ['title', 'pathway_objectives.title'],
    );
    const actions = await opened(
      trx,
      masters,
      await sql<{ objective_id: string; title: string; status: string }>`
        select a.objective_id, a.title, a.status from pathway_actions a
          join pathway_objectives o on o.id = a.objective_id
        where o.pathway_id in ${of} order by a.created_at`.execute(trx),
      ['title', 'pathway_actions.title'],
    );
    return [
      section(
        'people.pathways',
        await sql<Record<string, unknown>>`
          select w.entry_on::text as "entryOn", w.exit_on::text as "exitOn", w.exit_reason as "exitReason",
            w.modules, pr.name_fr as "programme"
          from pathways w left join programmes pr on pr.id = w.programme_id
          where w.person_id = ${personId} order by w.entry_on`.execute(trx),
      ),
      section('people.objectives', {
        rows: objectives.rows.map(({ id, ...o }) => {
          const mine = actions.rows.filter((a) => a.objective_id === id);
          return {
            ...o,
            actions: mine.length ? mine.map((a) => `${a.title} (${a.status})`).join('; ') : null,
          };
        }),
      }),
      section(
        'people.notes',
        await opened(
          trx,
          masters,
          await sql<Record<string, unknown> & { body: string }>`
            select n.noted_on::text as "notedOn", n.body, n.confidential, u.display_name as "author"
            from pathway_notes n left join users u on u.id = n.author_user_id
            where n.pathway_id in ${of} order by n.noted_on, n.created_at`.execute(trx),
          ['body', 'pathway_notes.body'],
        ),
      ),
      section(
        'people.mobility',
        await opened(
          trx,
          masters,
          await sql<Record<string, unknown> & { note: string | null }>`
            select m.recorded_on::text as "recordedOn", m.radius_km as "radiusKm",
              m.crossed_border as "crossedBorder", m.note
            from pathway_mobility m where m.pathway_id in ${of} order by m.recorded_on`.execute(trx),
          ['note', 'pathway_mobility.note'],
        ),
      ),
    ];
  },
  async anonymise(trx, personId) {
    const of = sql`(select id from pathways where person_id = ${personId})`;
    const notes = await sql`delete from pathway_notes where pathway_id in ${of}`.execute(trx);
    // Objectives and actions are free text about the person's life: removed (actions by cascade).
    const objectives = await sql`delete from pathway_objectives where pathway_id in ${of}`.execute(trx);
    const mobility = await sql`update pathway_mobility set note = null
      where pathway_id in ${of} and note is not null`.execute(trx);
    const kept = await sql`update pathways set exit_reason = null, updated_at = now()
      where person_id = ${personId}`.execute(trx);
    return {
      notesDeleted: changed(notes),
      objectivesDeleted: changed(objectives),
      mobilityNotesCleared: changed(mobility),
      pathwaysKept: changed(kept),
    };
  },
};

const consents: SubjectDataProvider = {
  key: 'people.consents',
  async collect(trx, _actor, personId) {
    return [
      section(
        'people.consents',
        await sql<Record<string, unknown>>`
          select c.purpose, c.data_categories as "dataCategories",
            (select string_agg(o.name_fr, ', ') from organisations o where o.id = any (c.recipient_org_ids)) as "recipients",
            c.given_by as "givenBy", c.representative_name as "representativeName", c.given_on::text as "givenOn",
            c.expires_on::text as "expiresOn", c.withdrawn_on::text as "withdrawnOn",
            c.withdrawal_reason as "withdrawalReason"
          from consents c where c.person_id = ${personId} order by c.given_on, c.created_at`.execute(trx),
      ),
    ];
  },
  async anonymise(trx, personId) {
    // Kept as the legal basis of past sharing and of the statistics (a withdrawn statistics consent still
    // leaves the person out of the counts); the representative's name and the free text go.
    const r = await sql`update consents set
        representative_name = case when representative_name is null then null else '--' end,
        withdrawal_reason = null
      where person_id = ${personId} and (representative_name is not null or withdrawal_reason is not null)`.execute(
      trx,
    );
    return { consentsCleared: changed(r) };
  },
};

const sharing: SubjectDataProvider = {
  key: 'people.referrals',
  async collect(trx, _actor, personId, masters) {
    const referrals = await sql<{
      id: string;
      org_id: string;
      recipient_org_id: string;
      message: string | null;
      decline_reason: string | null;
    }>`
      select r.id, r.org_id, r.recipient_org_id, r.created_at as "sentAt", o.name_fr as "recipient", r.purpose,
        r.fields, r.message, r.status, r.decline_reason, r.decided_at as "decidedAt"
      from referrals r join organisations o on o.id = r.recipient_org_id
      where r.person_id = ${personId} and r.org_id = app.current_org_id() order by r.created_at`.execute(trx);
    // The messages are the home organisation's own, the decline reasons the recipients' (released to it).
    const texts = await withReferralTexts(trx, masters, referrals.rows);
    return [
      section('people.referrals', {
        // The keys' owners are not part of the export; the columns keep their order and names.
        rows: texts.map((r) =>
          Object.fromEntries(
            Object.entries(r)
              .filter(([k]) => !['id', 'org_id', 'recipient_org_id'].includes(k))
              .map(([k, v]) => [k === 'decline_reason' ? 'declineReason' : k, v]),
          ),
        ),
      }),
      section(
        'people.grants',
        await sql<Record<string, unknown>>`
          select g.created_at as "grantedAt", o.name_fr as "recipient", g.purpose, g.fields, g.source,
            g.expires_on::text as "expiresOn", g.revoked_at as "revokedAt"
          from person_grants g join organisations o on o.id = g.recipient_org_id
          where g.person_id = ${personId} order by g.created_at`.execute(trx),
      ),
    ];
  },
  async anonymise(trx, personId) {
    // Sharing ends (the referral's end revokes its grant too, migration 0003); the dated rows stay.
    const revoked = await sql`update referrals set status = 'revoked', updated_at = now()
      where person_id = ${personId} and org_id = app.current_org_id() and status in ('sent', 'accepted')`.execute(
      trx,
    );
    const text = await sql`update referrals set message = null,
        decline_reason = case when decline_reason is null then null else '--' end, updated_at = now()
      where person_id = ${personId} and org_id = app.current_org_id()
        and (message is not null or decline_reason is not null)`.execute(trx);
    const grants =
      await sql`update person_grants set revoked_at = now(), revoked_reason = 'erasure', updated_at = now()
      where person_id = ${personId} and revoked_at is null`.execute(trx);
    return {
      referralsRevoked: changed(revoked),
      referralsCleared: changed(text),
      grantsRevoked: changed(grants),
    };
  },
};

/** In the order of the export (the record first); anonymised after every other module's parts. */
export const peopleSubjectData: readonly SubjectDataProvider[] = [record, pathways, consents, sharing];
