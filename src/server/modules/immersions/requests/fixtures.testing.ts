import { sql } from 'kysely';
import type { TestApp } from '../../../../../test/support/app';
import { withContext } from '../../../platform/db/context';
import { agreementFixtures } from '../../placements/reminders/fixtures.testing';

type Member = { userId: string; orgId: string };

/**
 * Test helpers for immersion requests: the demo's Menen professional and manager, the CCAS Tourcoing host,
 * a third organisation (CPAS de Mouscron), a programme of their own and a published offer of the host
 * written straight into the tables (so nothing depends on the offers' demo).
 */
export function requestFixtures(t: TestApp) {
  const fx = agreementFixtures(t);

  const people = async () => ({
    visitor: await fx.member('maatschappelijk-werker@ocmw-menen.example'),
    manager: await fx.member('diensthoofd@ocmw-menen.example'),
    host: await fx.member('immersions@ccas-tourcoing.example'),
    third: await fx.member('coordination@cpas-mouscron.example'),
    lead: await fx.member('coordination@udccas-nord.example'),
  });

  /** A programme led by `lead` with the organisations as partners (2026–2028). */
  const programme = async (lead: Member, acronym: string, partners: string[]) => {
    const id = await fx.createProgramme(lead.orgId, acronym);
    for (const org of partners)
      await sql`insert into programme_partners (programme_id, partner_org_id, org_id, role)
        values (${id}::uuid, ${org}::uuid, ${lead.orgId}::uuid, 'partner')`.execute(fx.db);
    return id;
  };

  /** A published offer of the host's unit with one period, written as the host. */
  const offer = async (
    host: Member,
    o: { programmeId: string | null; capacity?: number; period: [string, string]; unit?: string },
  ) =>
    fx.asOrg(host, async (trx) => {
      const unit = await sql<{ id: string }>`insert into org_units (org_id, kind, name_fr)
        values (${host.orgId}::uuid, 'service', ${o.unit ?? `Service insertion ${Math.random().toString(36).slice(2, 8)}`})
        returning id`.execute(trx);
      const offer = await sql<{ id: string }>`insert into immersion_offers (org_id, unit_id, status, themes,
          title_fr, title_nl, languages, kinds, capacity_per_period, contact_email, programme_id, published_at)
        values (${host.orgId}::uuid, ${unit.rows[0]!.id}::uuid, 'published',
          array['socio_professional_insertion', 'youth'], 'Insertion des jeunes', 'Inschakeling van jongeren',
          array['fr', 'nl'], array['shadowing', 'short', 'long'], ${o.capacity ?? 1},
          'accueil@ccas-tourcoing.example', ${o.programmeId}::uuid, now())
        returning id`.execute(trx);
      const period = await sql<{
        id: string;
      }>`insert into immersion_offer_periods (offer_id, org_id, starts_on,
          ends_on) values (${offer.rows[0]!.id}::uuid, ${host.orgId}::uuid, ${o.period[0]}::date,
          ${o.period[1]}::date) returning id`.execute(trx);
      return { id: offer.rows[0]!.id, periodId: period.rows[0]!.id };
    });

  /**
   * Moves a request's dates, as time passing would (to start or complete it in a test): as the platform
   * administrator, whom the guard lets change an agreed request.
   */
  const setDates = (id: string, startsOn: string, endsOn: string) =>
    withContext(fx.db, { platformAdmin: true }, (trx) =>
      sql`update immersion_requests set starts_on = ${startsOn}::date, ends_on = ${endsOn}::date
        where id = ${id}::uuid`.execute(trx),
    );

  return { ...fx, people, programme, offer, setDates };
}
