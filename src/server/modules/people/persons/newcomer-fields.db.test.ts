import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import { personInterpreterNeed } from '../index';
import { referralFixtures } from '../referrals/fixtures.testing';

const available = await engineAvailable();

type Member = { userId: string; orgId: string };

/**
 * The person record for newcomers (issue 14, migration 0053): a single name, an approximate birth date
 * with a stable participant code and an honest duplicate check, spoken languages in ISO 639-3 with
 * literacy, nationality, the interpreter need, and what of these a recipient organisation sees.
 */
describe.skipIf(!available)('newcomer fields of a person', () => {
  let t: TestApp;
  let f: ReturnType<typeof referralFixtures>;
  let mouscron: Member;
  let roubaix: Member;
  let kortrijk: Member;
  let home: Client;
  const owner = () => t.db.engine.db;
  const fieldPaths = (r: { json(): unknown }) =>
    ((r.json() as { error: { fields: Array<{ path: string; code: string }> } }).error.fields ?? []).map(
      (x) => `${x.path}:${x.code}`,
    );

  beforeAll(async () => {
    t = await createTestApp();
    f = referralFixtures(t);
    mouscron = await f.member('referent@cpas-mouscron.example');
    roubaix = await f.member('referent@ccas-roubaix.example');
    kortrijk = await f.member('trajectbegeleider@ocmw-kortrijk.example');
    home = await t.login('referent@cpas-mouscron.example');
  });
  afterAll(async () => t?.close());

  const newcomer = {
    firstName: 'Awet',
    birthDate: '2004-06-15',
    birthDatePrecision: 'year',
    nationality: 'ER',
    spokenLanguages: [
      { code: 'tir', literacy: 'reads_writes', main: true },
      { code: 'arb', dialect: '  Sudanese  ', literacy: 'reads', main: false },
    ],
    languages: { fr: 'A1' },
    interpreterNeed: { language: 'tir', modality: 'phone', genderPreference: 'male' },
  };

  let awet: { id: string; participantCode: string };
  it('records a single name, a year-only birth date, languages, nationality and interpreter need', async () => {
    const r = await home.post('/api/people', newcomer);
    expect(r.statusCode, r.body).toBe(201);
    const p = r.json().person;
    expect(p).toMatchObject({
      firstName: 'Awet',
      lastName: '',
      birthDate: '2004-01-01',
      birthDatePrecision: 'year',
      nationality: 'ER',
      languages: { fr: 'A1' },
      spokenLanguages: [
        { code: 'tir', literacy: 'reads_writes', main: true },
        { code: 'arb', dialect: 'Sudanese', literacy: 'reads' },
      ],
      interpreterNeed: { language: 'tir', modality: 'phone', genderPreference: 'male' },
    });
    expect(p.spokenLanguages[1]).not.toHaveProperty('main');
    awet = p;
    const read = (await home.get(`/api/people/${p.id}`)).json();
    expect(read).toMatchObject({ birthDatePrecision: 'year', nationality: 'ER', lastName: '' });
  });

  it('refuses a record without any name, unknown codes and contradictory languages', async () => {
    const noName = await home.post('/api/people', { birthDate: '1990-01-01' });
    expect(noName.statusCode).toBe(400);
    expect(fieldPaths(noName)).toEqual(['firstName:people.persons.errors.name_required']);
    const blank = await home.post('/api/people', { firstName: '   ', birthDate: '1990-01-01' });
    expect(blank.statusCode).toBe(400);
    const bad = await home.post('/api/people', {
      lastName: 'Fictive',
      birthDate: '1990-01-01',
      nationality: 'XX',
      spokenLanguages: [{ code: 'xyz', literacy: 'reads' }],
      interpreterNeed: { language: 'tir', modality: 'carrier_pigeon', genderPreference: 'none' },
    });
    expect(bad.statusCode).toBe(400);
    const paths = fieldPaths(bad).map((x) => x.split(':')[0]);
    expect(paths).toEqual(
      expect.arrayContaining(['nationality', 'spokenLanguages.0.code', 'interpreterNeed.modality']),
    );
    const tooMany = await home.post('/api/people', {
      lastName: 'Fictive',
      birthDate: '1990-01-01',
      spokenLanguages: Array.from({ length: 11 }, () => ({ code: 'fra', literacy: 'none' })),
    });
    expect(tooMany.statusCode).toBe(400);
    const twice = await home.post('/api/people', {
      lastName: 'Fictive',
      birthDate: '1990-01-01',
      spokenLanguages: [
        { code: 'prs', literacy: 'none', main: true },
        { code: 'pus', literacy: 'none', main: true },
        { code: 'prs', literacy: 'reads' },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(fieldPaths(twice)).toEqual([
      'spokenLanguages.1.main:people.persons.errors.spoken_language_main',
      'spokenLanguages.2.code:people.persons.errors.spoken_language_twice',
    ]);
    expect(
      Number(
        (
          await sql<{
            n: number;
          }>`select count(*)::int as n from persons where last_name = 'Fictive'`.execute(owner())
        ).rows[0]?.n,
      ),
    ).toBe(0);
  });

  let yonas: { id: string; participantCode: string };
  it('keeps the participant code when an estimated date is corrected within its year', async () => {
    const r = await home.post('/api/people', {
      firstName: 'Yonas',
      lastName: 'Exemple-Tesfay',
      birthDate: '1998-03-01',
      birthDatePrecision: 'estimated',
    });
    expect(r.statusCode, r.body).toBe(201);
    yonas = r.json().person;
    const corrected = await home.patch(`/api/people/${yonas.id}`, { birthDate: '1998-10-20' });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json()).toMatchObject({
      birthDate: '1998-10-20',
      birthDatePrecision: 'estimated',
      participantCode: yonas.participantCode,
    });
    // Year only in the same year: still the same code, the date kept as 1 January.
    const yearOnly = await home.patch(`/api/people/${yonas.id}`, { birthDatePrecision: 'year' });
    expect(yearOnly.json()).toMatchObject({
      birthDate: '1998-01-01',
      participantCode: yonas.participantCode,
    });
    // Another year, or an exact date (a proof was found), changes it like any corrected identity.
    const exact = await home.patch(`/api/people/${yonas.id}`, {
      birthDate: '1998-10-20',
      birthDatePrecision: 'exact',
    });
    expect(exact.json().participantCode).not.toBe(yonas.participantCode);
    const back = await home.patch(`/api/people/${yonas.id}`, {
      birthDate: '1998-05-05',
      birthDatePrecision: 'estimated',
    });
    expect(back.json().participantCode).toBe(yonas.participantCode);
  });

  it('matches duplicates on the birth year when a date is approximate, and says so', async () => {
    const exactSameYear = await home.post('/api/people/duplicates', {
      firstName: 'Yonas',
      lastName: 'Exemple Tesfai',
      birthDate: '1998-12-24',
    });
    expect(exactSameYear.statusCode, exactSameYear.body).toBe(200);
    expect(exactSameYear.json().duplicates).toEqual([
      expect.objectContaining({
        id: yonas.id,
        reason: 'similar_name',
        approximate: true,
        birthDatePrecision: 'estimated',
      }),
    ]);
    const sameCode = await home.post('/api/people/duplicates', {
      firstName: 'Exemple-Tesfay',
      lastName: 'Yonas',
      birthDate: '1998-01-01',
      birthDatePrecision: 'year',
    });
    expect(sameCode.json().duplicates).toEqual([
      expect.objectContaining({ id: yonas.id, reason: 'same_code', approximate: true }),
    ]);
    const otherYear = await home.post('/api/people/duplicates', {
      firstName: 'Yonas',
      lastName: 'Exemple-Tesfay',
      birthDate: '1999-01-01',
      birthDatePrecision: 'year',
    });
    expect(otherYear.json().duplicates).toEqual([]);
    // An approximate identity matched against an exact record is approximate too.
    const exactRecord = await home.post('/api/people', {
      firstName: 'Selam',
      lastName: 'Fictive-Haile',
      birthDate: '1995-04-02',
    });
    expect(exactRecord.statusCode).toBe(201);
    const approx = await home.post('/api/people/duplicates', {
      firstName: 'Selam',
      lastName: 'Fictive Haile',
      birthDate: '1995-01-01',
      birthDatePrecision: 'year',
    });
    expect(approx.json().duplicates).toEqual([
      expect.objectContaining({ reason: 'similar_name', approximate: true, birthDatePrecision: 'exact' }),
    ]);
    // Two exact dates keep the strict rule (existing behaviour).
    const strict = await home.post('/api/people/duplicates', {
      firstName: 'Selam',
      lastName: 'Fictive-Haile',
      birthDate: '1995-04-03',
    });
    expect(strict.json().duplicates).toEqual([]);
  });

  it('changes and clears the new fields, keeping one name at least', async () => {
    const cleared = await home.patch(`/api/people/${yonas.id}`, {
      lastName: null,
      nationality: 'stateless',
      interpreterNeed: { language: 'tir', modality: 'any', genderPreference: 'none' },
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({ firstName: 'Yonas', lastName: '', nationality: 'stateless' });
    const none = await home.patch(`/api/people/${yonas.id}`, { firstName: null });
    expect(none.statusCode).toBe(400);
    expect(fieldPaths(none)).toEqual(['firstName:people.persons.errors.name_required']);
    const noNeed = await home.patch(`/api/people/${yonas.id}`, { interpreterNeed: null, nationality: null });
    expect(noNeed.json()).toMatchObject({ interpreterNeed: null, nationality: null, lastName: '' });
  });

  it('gives the interpreting side the need of the organisation’s own person only', async () => {
    expect(await f.asOrg(mouscron, (trx) => personInterpreterNeed(trx, awet.id))).toEqual({
      language: 'tir',
      modality: 'phone',
      genderPreference: 'male',
    });
    expect(await f.asOrg(mouscron, (trx) => personInterpreterNeed(trx, yonas.id))).toBeNull();
    expect(await f.asOrg(kortrijk, (trx) => personInterpreterNeed(trx, awet.id))).toBeUndefined();
  });

  it('shares spoken languages and precision with their groups, the interpreter need only with its own', async () => {
    await f.createConsent(mouscron, awet.id, {
      categories: ['identity', 'birth_date', 'languages', 'interpreter_need'],
      recipients: [roubaix.orgId, kortrijk.orgId],
    });
    const withoutNeed = await home.post(`/api/people/${awet.id}/referrals`, {
      recipientOrgId: roubaix.orgId,
      purpose: 'referral',
      fields: ['identity', 'birth_date', 'languages'],
    });
    expect(withoutNeed.statusCode, withoutNeed.body).toBe(201);
    const withNeed = await home.post(`/api/people/${awet.id}/referrals`, {
      recipientOrgId: kortrijk.orgId,
      purpose: 'referral',
      fields: ['identity', 'interpreter_need'],
    });
    expect(withNeed.statusCode, withNeed.body).toBe(201);
    const shared = (m: Member) =>
      f.asOrg(
        m,
        async (trx) =>
          (
            await sql<{
              p: Record<string, unknown>;
            }>`select app.shared_person(${awet.id}::uuid) as p`.execute(trx)
          ).rows[0]?.p,
      );
    const r = await shared(roubaix);
    expect(r).toMatchObject({
      firstName: 'Awet',
      birthDate: '2004-01-01',
      birthDatePrecision: 'year',
      spokenLanguages: [
        { code: 'tir', literacy: 'reads_writes', main: true },
        { code: 'arb', dialect: 'Sudanese', literacy: 'reads' },
      ],
    });
    expect(r).not.toHaveProperty('interpreterNeed');
    expect(r).not.toHaveProperty('nationality');
    const k = await shared(kortrijk);
    expect(k).toMatchObject({
      interpreterNeed: { language: 'tir', modality: 'phone', genderPreference: 'male' },
    });
    for (const key of ['spokenLanguages', 'birthDatePrecision', 'nationality'])
      expect(k).not.toHaveProperty(key);
    // Through the API too, with the shared-person schema.
    const api = await (await t.login('referent@ccas-roubaix.example')).get(`/api/shared/people/${awet.id}`);
    expect(api.statusCode, api.body).toBe(200);
    expect(api.json()).toMatchObject({ birthDatePrecision: 'year', spokenLanguages: expect.any(Array) });
    expect(api.json()).not.toHaveProperty('interpreterNeed');
  });

  it('keeps the database guards: one name at least, a year-only date on 1 January', async () => {
    await expect(
      sql`update persons set first_name = '', last_name = ' ' where id = ${awet.id}`.execute(owner()),
    ).rejects.toThrow(/persons_name_given/);
    await expect(
      sql`update persons set birth_date = '2004-02-02' where id = ${awet.id}`.execute(owner()),
    ).rejects.toThrow(/persons_birth_year_only/);
  });
});
