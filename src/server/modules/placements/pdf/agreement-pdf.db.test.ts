import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import type { Role } from '../../../../common/access/permissions';
import type { AgreementDocument, BlockId, Pair } from '../../../../common/placements/agreement-document';
import type { Actor } from '../../../platform/actor';
import { withContext } from '../../../platform/db/context';
import { referralFixtures } from '../../people/referrals/fixtures.testing';
import { agreementDocumentFor, exportAgreementPdf } from './agreement-pdf';
import { pageCount, pdfRuns } from './fixtures.testing';

const available = await engineAvailable();

type Member = { userId: string; orgId: string };

/**
 * The agreement PDF through the API and the document model the route builds, on both engines: a Kortrijk
 * person (Dutch) placed at the Roubaix host site gets a Dutch–French document; the home centre prints the
 * name from its record, the host only what its grant shows; any other organisation gets a 404.
 */
describe.skipIf(!available)('agreement PDF', () => {
  let t: TestApp;
  let f: ReturnType<typeof referralFixtures>;
  let kortrijk: Member;
  let atelier: Member;
  let mouscron: Member;
  let homeRef: Client;
  let tutor: Client;
  let mouscronRef: Client;
  let bilingualId: string;
  let codeOnlyId: string;
  let fromOfferId: string;

  /** Inserts an agreement straight in the tables, as the home centre: consent, grant, agreement, signatures. */
  const insertAgreement = async (
    home: Member,
    p: {
      firstName: string;
      lastName: string;
      language: 'fr' | 'nl';
      fields: string[];
      offer?: { id: string; tasks: string; schedule: string };
    },
  ) => {
    const personId = await f.createPerson(home, { firstName: p.firstName, lastName: p.lastName });
    const consentId = await f.createConsent(home, personId, {
      purpose: 'placement',
      categories: p.fields,
      recipients: [atelier.orgId],
    });
    const id = randomUUID();
    await f.asOrg(home, async (trx) => {
      await trx
        .insertInto('person_grants')
        .values({
          org_id: home.orgId,
          person_id: personId,
          recipient_org_id: atelier.orgId,
          purpose: 'placement',
          fields: p.fields,
          source: 'placement',
          source_id: id,
          consent_id: consentId,
          created_by: home.userId,
        })
        .execute();
      await trx
        .insertInto('placements')
        .values({
          id,
          org_id: home.orgId,
          person_id: personId,
          host_org_id: atelier.orgId,
          status: 'awaiting_signatures',
          site_name: 'Atelier vélos du canal',
          municipality_code: 'FR-59512',
          offer_id: p.offer?.id ?? null,
          tasks: p.offer?.tasks ?? 'Réparation de vélos et accueil des clients',
          schedule: p.offer?.schedule ?? 'Lundi–jeudi 8 h 30–16 h',
          hours_per_week: 28,
          starts_on: '2027-01-04',
          ends_on: '2027-03-28',
          referent_user_id: home.userId,
          tutor_user_id: atelier.userId,
          language: p.language,
          accident_insurance_ref: 'ETHIAS-AT-2027-001',
          shared_fields: p.fields,
          consent_id: consentId,
          created_by: home.userId,
        })
        .execute();
      await trx
        .insertInto('placement_signatures')
        .values([
          {
            org_id: home.orgId,
            host_org_id: atelier.orgId,
            placement_id: id,
            version: 1,
            role: 'person',
            signer_name: `${p.firstName} ${p.lastName}`,
            requested_by: home.userId,
            method: 'in_person',
            signed_at: new Date('2026-11-20T10:00:00Z'),
            recorded_by: home.userId,
          },
          {
            org_id: home.orgId,
            host_org_id: atelier.orgId,
            placement_id: id,
            version: 1,
            role: 'home_referent',
            signer_name: 'Referent Ondertekenaar',
            requested_by: home.userId,
          },
        ])
        .execute();
    });
    return id;
  };

  const actor = (m: Member, roles: Role[], orgCountry: 'FR' | 'BE'): Actor => ({
    userId: m.userId,
    sessionId: randomUUID(),
    email: 'test@samen.example',
    displayName: 'Test',
    orgId: m.orgId,
    orgCountry,
    roles,
    platformAdmin: false,
    language: 'en',
    csrfToken: '',
    mfaSetupRequired: false,
    requestId: randomUUID(),
  });
  const modelFor = (m: Member, roles: Role[], country: 'FR' | 'BE', id: string) =>
    withContext(t.db.engine.db, { userId: m.userId, orgId: m.orgId }, async (trx) =>
      agreementDocumentFor(trx, actor(m, roles, country), id, new Date('2026-11-23T10:15:00Z')),
    );
  const value = (doc: AgreementDocument, block: BlockId, field: string): Pair | string | undefined => {
    const item = doc.blocks
      .find((b) => b.id === block)
      ?.items.find((i) => i.kind === 'field' && i.id === field);
    return item?.kind === 'field' ? item.value : undefined;
  };
  const everything = (doc: AgreementDocument) => JSON.stringify(doc.blocks);

  beforeAll(async () => {
    t = await createTestApp();
    f = referralFixtures(t);
    kortrijk = await f.member('trajectbegeleider@ocmw-kortrijk.example');
    mouscron = await f.member('referent@cpas-mouscron.example');
    atelier = await f.member('tuteur@atelier-roubaix.example');
    homeRef = await t.login('trajectbegeleider@ocmw-kortrijk.example');
    tutor = await t.login('tuteur@atelier-roubaix.example');
    mouscronRef = await t.login('referent@cpas-mouscron.example');
    bilingualId = await insertAgreement(kortrijk, {
      firstName: 'Lotte',
      lastName: 'Verzonnen',
      language: 'nl',
      fields: ['identity', 'languages'],
    });
    // Made from an offer the host wrote in both languages; the schedule stayed as the host gave it, in French.
    const offerId = randomUUID();
    await f.asOrg(atelier, (trx) =>
      trx
        .insertInto('placement_offers')
        .values({
          id: offerId,
          org_id: atelier.orgId,
          site_name: 'Atelier vélos du canal',
          municipality_code: 'FR-59512',
          sector: 'recycling',
          title_fr: 'Réparation de vélos',
          tasks_fr: 'Réparer des vélos et accueillir les clients',
          tasks_nl: 'Fietsen herstellen en klanten onthalen',
          positions: 1,
          starts_on: '2027-01-04',
          ends_on: '2027-03-28',
          schedule: 'Lundi–vendredi 9 h–15 h',
        })
        .execute(),
    );
    fromOfferId = await insertAgreement(kortrijk, {
      firstName: 'Łucja',
      lastName: 'Wiśniewska',
      language: 'nl',
      fields: ['identity', 'languages'],
      offer: {
        id: offerId,
        tasks: 'Fietsen herstellen en klanten onthalen',
        schedule: 'Lundi–vendredi 9 h–15 h',
      },
    });
    codeOnlyId = await insertAgreement(mouscron, {
      firstName: 'Lucie',
      lastName: 'Fictivelle',
      language: 'fr',
      fields: ['languages'],
    });
  });
  afterAll(async () => t?.close());

  const exports = async (id: string) =>
    Number(
      (
        await sql<{ n: number }>`select count(*)::int as n from audit.log
          where action = 'export' and entity = 'placements' and entity_id = ${id}`.execute(f.db)
      ).rows[0]?.n ?? 0,
    );

  it('gives the home centre a Dutch–French PDF as an attachment, and audits the download', async () => {
    const before = await exports(bilingualId);
    const r = await homeRef.download(`/api/placements/${bilingualId}/agreement.pdf`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const reference = bilingualId.replace(/-/g, '').slice(0, 8).toUpperCase();
    expect(r.headers['content-disposition']).toContain(
      `attachment; filename="overeenkomst-${reference}.pdf"`,
    );
    expect(r.headers['cache-control']).toContain('no-store');
    expect(r.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(r.rawPayload)).toBeGreaterThanOrEqual(3);
    expect(await exports(bilingualId)).toBe(before + 1);
    const entry = await sql<{ chain: string; detail: { format: string; side: string } }>`select chain, detail
      from audit.log where action = 'export' and entity_id = ${bilingualId} order by seq desc limit 1`.execute(
      f.db,
    );
    expect(entry.rows[0]?.chain).toBe(kortrijk.orgId);
    expect(entry.rows[0]?.detail).toMatchObject({ format: 'pdf', side: 'home' });
  });

  it('builds the home centre’s document from its own record', async () => {
    const { document: doc } = await modelFor(kortrijk, ['referent'], 'BE', bilingualId);
    expect(doc.languages).toEqual({ primary: 'nl', host: 'fr' });
    expect(value(doc, 'person', 'person_name')).toBe('Lotte Verzonnen');
    expect(value(doc, 'person', 'participant_code')).toMatch(/^TEST-/);
    expect(value(doc, 'terms', 'referent')).toBe('Jef Begeleider');
    // Both parties read the other side's referent and tutor names through app.placement_parties.
    expect(value(doc, 'terms', 'tutor')).toBe('Noa Tuteur');
    expect(value(doc, 'parties', 'name')).toMatchObject({ primary: expect.stringContaining('Kortrijk') });
    expect(value(doc, 'insurance', 'accident_insurance')).toBe('ETHIAS-AT-2027-001');
    expect(value(doc, 'insurance', 'liability_insurance')).toMatchObject({
      host: 'À enregistrer avant le début de la mise en situation',
    });
    expect(everything(doc)).toContain('leefloon');
    expect(everything(doc)).toContain('de identiteit en de talen en het niveau ervan');
    const signatures = doc.blocks.find((b) => b.id === 'signatures')?.items ?? [];
    expect(signatures.map((s) => (s.kind === 'signature' ? s.state : null))).toEqual([
      'signed',
      'pending',
      'not_requested',
    ]);
  });

  it('gives the host the PDF, with the person as its grant shows them (an audited read)', async () => {
    const reads = await f.auditCount(kortrijk.orgId, 'read', (await personOf(bilingualId)) ?? '');
    const r = await tutor.download(`/api/placements/${bilingualId}/agreement.pdf`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await f.auditCount(kortrijk.orgId, 'read', (await personOf(bilingualId)) ?? '')).toBe(reads + 1);
    const { document: doc } = await modelFor(atelier, ['tutor'], 'FR', bilingualId);
    expect(value(doc, 'person', 'person_name')).toBe('Lotte Verzonnen');
    expect(value(doc, 'terms', 'tutor')).toBe('Noa Tuteur');
    // The referent's name comes from the agreement's parties, not from a signature line.
    expect(value(doc, 'terms', 'referent')).toBe('Jef Begeleider');
  });

  it('prints the participant code, never the name, when the host was not granted the identity', async () => {
    const home = await modelFor(mouscron, ['referent'], 'BE', codeOnlyId);
    expect(home.document.languages).toEqual({ primary: 'fr', host: null });
    expect(home.document.filename).toMatch(/^convention-[0-9A-F]{8}\.pdf$/);
    expect(value(home.document, 'person', 'person_name')).toBe('Lucie Fictivelle');
    const host = await modelFor(atelier, ['tutor'], 'FR', codeOnlyId);
    expect(value(host.document, 'person', 'person_name')).toEqual({
      primary: 'Non communiqué à l’organisation d’accueil',
      host: null,
    });
    expect(value(host.document, 'person', 'participant_code')).toMatch(/^TEST-/);
    expect(value(host.document, 'person', 'birth_date')).toBeUndefined();
    expect(everything(host.document)).not.toContain('Fictivelle');
    // Issue 9, item 8: nor the benefit or the contract it was not granted; the home centre's copy has them.
    expect(everything(host.document)).not.toMatch(/PIIS|revenu d’intégration|7 jours consécutifs/);
    expect(everything(home.document)).toMatch(/PIIS/);
    const r = await tutor.download(`/api/placements/${codeOnlyId}/agreement.pdf`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toMatch(/^attachment; filename="convention-[0-9A-F]{8}\.pdf"/);
  });

  it('prints each column in its own language, marks what the host wrote in French only, and every name', async () => {
    const { document: doc } = await modelFor(kortrijk, ['referent'], 'BE', fromOfferId);
    expect(value(doc, 'terms', 'tasks')).toEqual({
      primary: 'Fietsen herstellen en klanten onthalen',
      host: 'Réparer des vélos et accueillir les clients',
    });
    expect(value(doc, 'schedule', 'schedule')).toEqual({
      primary: '[Tekst alleen in het Frans beschikbaar]',
      host: 'Lundi–vendredi 9 h–15 h',
    });
    const { pdf } = await withContext(
      t.db.engine.db,
      { userId: kortrijk.userId, orgId: kortrijk.orgId },
      (trx) =>
        exportAgreementPdf(trx, actor(kortrijk, ['referent'], 'BE'), fromOfferId, {
          now: new Date('2026-11-23T10:15:00Z'),
          compress: false,
        }),
    );
    const runs = pdfRuns(pdf);
    const left = runs.filter((r) => r.x === 56).map((r) => r.text);
    expect(left).toContain('Łucja Wiśniewska');
    expect(left.join('\n')).toContain('Fietsen herstellen');
    expect(left.join('\n')).not.toMatch(/Réparer des vélos|Lundi/);
    expect(
      runs
        .filter((r) => r.x > 56)
        .map((r) => r.text)
        .join('\n'),
    ).toContain('Réparer des vélos');
  });

  it('answers 404 to another organisation and an unknown id, 400 to a malformed id, 401 without a session', async () => {
    const before = await exports(bilingualId);
    const other = await mouscronRef.download(`/api/placements/${bilingualId}/agreement.pdf`);
    expect(other.statusCode).toBe(404);
    expect(other.headers['content-type']).toMatch(/json/);
    expect(await exports(bilingualId)).toBe(before);
    expect((await homeRef.download(`/api/placements/${randomUUID()}/agreement.pdf`)).statusCode).toBe(404);
    for (const bad of ['not-a-uuid', "1'%20or%20'1'='1", '00000000-0000-0000-0000-00000000000g'])
      expect((await homeRef.download(`/api/placements/${bad}/agreement.pdf`)).statusCode).toBe(400);
    expect((await t.anonymous.download(`/api/placements/${bilingualId}/agreement.pdf`)).statusCode).toBe(401);
  });

  it('does not let a tutor of the host print another tutor’s agreement', async () => {
    await f.asOrg(mouscron, (trx) =>
      trx.updateTable('placements').set({ tutor_user_id: null }).where('id', '=', codeOnlyId).execute(),
    );
    expect((await tutor.download(`/api/placements/${codeOnlyId}/agreement.pdf`)).statusCode).toBe(404);
    const director = await t.login('direction@atelier-roubaix.example');
    expect((await director.download(`/api/placements/${codeOnlyId}/agreement.pdf`)).statusCode).toBe(200);
  });

  const personOf = async (id: string) =>
    (await sql<{ person_id: string }>`select person_id from placements where id = ${id}`.execute(f.db))
      .rows[0]?.person_id;
});
