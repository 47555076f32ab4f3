import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import type { AgreementDocument, Pair } from '../../../../common/placements/agreement-document';
import type { PlacementView } from '../../../../common/placements/agreement-schemas';
import type { OfferDetail } from '../../../../common/placements/offer-schemas';
import { documentForSide } from '../pdf/agreement-pdf';
import { findPlacement } from './access';
import { agreementFixtures, HOME_REFERENT, HOST_COORDINATOR, PARKS, THIRD } from './fixtures.testing';

const available = await engineAvailable();

const WEEK = [1, 2, 3, 4].map((day) => ({ day, from: '08:30', to: '15:30', breakMinutes: 30 }));
const CONTACT = {
  emergencyContactName: 'Nora Fictivaert',
  emergencyContactPhone: '0470 12 34 56',
  emergencyContactRelation: 'sœur',
};

/**
 * What a convention carries (issue 9, item 9): the offer's timetable, job code and protective equipment
 * become the agreement's; the aim and the emergency contact are the home centre's; both are in the view
 * and in each party's copy of the document, the emergency contact on the host's only while the agreement
 * runs (ADR 0013, amendment); the signing invitation names the host's signatory.
 */
describe.skipIf(!available)('placement agreements: convention terms', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof agreementFixtures>>;
  let referent: Client;
  let hostC: Client;

  beforeAll(async () => {
    t = await createTestApp();
    f = await agreementFixtures(t);
    referent = await t.login(HOME_REFERENT);
    hostC = await t.login(HOST_COORDINATOR);
    const offer = (await hostC.get(`/api/offers/${f.offers[PARKS]}`)).json() as OfferDetail;
    const r = await hostC.patch(`/api/offers/${f.offers[PARKS]}`, {
      timetable: WEEK,
      hoursPerWeek: 26,
      jobCodeKind: 'rome',
      jobCode: 'a1203',
      protectiveEquipment: 'Chaussures de sécurité, gants',
      expectedUpdatedAt: offer.updatedAt,
    });
    expect(r.statusCode, r.body).toBe(200);
  });
  afterAll(async () => t?.close());

  const documentOf = (id: string, side: 'home' | 'host') =>
    f.asOrg(side === 'home' ? f.home : f.host, async (trx) => {
      const row = await findPlacement(trx, id);
      if (!row) throw new Error('agreement not readable');
      return documentForSide(trx, row, side, new Date());
    });
  const words = (d: AgreementDocument) =>
    d.blocks
      .flatMap((b) => b.items)
      .flatMap((i) => (i.kind === 'field' ? [i.label, i.value] : i.kind === 'signature' ? [] : [i.text]))
      .map((p: Pair | string) => (typeof p === 'string' ? p : `${p.primary} ${p.host ?? ''}`))
      .join('\n');

  it('keeps the offer’s timetable, job code and equipment, normalised', async () => {
    const offer = (await hostC.get(`/api/offers/${f.offers[PARKS]}`)).json() as OfferDetail;
    expect(offer).toMatchObject({
      timetable: WEEK,
      jobCodeKind: 'rome',
      jobCode: 'A1203',
      protectiveEquipment: 'Chaussures de sécurité, gants',
    });
  });

  it('refuses an offer whose code does not fit its list or whose timetable does not add up, in words', async () => {
    const bad = await hostC.patch(`/api/offers/${f.offers[PARKS]}`, {
      jobCodeKind: 'isco',
      timetable: [{ day: 1, from: '12:00', to: '09:00' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((e: { path: string; code: string }) => `${e.path}:${e.code}`)).toEqual(
      expect.arrayContaining([
        'jobCode:placements.convention.errors.job_code_isco',
        'timetable.0.to:placements.convention.errors.end_before_start',
      ]),
    );
  });

  it('copies them to an agreement, with its aim and emergency contact, and shows them to both sides', async () => {
    const d = await f.draft(referent, await f.person('Ines'), { aim: 'confirm_project', ...CONTACT });
    expect(d).toMatchObject({
      timetable: WEEK,
      hoursPerWeek: 26,
      aim: 'confirm_project',
      jobCodeKind: 'rome',
      jobCode: 'A1203',
      protectiveEquipment: 'Chaussures de sécurité, gants',
      emergencyContact: { name: 'Nora Fictivaert', phone: '+32470123456', relation: 'sœur' },
    });
    const seen = (await hostC.get(`/api/placements/${d.id}`)).json() as PlacementView;
    expect(seen.emergencyContact?.phone).toBe('+32470123456');
    expect(seen.timetable).toEqual(WEEK);
    // Any other organisation reads none of it (RLS on placements: 404).
    const other = await t.login(THIRD);
    expect((await other.get(`/api/placements/${d.id}`)).statusCode).toBe(404);
  });

  it('refuses a bad job code, a lone emergency name and a timetable over the weekly hours, in words', async () => {
    const r = await referent.post('/api/placements', {
      personId: await f.person('Jana'),
      offerId: f.offers[PARKS],
      sharedFields: ['identity', 'languages'],
      jobCodeKind: 'isco',
      jobCode: 'K1201',
      emergencyContactName: 'Nora Fictivaert',
      timetable: WEEK,
      hoursPerWeek: 38,
    });
    expect(r.statusCode).toBe(400);
    expect(
      r
        .json()
        .error.fields.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['emergencyContactPhone', 'hoursPerWeek', 'jobCode']);
    const jobCode = r.json().error.fields.find((e: { path: string }) => e.path === 'jobCode');
    expect(jobCode.message).toContain('ISCO-08');
  });

  it('prints them in each party’s copy; the host’s loses the emergency contact once the agreement ends', async () => {
    const d = await f.draft(referent, await f.person('Lore'), { aim: 'start_hiring', ...CONTACT });
    for (const side of ['home', 'host'] as const) {
      const text = words(await documentOf(d.id, side));
      expect(text).toContain('A1203');
      expect(text).toContain('Chaussures de sécurité, gants');
      expect(text).toContain('Nora Fictivaert (sœur), +32470123456');
      expect(text).toMatch(/recrutement|aanwerving/);
      // The host as a convention names it: street address and company number (fictional demo values).
      expect(text).toContain('Rue de l’Industrie 12');
      expect(text).toContain('SIRET 99905912000017');
    }
    await f.step(referent, d.id, 'cancel', 'Plus de place');
    expect(words(await documentOf(d.id, 'host'))).not.toContain('Nora');
    expect(words(await documentOf(d.id, 'home'))).toContain('Nora Fictivaert');
    const seen = (await hostC.get(`/api/placements/${d.id}`)).json() as PlacementView;
    expect(seen.emergencyContact).toBeNull();
  });

  it('a new timetable once signing began needs new signatures; a new emergency contact does not', async () => {
    const d = await f.draft(referent, await f.person('Mona'), CONTACT);
    await f.step(referent, d.id, 'send_for_signature');
    const v = (await referent.get(`/api/placements/${d.id}`)).json() as PlacementView;
    const contact = await referent.patch(`/api/placements/${d.id}`, {
      emergencyContactPhone: '+33612345678',
    });
    expect(contact.statusCode, contact.body).toBe(200);
    expect(contact.json().version).toBe(v.version);
    const r = await referent.patch(`/api/placements/${d.id}`, { timetable: WEEK.slice(0, 3) });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      version: v.version + 1,
      hoursPerWeek: 19.5,
      timetable: WEEK.slice(0, 3),
    });
  });

  it('names who signs for the host in the signing invitation', async () => {
    const d = await f.draft(referent, await f.person('Nele'));
    await f.step(referent, d.id, 'send_for_signature');
    const host = await hostC.post(`/api/placements/${d.id}/signatures`, {
      role: 'host_representative',
      method: 'link',
      signerName: 'Ariane Direction',
      email: 'signature@atelier-roubaix.example',
    });
    expect(host.statusCode, host.body).toBe(201);
    const r = await referent.post(`/api/placements/${d.id}/signatures`, {
      role: 'person',
      method: 'link',
      signerName: 'Nele Fictivaert',
      email: 'nele@personnes.example',
    });
    expect(r.statusCode, r.body).toBe(201);
    const mail = (await f.mails('placements.agreements.signature_request')).find(
      (m) => m.to_address === 'nele@personnes.example',
    );
    expect(mail?.body_text).toMatch(/(représentée par|door|by) Ariane Direction/);
    // Before the host names its signatory, the invitation says nothing of one.
    const early = await f.draft(referent, await f.person('Olga'));
    await f.step(referent, early.id, 'send_for_signature');
    await referent.post(`/api/placements/${early.id}/signatures`, {
      role: 'person',
      method: 'link',
      signerName: 'Olga Fictivaert',
      email: 'olga@personnes.example',
    });
    const plain = (await f.mails('placements.agreements.signature_request')).find(
      (m) => m.to_address === 'olga@personnes.example',
    );
    expect(plain?.body_text).toContain('organisation d’accueil : Atelier Solidaire du Canal (fictif)).');
    expect(plain?.body_text).not.toMatch(/représentée par|door |signed for/);
  });
});
