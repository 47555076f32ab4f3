import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Client, TestApp } from '../../../../../test/support/app';
import type { PlacementView } from '../../../../common/placements/agreement-schemas';
import { addDays } from '../../../../common/placements/dates';
import { withContext } from '../../../platform/db/context';
import { referralFixtures } from '../../people/referrals/fixtures.testing';

export const PARKS = 'Entretien des parcs et jardins partagés';
export const HOME_REFERENT = 'referent@cpas-mouscron.example';
export const HOME_ADMIN = 'admin@cpas-mouscron.example';
export const HOST_COORDINATOR = 'direction@atelier-roubaix.example';
export const HOST_TUTOR = 'tuteur@atelier-roubaix.example';
export const THIRD = 'trajectbegeleider@ocmw-kortrijk.example';

/** Test helpers for agreements: demo ids, persons with a placement consent, time travel, mails. */
export async function agreementFixtures(t: TestApp) {
  const f = referralFixtures(t);
  const orgs: Record<string, string> = {};
  const offers: Record<string, string> = {};
  await withContext(t.deps.db, { platformAdmin: true, scope: 'system' }, async (trx) => {
    for (const o of await trx.selectFrom('organisations').select(['id', 'email']).execute())
      orgs[String(o.email).replace(/^contact@|\.example$/g, '')] = o.id;
    for (const o of await trx.selectFrom('placement_offers').select(['id', 'title_fr']).execute())
      offers[o.title_fr as string] = o.id;
  });
  const home = await f.member(HOME_REFERENT);
  const host = await f.member(HOST_COORDINATOR);
  const third = await f.member(THIRD);
  const tutor = await f.member(HOST_TUTOR);
  const programmes = await sql<{ id: string; acronym: string }>`select id, acronym from programmes`.execute(
    f.db,
  );
  const programme = (acronym: string) => programmes.rows.find((p) => p.acronym === acronym)?.id as string;
  // The demo offers belong to the current follow-up programme; these tests hold them to SAM-E (2010–2014),
  // the case of an offer whose programme has ended (issue 9, item 2), and open programmes of their own.
  await sql`update placement_offers set programme_id = ${programme('SAM-E')}`.execute(f.db);
  const today = t.deps.clock.today();

  /** A Mouscron person with a placement consent to the Atelier du Pile (identity and languages). */
  const person = async (firstName: string, consent = true) => {
    const id = await f.createPerson(home, { firstName, lastName: 'Fictivaert', withPathway: true });
    if (consent)
      await f.createConsent(home, id, {
        purpose: 'placement',
        categories: ['identity', 'languages'],
        recipients: [orgs['atelier-roubaix'] as string],
      });
    return id;
  };

  /**
   * A draft from the parks offer of the Atelier du Pile, through the API, with its insurance references
   * (asked for before signatures); `extra` overrides, `undefined` leaves a field out.
   */
  const draft = async (c: Client, personId: string, extra: Record<string, unknown> = {}) => {
    const r = await c.post('/api/placements', {
      personId,
      offerId: offers[PARKS],
      sharedFields: ['identity', 'languages'],
      accidentInsuranceRef: 'ETHIAS-AT-T-1',
      liabilityInsuranceRef: 'ETHIAS-RC-T-2',
      ...extra,
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as PlacementView;
  };

  const act = (c: Client, id: string, action: string, reason?: string) =>
    c.post(`/api/placements/${id}/transitions`, reason ? { action, reason } : { action });

  /** Moves an agreement as a step of the test expects it to go, returning the view. */
  const step = async (c: Client, id: string, action: string, reason?: string) => {
    const r = await act(c, id, action, reason);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as PlacementView;
  };

  /** Time passes: the agreement's dates move (written as the home centre, which may change them). */
  const shiftDates = (id: string, days: number) =>
    f.asOrg(home, (trx) =>
      sql`update placements set starts_on = starts_on + ${days}::int, ends_on = ends_on + ${days}::int
        where id = ${id}`.execute(trx),
    );

  const setDates = (id: string, start: string, end: string) =>
    f.asOrg(home, (trx) =>
      sql`update placements set starts_on = ${start}::date, ends_on = ${end}::date where id = ${id}`.execute(
        trx,
      ),
    );

  /** The mails of a template in the outbox, once the notifications of the events recorded so far ran. */
  const mails = async (template: string) => {
    while ((await t.deps.jobs.runDue(50)) > 0);
    return (
      await sql<{
        to_address: string;
        locale: string;
        subject: string;
        body_text: string;
        org_id: string | null;
      }>`
        select to_address, locale, subject, body_text, org_id from mail_outbox where template = ${template}
        order by created_at, id`.execute(f.db)
    ).rows;
  };

  /** The link of the newest signature mail, as the signer receives it (the outbox shows it redacted). */
  const lastToken = async () => {
    await t.deliverMail();
    const sent = t.mails.filter((m) => /\/sign#token=/.test(m.text));
    const m = /sign#token=([A-Za-z0-9_-]+)/.exec(sent[sent.length - 1]?.text ?? '');
    if (!m?.[1]) throw new Error('no signature link mailed');
    const stored = await mails('placements.agreements.signature_request');
    if (stored.some((x) => x.body_text.includes(m[1]!)))
      throw new Error('a live token is stored in the outbox');
    return m[1];
  };

  /** The three signatures of the current version, in person. */
  const signAll = async (homeC: Client, hostC: Client, id: string) => {
    for (const role of ['person', 'home_referent'] as const) {
      const r = await homeC.post(`/api/placements/${id}/signatures`, {
        role,
        method: 'in_person',
        signerName: role === 'person' ? 'Personne Fictive' : 'Sacha Référente',
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    const r = await hostC.post(`/api/placements/${id}/signatures`, {
      role: 'host_representative',
      method: 'in_person',
      signerName: 'Ariane Direction',
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as PlacementView;
  };

  /**
   * A programme of the test's own, open from a year ago to two years ahead unless told: demo programmes
   * all ended (SAM-E in 2014). Its lead is the first organisation named, the others are partners.
   */
  const openProgramme = async (
    acronym: string,
    partnerOrgIds: string[],
    o: { start?: string; end?: string; minMonths?: number; maxMonths?: number } = {},
  ) => {
    const lead = partnerOrgIds[0] as string;
    const r = await sql<{ id: string }>`insert into programmes (org_id, acronym, name_fr, name_nl, funds,
        starts_on, ends_on, placement_min_months, placement_max_months)
      values (${lead}::uuid, ${acronym}, ${`Programme ${acronym}`}, ${`Programma ${acronym}`}, array['own'],
        ${o.start ?? addDays(today, -365)}::date, ${o.end ?? addDays(today, 730)}::date, ${o.minMonths ?? 2},
        ${o.maxMonths ?? 6}) returning id`.execute(f.db);
    const id = r.rows[0]!.id;
    for (const [i, org] of partnerOrgIds.entries())
      await sql`insert into programme_partners (programme_id, partner_org_id, org_id, role)
        values (${id}::uuid, ${org}::uuid, ${lead}::uuid, ${i === 0 ? 'lead' : 'partner'})`.execute(f.db);
    return id;
  };

  const guardCodes = (body: { error: { fields?: Array<{ path: string }> } }) =>
    (body.error.fields ?? []).map((x) => x.path.replace(/^guards\./, '')).sort();

  return {
    ...f,
    orgs,
    offers,
    home,
    host,
    third,
    tutor,
    programme,
    openProgramme,
    today,
    future: (days: number) => addDays(today, days),
    person,
    draft,
    act,
    step,
    shiftDates,
    setDates,
    mails,
    lastToken,
    signAll,
    guardCodes,
  };
}
