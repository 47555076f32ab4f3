import { sql } from 'kysely';
import type { TestApp } from '../../../../../test/support/app';
import { fieldCipher } from '../../../platform/keys/field-cipher';
import { referralFixtures } from '../../people/referrals/fixtures.testing';

type Member = { userId: string; orgId: string };

/**
 * Test helpers: agreements written straight into the tables as the home centre (person, placement
 * consent, placements row, the host's grant) in any status, and their follow-up, without the workflow.
 */
export function agreementFixtures(t: TestApp) {
  const f = referralFixtures(t);

  const programmeId = async (acronym: string) => {
    const r = await sql<{ id: string }>`select id from programmes where acronym = ${acronym}`.execute(f.db);
    if (!r.rows[0]) throw new Error(`no programme ${acronym}`);
    return r.rows[0].id;
  };

  /** A programme of its own for a test, so that demo agreements never count in it. */
  const createProgramme = async (leadOrgId: string, acronym: string) => {
    const r = await sql<{ id: string }>`insert into programmes (org_id, acronym, name_fr, name_nl, funds,
        starts_on, ends_on)
      values (${leadOrgId}::uuid, ${acronym}, ${`Programme ${acronym}`}, ${`Programma ${acronym}`},
        array['own'], '2026-01-01', '2028-12-31') returning id`.execute(f.db);
    return r.rows[0]!.id;
  };

  const createAgreement = async (
    home: Member,
    host: Member,
    o: {
      lastName?: string;
      personId?: string;
      status?: string;
      startsOn: string;
      endsOn: string;
      endedOn?: string | null;
      programmeId?: string | null;
      siteName?: string;
      benefit?: string;
    },
  ) => {
    const personId =
      o.personId ?? (await f.createPerson(home, { firstName: 'Nora', lastName: o.lastName ?? 'Fictive' }));
    if (o.benefit)
      await f.asOrg(home, (trx) =>
        trx.updateTable('persons').set({ benefit: o.benefit }).where('id', '=', personId).execute(),
      );
    const consentId = await f.createConsent(home, personId, {
      purpose: 'placement',
      categories: ['identity'],
      recipients: [host.orgId],
    });
    return f.asOrg(home, async (trx) => {
      const p = await trx
        .insertInto('placements')
        .values({
          org_id: home.orgId,
          person_id: personId,
          host_org_id: host.orgId,
          programme_id: o.programmeId ?? null,
          status: o.status ?? 'active',
          site_name: o.siteName ?? 'Atelier du Pile',
          municipality_code: 'FR-59512',
          tasks: 'Accueil et petite menuiserie',
          schedule: 'Lundi–vendredi 9h–16h',
          hours_per_week: 35,
          starts_on: o.startsOn,
          ends_on: o.endsOn,
          ended_on: o.endedOn ?? null,
          referent_user_id: home.userId,
          language: 'fr',
          shared_fields: ['identity'],
          consent_id: consentId,
          created_by: home.userId,
        })
        .returning(['id', 'version'])
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('person_grants')
        .values({
          org_id: home.orgId,
          person_id: personId,
          recipient_org_id: host.orgId,
          purpose: 'placement',
          fields: ['identity'],
          source: 'placement',
          source_id: p.id,
          consent_id: consentId,
          created_by: home.userId,
        })
        .execute();
      return { id: p.id, personId, home, host };
    });
  };

  type Agreement = Awaited<ReturnType<typeof createAgreement>>;

  const addEvaluation = (a: Agreement, kind: 'mid_term' | 'final', heldOn: string) =>
    f.asOrg(a.home, (trx) =>
      trx
        .insertInto('placement_evaluations')
        .values({
          org_id: a.home.orgId,
          host_org_id: a.host.orgId,
          placement_id: a.id,
          kind,
          held_on: heldOn,
          scores: JSON.stringify({ tasks: 3, skills: 3, soft_skills: 4, punctuality: 3, language: 2 }),
          recorded_by: a.home.userId,
          author_org_id: a.home.orgId,
        })
        .execute(),
    );

  const addOutcome = (a: Agreement, kind: 'exit' | 'six_months', observedOn: string, situation = 'job') =>
    f.asOrg(a.home, async (trx) => {
      // Sealed as the application writes it (migration 0077).
      const reason =
        situation === 'drop_out'
          ? (await fieldCipher(trx, t.deps.secrets)).seal(
              'placement_outcomes.drop_out_reason',
              'Déménagement',
            )
          : null;
      await trx
        .insertInto('placement_outcomes')
        .values({
          org_id: a.home.orgId,
          placement_id: a.id,
          kind,
          observed_on: observedOn,
          situation,
          contract_type: situation === 'job' ? 'fixed_term' : null,
          drop_out_reason: reason,
          recorded_by: a.home.userId,
        })
        .execute();
    });

  const addAttendance = (
    a: Agreement,
    days: Array<{ day: string; planned: number; status: string; hours?: number }>,
  ) =>
    f.asOrg(a.home, (trx) =>
      trx
        .insertInto('placement_attendance')
        .values(
          days.map((d) => ({
            org_id: a.home.orgId,
            host_org_id: a.host.orgId,
            placement_id: a.id,
            day: d.day,
            planned_hours: d.planned,
            status: d.status,
            hours: d.hours ?? null,
            recorded_by: a.home.userId,
            author_org_id: a.home.orgId,
          })),
        )
        .execute(),
    );

  const addStay = (a: Agreement, startsOn: string, endsOn: string) =>
    f.asOrg(a.home, (trx) =>
      trx
        .insertInto('placement_stays_abroad')
        .values({
          org_id: a.home.orgId,
          host_org_id: a.host.orgId,
          placement_id: a.id,
          starts_on: startsOn,
          ends_on: endsOn,
          recorded_by: a.home.userId,
        })
        .execute(),
    );

  /** A signature of the agreement's current version, asked `daysAgo` days ago, signed or not. */
  const addSignature = async (a: Agreement, role: string, daysAgo: number, signed = false) => {
    const r = await sql<{ id: string }>`insert into placement_signatures (org_id, host_org_id, placement_id,
        version, role, signer_name, requested_by, requested_at, method, signed_at, recorded_by)
      select p.org_id, p.host_org_id, p.id, p.version, ${role}, 'Signataire Fictif', ${a.home.userId}::uuid,
        now() - make_interval(days => ${daysAgo}::int),
        ${signed ? 'in_person' : null}, ${signed ? sql`now()` : null}, ${signed ? a.home.userId : null}::uuid
      from placements p where p.id = ${a.id}::uuid returning id`.execute(f.db);
    return r.rows[0]!.id;
  };

  return {
    ...f,
    programmeId,
    createProgramme,
    createAgreement,
    addEvaluation,
    addOutcome,
    addAttendance,
    addStay,
    addSignature,
  };
}
