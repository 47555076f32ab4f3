import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../../test/support/app';
import { engineAvailable } from '../../../../../../test/support/engine';
import { countCrossBorder } from '../../../../../common/accompaniment/teams-rules';
import { CROSS_BORDER_CASES, PERIOD } from '../../../../../common/accompaniment/teams-rules.cases';
import { withContext } from '../../../../platform/db/context';
import { referralFixtures } from '../../../people/referrals/fixtures.testing';
import { seedTeams } from '../demo';
import { teamIndicatorRules } from './rules';

const available = await engineAvailable();

/**
 * Interventions across the border on both engines: the SQL counts the same cases as the pure function
 * (countCrossBorder), per intervention or per person; and the demo seeder refers a family and records
 * its interventions and an encrypted clinical note when the family and its consents exist.
 */
describe.skipIf(!available)('mobile teams: counting rule and demo', () => {
  let t: TestApp;
  let f: ReturnType<typeof referralFixtures>;
  beforeAll(async () => {
    t = await createTestApp();
    f = referralFixtures(t);
  });
  afterAll(async () => t?.close());

  it('counts the same cases as countCrossBorder, per intervention and per person', async () => {
    const lva = await f.member('accompagnement@lavieactive.example');
    const cresam = await f.member('coordination@cresam.example');
    const programme = await sql<{ id: string }>`select p.id from programmes p
      where exists (select 1 from app.programme_members(p.id, null) m where m.org_id = ${cresam.orgId}) limit 1`.execute(
      f.db,
    );
    const programmeId = programme.rows[0]?.id;
    expect(programmeId, 'a programme of which CRéSaM is a member').toBeTruthy();
    // Persons a, b, d followed in France (La Vie Active), c in Belgium (CRéSaM itself).
    const ids: Record<string, string> = {};
    for (const k of ['a', 'b', 'd'])
      ids[k] = await f.createPerson(lva, { firstName: `P${k}`, lastName: 'Comptage' });
    ids.c = await f.createPerson(cresam, { firstName: 'Pc', lastName: 'Comptage' });
    const team = await sql<{ id: string }>`insert into accompaniment_teams (org_id, name_fr, name_nl, regions)
      values (${cresam.orgId}, 'Équipe test', 'Testteam', '{BE-WAL}') returning id`.execute(f.db);
    const request = await sql<{
      id: string;
    }>`insert into accompaniment_requests (org_id, team_id, team_org_id,
      needs, fields, created_by) values (${lva.orgId}, ${team.rows[0]!.id}, ${cresam.orgId}, '{psychological}',
      '{identity}', ${lva.userId}) returning id`.execute(f.db);
    const scope = { programmeId: programmeId!, from: PERIOD.from, to: PERIOD.to, params: {} };
    const count = (unique: boolean, from = PERIOD.from) =>
      f.asOrg(cresam, async (trx) =>
        Number(
          (
            await sql<{
              n: number;
            }>`select n from app.ind_accompaniment_cross_border_count(${programmeId}::uuid,
              ${from}::date, ${PERIOD.to}::date, ${unique}) where partner_org_id = ${cresam.orgId}`.execute(
              trx,
            )
          ).rows[0]?.n ?? 0,
        ),
      );
    const before = [await count(false), await count(true), await count(true, '2026-03-05')];
    for (const c of CROSS_BORDER_CASES) {
      // Every case is the CRéSaM team's (BE); the persons' home countries come from their organisations.
      await sql`insert into accompaniment_interventions (request_id, org_id, requester_org_id, starts_at,
        duration_minutes, place, place_country, kind, language, person_ids, status)
        values (${request.rows[0]!.id}, ${cresam.orgId}, ${lva.orgId}, ${`${c.day}T10:00:00Z`}, 60, 'Lieu',
          ${c.placeCountry}, 'consultation', 'tir', ${c.persons.map((p) => ids[p.id]!)}::uuid[], ${c.status})`.execute(
        f.db,
      );
    }
    expect((await count(false)) - before[0]!).toBe(countCrossBorder(CROSS_BORDER_CASES, PERIOD));
    expect((await count(true)) - before[1]!).toBe(countCrossBorder(CROSS_BORDER_CASES, PERIOD, true));
    expect((await count(true, '2026-03-05')) - before[2]!).toBe(
      countCrossBorder(CROSS_BORDER_CASES, { from: '2026-03-05', to: PERIOD.to }, true),
    );
    // Through the registered rule: the records name no person.
    const rule = teamIndicatorRules[0]!;
    const records = await f.asOrg(cresam, (trx) => rule.records(trx, scope));
    expect(records.length).toBeGreaterThanOrEqual(2);
    expect(records.every((r) => r.personId === null)).toBe(true);
    // An organisation outside the programme gets no row (before migration 0055 was reviewed, the records
    // answered every signed-in user), a partner its own only.
    const outsider = await f.member('referent@ccas-roubaix.example');
    expect(await f.asOrg(outsider, (trx) => rule.records(trx, scope))).toEqual([]);
    expect((await f.asOrg(outsider, (trx) => rule.count(trx, scope))).total).toBe(0);
    const requester = await f.asOrg(lva, (trx) => rule.records(trx, scope));
    expect(requester.every((r) => r.partnerOrgId === lva.orgId)).toBe(true);
    // Reachable only through the count and records functions.
    await expect(
      f.asOrg(cresam, (trx) =>
        sql`select * from app.ind_accompaniment_cross_border_all(${programmeId}::uuid, '2026-01-01', '2026-12-31', false)`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow();
  });

  it('refers the Exemple-Tesfay family in the demo when it and its consents exist', async () => {
    const lva = await f.member('accompagnement@lavieactive.example');
    const cresam = await f.member('coordination@cresam.example');
    const mother = await f.createPerson(lva, { firstName: 'Yonas', lastName: 'Exemple-Tesfay' });
    const child = await f.createPerson(lva, { firstName: 'Lula', lastName: 'Exemple-Tesfay' });
    for (const p of [mother, child])
      await f.createConsent(lva, p, {
        purpose: 'accompaniment',
        categories: ['identity', 'languages'],
        recipients: [cresam.orgId],
      });
    const orgs = Object.fromEntries(
      (
        await sql<{
          id: string;
          key: string;
        }>`select id, case when name_fr = 'La Vie Active' then 'la-vie-active'
        when short_name = 'CRéSaM' then 'cresam' else id::text end as key from organisations`.execute(f.db)
      ).rows.map((r) => [r.key, r.id]),
    );
    const users = Object.fromEntries(
      (
        await sql<{ id: string; email: string }>`select id, email from users where email in
          ('accompagnement@lavieactive.example', 'coordination@cresam.example', 'psychologue@cresam.example')`.execute(
          f.db,
        )
      ).rows.map((r) => [
        {
          'accompagnement@lavieactive.example': 'worker_lva',
          'coordination@cresam.example': 'coordinator_cresam',
          'psychologue@cresam.example': 'psychologist_cresam',
        }[r.email]!,
        r.id,
      ]),
    );
    await withContext(f.db, { platformAdmin: true, scope: 'system' }, (trx) =>
      seedTeams(trx, orgs, users, t.deps.secrets, []),
    );
    const req = await sql<{ id: string; status: string }>`select r.id, r.status from accompaniment_requests r
      join accompaniment_request_persons p on p.request_id = r.id where p.person_id = ${mother}`.execute(
      f.db,
    );
    expect(req.rows[0]?.status).toBe('accepted');
    const iv = await sql<{ status: string; place_country: string }>`select status, place_country
      from accompaniment_interventions where request_id = ${req.rows[0]!.id} order by starts_at`.execute(
      f.db,
    );
    expect(iv.rows).toEqual([
      { status: 'done', place_country: 'FR' },
      { status: 'planned', place_country: 'BE' },
    ]);
    const notes = await sql<{ body_enc: string }>`select body_enc from accompaniment_clinical_notes
      where request_id = ${req.rows[0]!.id}`.execute(f.db);
    expect(notes.rows).toHaveLength(1);
    expect(notes.rows[0]?.body_enc).toMatch(/^v2\./);
    expect(notes.rows[0]?.body_enc).not.toContain('sommeil');
  });
});
