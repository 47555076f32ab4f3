import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import type { ImportPreviewView } from '../../../../common/observatory/import-schemas';
import type { OwnRecordsStatus } from '../../../../common/observatory/own-records-endpoints';
import { withContext } from '../../../platform/db/context';
import { referralFixtures } from '../../people/referrals/fixtures.testing';
import { recomputeOwnRecords } from './recompute';

const available = await engineAvailable();
const dayClock = (day: string) => ({ now: () => new Date(`${day}T12:00:00Z`), today: () => day });

/**
 * samen's own figures on both engines: persons on a pathway counted by municipality of residence across
 * organisations, once per participant code; counts under 5 stored as secrets without their value; a person
 * without municipality under '<country>-UNKNOWN'; a new computation replacing the previous samen vintage; the
 * counting function answering nothing outside the system scope, and no organisation writing samen's values.
 */
describe.skipIf(!available)('observatory: figures from samen’s own records', () => {
  let t: TestApp;
  let analyst: Client;
  const fx = () => referralFixtures(t);
  let seq = 0;

  const addPerson = async (email: string, municipality: string | null, entry = '2026-03-01') => {
    const m = await fx().member(email);
    await withContext(t.db.engine.db, { userId: m.userId, orgId: m.orgId }, async (trx) => {
      seq++;
      const p = await trx
        .insertInto('persons')
        .values({
          org_id: m.orgId,
          first_name: 'Test',
          last_name: `Compte${seq}`,
          birth_date: '1990-01-01',
          municipality_code: municipality,
          participant_code: `OWNR-0000-0000-${String(seq).padStart(4, '0')}`,
          referent_user_id: m.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('pathways')
        .values({ org_id: m.orgId, person_id: p.id, entry_on: entry, modules: ['social_insertion'] })
        .execute();
    });
  };
  const stored = async (geo: string, code = 'SAMEN_PERSONS_PATHWAY', period = '2026') =>
    (
      await sql<{ value: string | null; secret: boolean; vintage: string; org_id: string | null }>`
        select v.value, v.secret, v.vintage, v.org_id from obs_values v
        join obs_data_elements e on e.id = v.element_id
        where e.code = ${code} and v.geo_code = ${geo} and v.period = ${period}`.execute(t.db.engine.db)
    ).rows;

  beforeAll(async () => {
    t = await createTestApp({ clock: dayClock('2026-12-06') });
    analyst = await t.login('analist@west-vlaanderen.example');
    // 4 persons of Mouscron's CPAS and 2 of Kortrijk's OCMW live in one municipality: 6, shown.
    for (let i = 0; i < 4; i++) await addPerson('referent@cpas-mouscron.example', 'BE-99001');
    for (let i = 0; i < 2; i++) await addPerson('trajectbegeleider@ocmw-kortrijk.example', 'BE-99001');
    // 3 in another: under 5, hidden; one with a pathway ended in 2025 counts in 2025 only.
    for (let i = 0; i < 3; i++) await addPerson('referent@ccas-roubaix.example', 'FR-59999');
    // No municipality recorded: counted under the centre's country, never mapped.
    await addPerson('referent@ccas-roubaix.example', null);
  });
  afterAll(async () => t?.close());

  it('counts across organisations by municipality and stores counts under 5 as secrets', async () => {
    await recomputeOwnRecords({ db: t.deps.db, clock: dayClock('2026-12-05') });
    expect(await stored('BE-99001')).toEqual([
      { value: '6', secret: false, vintage: 'samen 2026-12-05', org_id: null },
    ]);
    expect(await stored('FR-59999')).toEqual([
      { value: null, secret: true, vintage: 'samen 2026-12-05', org_id: null },
    ]);
    const unknown = await stored('FR-UNKNOWN');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]?.secret || Number(unknown[0]?.value) >= 5).toBe(true);
    // No stored samen value anywhere is a count under 5.
    const small = await sql<{ n: number }>`select count(*)::int as n from obs_values v
      join obs_data_elements e on e.id = v.element_id
      where e.source = 'samen' and (v.value < 5 or (v.value is null and not v.secret))`.execute(
      t.db.engine.db,
    );
    expect(small.rows[0]?.n).toBe(0);
  });

  it('replaces the previous samen vintage, all of it, and says when it was computed', async () => {
    const r = await analyst.post('/api/observatory/own-records/recompute');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ vintage: 'samen 2026-12-06' });
    expect(r.json().replaced).toBeGreaterThan(0);
    const vintages = await sql<{ vintage: string; n: number }>`select v.vintage, count(*)::int as n
      from obs_values v join obs_data_elements e on e.id = v.element_id where e.source = 'samen'
      group by v.vintage`.execute(t.db.engine.db);
    expect(vintages.rows).toEqual([{ vintage: 'samen 2026-12-06', n: r.json().values }]);
    const status = (await analyst.get('/api/observatory/own-records')).json() as OwnRecordsStatus;
    expect(status).toMatchObject({
      vintage: 'samen 2026-12-06',
      values: r.json().values,
      canRecompute: true,
    });
    expect(status.computedAt).not.toBeNull();
    // The computation is audited with the user who asked.
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit.log
      where entity = 'obs_imports' and action = 'create' and after ->> 'format' = 'samen'
        and actor_user_id is not null`.execute(t.db.engine.db);
    expect(audit.rows[0]?.n).toBe(1);
  });

  it('refuses a file that would feed one of samen’s elements, naming it', async () => {
    const boundary = '----samen-own-boundary';
    const settings = {
      format: 'long',
      vintage: 'Forged',
      geoVintage: null,
      skipUnknown: false,
      mapping: null,
    };
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/observatory/imports/preview',
      payload:
        `--${boundary}\r\nContent-Disposition: form-data; name="settings"\r\n\r\n${JSON.stringify(settings)}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="f.csv"\r\n\r\n` +
        `geo_code,period,element,value\nBE-57096,2026,SAMEN_PERSONS_PATHWAY,2\r\n--${boundary}--\r\n`,
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'x-samen-language': 'en',
        cookie: analyst.cookie,
        'x-csrf-token': analyst.csrf,
      },
    });
    expect(r.statusCode, r.body).toBe(200);
    const problems = (r.json() as ImportPreviewView).problems;
    expect(problems.map((p) => p.code)).toContain('observatory.errors.samen_element');
    expect(problems.find((p) => p.code === 'observatory.errors.samen_element')?.message).toContain(
      'SAMEN_PERSONS_PATHWAY wordt door samen berekend',
    );
    expect((await stored('BE-57096')).some((v) => v.vintage === 'Forged')).toBe(false);
  });

  it('lets only those who may import recompute', async () => {
    const worker = await t.login('referent@cpas-mouscron.example');
    // Refused every time, never "too many requests", and without spending the analysts' budget.
    for (let i = 0; i < 7; i++)
      expect((await worker.post('/api/observatory/own-records/recompute')).statusCode).toBe(403);
    expect((await analyst.post('/api/observatory/own-records/recompute')).statusCode).toBe(200);
    expect(((await worker.get('/api/observatory/own-records')).json() as OwnRecordsStatus).canRecompute).toBe(
      false,
    );
  });

  it('answers the status to the observatory readers only', async () => {
    // A peer ambassador holds no observatory permission: refused, not told when samen last computed.
    const peer = await t.login('ambassadeur@wereldhuis.example');
    expect((await peer.get('/api/observatory/own-records')).statusCode).toBe(403);
    expect((await peer.post('/api/observatory/own-records/recompute')).statusCode).toBe(403);
  });

  it('never answers the counts outside the system scope, nor lets an organisation write samen’s values', async () => {
    const m = await fx().member('analist@west-vlaanderen.example');
    const rows = await withContext(t.db.engine.db, { userId: m.userId, orgId: m.orgId }, (trx) =>
      sql`select * from app.obs_own_record_counts(2020, 2026, 2026)`.execute(trx),
    );
    expect(rows.rows).toEqual([]);
    // Nor can it read the persons behind them (another organisation's records).
    const persons = await withContext(t.db.engine.db, { userId: m.userId, orgId: m.orgId }, (trx) =>
      sql`select count(*)::int as n from persons where participant_code like 'OWNR-%'`.execute(trx),
    );
    expect(persons.rows).toEqual([{ n: 0 }]);
    await expect(
      withContext(t.db.engine.db, { userId: m.userId, orgId: m.orgId }, async (trx) => {
        const imp = await trx
          .insertInto('obs_imports')
          .values({
            org_id: m.orgId,
            format: 'long',
            filename: 'forged.csv',
            checksum: '0'.repeat(64),
            vintage: 'forged',
            mapping: '{}',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const el = await trx
          .selectFrom('obs_data_elements')
          .select('id')
          .where('code', '=', 'SAMEN_PERSONS_PATHWAY')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('obs_values')
          .values({
            element_id: el.id,
            geo_code: 'BE-99003',
            period: '2026',
            vintage: 'forged',
            value: 2,
            org_id: m.orgId,
            import_id: imp.id,
          })
          .execute();
      }),
    ).rejects.toThrow();
  });
});
