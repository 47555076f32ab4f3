import type { TestApp } from '../../../../../test/support/app';
import { addDays } from '../../../../common/placements/dates';
import { referralFixtures } from '../../people/referrals/fixtures.testing';

/**
 * Test helpers: agreements written straight into the tables as the home centre (a person, a placement
 * consent, the placements row and the host's grant), without going through the agreement workflow.
 */
export function followUpFixtures(t: TestApp) {
  const f = referralFixtures(t);
  type Member = Awaited<ReturnType<typeof f.member>>;

  /** The app's day (its clock), the one its rules and queries use. */
  const today = () => t.deps.clock.today();

  const createAgreement = async (
    home: Member,
    host: Member,
    o: {
      tutorUserId?: string;
      status?: string;
      startsOn: string;
      endsOn: string;
      hoursPerWeek?: number | null;
      benefit?: string;
      personId?: string;
      /** The field groups consented to and granted to the host (identity by default). */
      fields?: string[];
      consentExpiresOn?: string;
    },
  ) => {
    const fields = o.fields ?? ['identity'];
    const personId = o.personId ?? (await f.createPerson(home, { firstName: 'Nora', lastName: 'Fictive' }));
    if (o.benefit)
      await f.asOrg(home, (trx) =>
        trx.updateTable('persons').set({ benefit: o.benefit }).where('id', '=', personId).execute(),
      );
    const consentId = await f.createConsent(home, personId, {
      purpose: 'placement',
      categories: fields,
      recipients: [host.orgId],
      ...(o.consentExpiresOn ? { expiresOn: o.consentExpiresOn } : {}),
    });
    return f.asOrg(home, async (trx) => {
      const p = await trx
        .insertInto('placements')
        .values({
          org_id: home.orgId,
          person_id: personId,
          host_org_id: host.orgId,
          status: o.status ?? 'active',
          site_name: 'Atelier du Pile',
          municipality_code: 'FR-59512',
          tasks: 'Accueil et petite menuiserie',
          schedule: 'Lundi–vendredi 9h–16h',
          hours_per_week: o.hoursPerWeek === undefined ? 35 : o.hoursPerWeek,
          starts_on: o.startsOn,
          ends_on: o.endsOn,
          referent_user_id: home.userId,
          tutor_user_id: o.tutorUserId ?? null,
          language: 'fr',
          shared_fields: fields,
          consent_id: consentId,
          created_by: home.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('person_grants')
        .values({
          org_id: home.orgId,
          person_id: personId,
          recipient_org_id: host.orgId,
          purpose: 'placement',
          fields,
          source: 'placement',
          source_id: p.id,
          consent_id: consentId,
          created_by: home.userId,
        })
        .execute();
      return { id: p.id, personId };
    });
  };

  /** Moves an agreement as its home centre (the workflow is another helper's; the guard lets the home do it). */
  const setStatus = async (home: Member, id: string, status: string, endedOn: string | null = null) => {
    await f.asOrg(home, (trx) =>
      trx.updateTable('placements').set({ status, ended_on: endedOn }).where('id', '=', id).execute(),
    );
  };

  /** A running placement: started five weeks ago, ends in two months. */
  const runningPeriod = (today: string) => ({ startsOn: addDays(today, -35), endsOn: addDays(today, 60) });

  return { ...f, today, createAgreement, setStatus, runningPeriod };
}
