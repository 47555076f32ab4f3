import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import { countReached } from '../../../../common/accompaniment/outreach-rules';
import type { Contact, ContactInput, ContactList } from '../../../../common/accompaniment/outreach-schemas';
import { withContext } from '../../../platform/db/context';
import { referralFixtures } from '../../people/referrals/fixtures.testing';
import { outreachIndicatorRules } from './indicators';

const available = await engineAvailable();

/**
 * Outreach contacts on both engines (issue 14): a pseudonymous log kept by its organisation alone, a
 * pseudonym that is never an e-mail or a number, linking to a person of the same organisation only with a
 * consent in force (audited, several contacts to one person), and the counting rule — SQL and pure
 * function on the same cases.
 */
describe.skipIf(!available)('outreach contacts', () => {
  let t: TestApp;
  let ambassador: Client;
  let mediator: Client;
  const ids: Record<string, string> = {};
  const contact = (more: Partial<ContactInput> = {}): ContactInput => ({
    contactOn: '2026-11-02',
    place: 'Station Kortrijk',
    municipalityCode: 'BE-34022',
    country: 'BE',
    pseudonym: 'Rustige',
    ageBand: '26_35',
    language: 'prs',
    needs: ['shelter', 'language'],
    referral: 'Wereldhuis onthaal',
    note: null,
    ...more,
  });
  const url = '/api/accompaniment/outreach/contacts';

  beforeAll(async () => {
    t = await createTestApp();
    ambassador = await t.login('ambassadeur@wereldhuis.example');
    mediator = await t.login('mediation@cresam.example');
  });
  afterAll(async () => t?.close());

  it('records a pseudonymous contact and refuses a pseudonym that is an e-mail or a number', async () => {
    const made = await ambassador.post(url, contact());
    expect(made.statusCode, made.body).toBe(201);
    ids.first = made.json().id;
    const mail = await ambassador.post(url, contact({ pseudonym: 'ahmad@exemple.example' }));
    expect(mail.statusCode).toBe(400);
    expect(JSON.stringify(mail.json())).toContain('accompaniment.outreach.errors.pseudonym_looks_like_email');
    const phone = await ambassador.post(url, contact({ pseudonym: 'Ahmad 0470 12' }));
    expect(JSON.stringify(phone.json())).toContain('pseudonym_looks_like_number');
    const future = await ambassador.post(url, contact({ contactOn: '2999-01-01' }));
    expect(JSON.stringify(future.json())).toContain('in_the_future');
    const elsewhere = await ambassador.post(url, contact({ country: 'FR' }));
    expect(JSON.stringify(elsewhere.json())).toContain('other_country');
    const list = (await ambassador.get(url)).json() as ContactList;
    expect(list.items.find((c) => c.id === ids.first)).toMatchObject({ pseudonym: 'Rustige', person: null });
  });

  it('keeps contacts to their organisation, in the API and in the database', async () => {
    expect((await mediator.get(`${url}/${ids.first}`)).statusCode).toBe(404);
    expect(((await mediator.get(url)).json() as ContactList).items.map((c) => c.id)).not.toContain(ids.first);
    expect((await mediator.put(`${url}/${ids.first}`, contact({ place: 'Pris' }))).statusCode).toBe(404);
    const worker = await t.login('accompagnement@lavieactive.example');
    expect((await worker.post(`${url}/${ids.first}/link`, { personId: ids.first })).statusCode).toBe(404);
    const fx = referralFixtures(t);
    const cresam = await fx.member('mediation@cresam.example');
    const wereldhuis = await fx.member('ambassadeur@wereldhuis.example');
    const seen = await fx.asOrg(cresam, (trx) =>
      trx.selectFrom('outreach_contacts').select('id').where('org_id', '=', wereldhuis.orgId).execute(),
    );
    expect(seen).toEqual([]);
    const changed = await fx.asOrg(cresam, (trx) =>
      trx.updateTable('outreach_contacts').set({ note: 'x' }).where('id', '=', ids.first!).executeTakeFirst(),
    );
    expect(Number(changed.numUpdatedRows)).toBe(0);
    const deleted = await fx.asOrg(cresam, (trx) =>
      trx.deleteFrom('outreach_contacts').where('id', '=', ids.first!).executeTakeFirst(),
    );
    expect(Number(deleted.numDeletedRows)).toBe(0);
    await expect(
      fx.asOrg(cresam, (trx) =>
        trx
          .insertInto('outreach_contacts')
          .values({ org_id: wereldhuis.orgId, contact_on: '2026-11-01', place: 'Forged', country: 'BE' })
          .execute(),
      ),
    ).rejects.toThrow();
  });

  it('links contacts to a consenting person of the same organisation only, audited', async () => {
    const fx = referralFixtures(t);
    const home = await fx.member('begeleider@wereldhuis.example');
    const other = await fx.member('mediation@cresam.example');
    const withoutConsent = await fx.createPerson(home, { firstName: 'Nour', lastName: 'Sans-Accord' });
    const consenting = await fx.createPerson(home, { firstName: 'Samir', lastName: 'Exemple-Test' });
    const elsewhere = await fx.createPerson(other, { firstName: 'Autre', lastName: 'Centre' });
    await fx.asOrg(home, (trx) =>
      trx
        .insertInto('consents')
        .values({
          org_id: home.orgId,
          person_id: consenting,
          purpose: 'accompaniment',
          data_categories: ['identity'],
          given_by: 'person',
          given_on: '2026-01-01',
          recorded_by: home.userId,
        })
        .execute(),
    );
    const link = (id: string, personId: string) => ambassador.post(`${url}/${id}/link`, { personId });
    const none = await link(ids.first!, withoutConsent);
    expect(none.statusCode).toBe(409);
    expect(none.json().error.code).toBe('accompaniment.outreach.errors.no_consent');
    expect((await link(ids.first!, elsewhere)).statusCode).toBe(404);
    const ok = await link(ids.first!, consenting);
    expect(ok.statusCode, ok.body).toBe(200);
    const second = await ambassador.post(url, contact({ pseudonym: null, contactOn: '2026-11-05' }));
    ids.second = second.json().id;
    expect((await link(ids.second!, consenting)).statusCode).toBe(200);
    // Linked stays linked.
    expect((await link(ids.first!, withoutConsent)).statusCode).toBe(409);
    const seen = (await ambassador.get(`${url}/${ids.first}`)).json() as Contact;
    expect(seen.person).toMatchObject({ id: consenting, name: 'Samir Exemple-Test' });
    // The database refuses a link without consent too.
    await expect(
      fx.asOrg(home, (trx) =>
        trx
          .updateTable('outreach_contacts')
          .set({ person_id: withoutConsent, consent_id: ids.first!, linked_at: new Date() })
          .where('id', '=', ids.second!)
          .execute(),
      ),
    ).rejects.toThrow();
    const audits = await sql<{ n: number }>`select count(*)::int as n from audit.log
      where entity = 'outreach_contacts' and entity_id = ${ids.first} and action = 'read'`.execute(
      t.db.engine.db,
    );
    expect(audits.rows[0]!.n).toBeGreaterThanOrEqual(1);
  });

  it('counts persons reached without double counting, the SQL as the pure function', async () => {
    const fx = referralFixtures(t);
    const home = await fx.member('begeleider@wereldhuis.example');
    const cresam = await fx.member('mediation@cresam.example');
    const db = t.db.engine.db;
    const programme = (
      await sql<{ id: string }>`select p.id from programmes p where p.acronym = 'AB Réfugiés'`.execute(db)
    ).rows[0]!.id;
    // Cases in a period of their own: a person linked twice, a pseudonym twice (case apart), the same
    // pseudonym in another organisation, two anonymous contacts.
    const person = await fx.createPerson(home, { firstName: 'Compte', lastName: 'Unique' });
    const consent = await fx.asOrg(home, (trx) =>
      trx
        .insertInto('consents')
        .values({
          org_id: home.orgId,
          person_id: person,
          purpose: 'accompaniment',
          data_categories: ['identity'],
          given_by: 'person',
          given_on: '2019-01-01',
          recorded_by: home.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
    const row = (orgId: string, day: string, pseudonym: string | null) => ({
      org_id: orgId,
      contact_on: day,
      place: 'Test',
      country: 'BE',
      pseudonym,
    });
    await fx.asOrg(home, (trx) =>
      trx
        .insertInto('outreach_contacts')
        .values([
          {
            ...row(home.orgId, '2019-05-02', 'Zon'),
            person_id: person,
            consent_id: consent.id,
            linked_at: new Date(),
          },
          {
            ...row(home.orgId, '2019-05-03', null),
            person_id: person,
            consent_id: consent.id,
            linked_at: new Date(),
          },
          row(home.orgId, '2019-05-04', 'Maan'),
          row(home.orgId, '2019-05-05', ' maan '),
          row(home.orgId, '2019-05-06', null),
          row(home.orgId, '2019-05-07', null),
        ])
        .execute(),
    );
    await fx.asOrg(cresam, (trx) =>
      trx
        .insertInto('outreach_contacts')
        .values([row(cresam.orgId, '2019-05-08', 'Maan')])
        .execute(),
    );
    const cases = await sql<{
      id: string;
      org_id: string;
      pseudonym: string | null;
      participant_code: string | null;
    }>`
      select c.id, c.org_id, c.pseudonym, p.participant_code from outreach_contacts c
      left join persons p on p.id = c.person_id where c.contact_on between '2019-05-01' and '2019-05-31'`.execute(
      db,
    );
    const pure = countReached(
      cases.rows.map((c) => ({
        id: c.id,
        orgId: c.org_id,
        pseudonym: c.pseudonym,
        participantCode: c.participant_code,
      })),
    );
    expect(pure).toEqual({ total: 5, byOrg: { [home.orgId]: 4, [cresam.orgId]: 1 } });
    const admin = (await sql<{ id: string }>`select id from users where platform_admin limit 1`.execute(db))
      .rows[0]!;
    const [rule] = outreachIndicatorRules;
    const scope = { programmeId: programme, from: '2019-05-01', to: '2019-05-31', params: {} };
    const counted = await withContext(t.deps.db, { userId: admin.id, platformAdmin: true }, (trx) =>
      rule!.count(trx, scope),
    );
    expect(counted.total).toBe(pure.total);
    expect(counted.byPartner).toContainEqual({ orgId: home.orgId, n: 4 });
    expect(counted.byPartner).toContainEqual({ orgId: cresam.orgId, n: 1 });
    const records = await withContext(t.deps.db, { userId: admin.id, platformAdmin: true }, (trx) =>
      rule!.records(trx, scope),
    );
    expect(records).toHaveLength(5);
    expect(records.filter((r) => r.personId === person)).toHaveLength(1);
    // A partner sees its own rows only; the rows are not readable as a whole.
    const asPartner = await fx.asOrg(cresam, (trx) => rule!.count(trx, scope));
    expect(asPartner.total).toBe(1);
    await expect(
      fx.asOrg(cresam, (trx) =>
        sql`select * from app.ind_outreach_contacts_all(${programme}::uuid, '2019-05-01', '2019-05-31')`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow();
  });
});
