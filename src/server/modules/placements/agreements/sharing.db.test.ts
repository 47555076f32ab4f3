import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import type { PlacementPage, PlacementView } from '../../../../common/placements/agreement-schemas';
import type { CohortDraftResult } from '../../../../common/placements/cohort-draft-schemas';
import {
  agreementFixtures,
  HOME_ADMIN,
  HOME_REFERENT,
  HOST_COORDINATOR,
  HOST_TUTOR,
  PARKS,
  THIRD,
} from './fixtures.testing';

const available = await engineAvailable();

type Member = { userId: string; orgId: string };

/**
 * Who sees and changes what: the host sees only the granted fields and loses them when the agreement
 * ends; a third organisation reaches nothing, in the API or in SQL under RLS; the host cannot change the
 * terms; a share needs a consent or an audited override.
 */
describe.skipIf(!available)('placement agreements: sharing and tenancy', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof agreementFixtures>>;
  let referent: Client;
  let hostC: Client;
  let thirdC: Client;
  let agreement: PlacementView;
  let personId: string;

  beforeAll(async () => {
    t = await createTestApp();
    f = await agreementFixtures(t);
    referent = await t.login(HOME_REFERENT);
    hostC = await t.login(HOST_COORDINATOR);
    thirdC = await t.login(THIRD);
    personId = await f.person('Paula');
    agreement = await f.draft(referent, personId);
    await f.step(referent, agreement.id, 'send_for_signature');
  });
  afterAll(async () => t?.close());

  const inSql = <T>(m: Member, fn: Parameters<typeof f.asOrg<T>>[1]) => f.asOrg(m, fn);

  it('shows the host the granted identity (an audited read), never the other groups', async () => {
    const before = await f.auditCount(f.home.orgId, 'read', personId);
    const r = await hostC.get(`/api/placements/${agreement.id}`);
    expect(r.statusCode, r.body).toBe(200);
    const v = r.json() as PlacementView;
    expect(v).toMatchObject({
      side: 'host',
      personName: 'Paula Fictivaert',
      pathwayId: null,
      editable: false,
    });
    expect(v.participantCode).toMatch(/^TEST-/);
    expect(r.body).not.toMatch(/1988-04-12|fictif\.example|SECRET-NATIONAL-ID|CONFIDENTIAL/);
    expect(await f.auditCount(f.home.orgId, 'read', personId)).toBe(before + 1);
    const list = (await hostC.get('/api/placements?side=host')).json() as PlacementPage;
    const item = list.items.find((i) => i.id === agreement.id);
    // The host's list names the person too, the identity being granted (issue 9 #13).
    expect(item).toMatchObject({
      side: 'host',
      personName: 'Paula Fictivaert',
      pendingSignatures: 3,
      tutorName: 'Noa Tuteur',
    });
    expect(item?.participantCode).toMatch(/^TEST-/);
    // A list makes no audited read per row.
    expect(await f.auditCount(f.home.orgId, 'read', personId)).toBe(before + 1);
    const homeList = (await referent.get('/api/placements?mine=true')).json() as PlacementPage;
    expect(homeList.items.find((i) => i.id === agreement.id)).toMatchObject({
      side: 'home',
      personName: 'Paula Fictivaert',
    });
  });

  it('names the person’s signer to the host only when identity was granted, in SQL too', async () => {
    const quiet = await f.draft(referent, await f.person('Rosa'), { sharedFields: ['languages'] });
    await f.step(referent, quiet.id, 'send_for_signature');
    const asked = await referent.post(`/api/placements/${quiet.id}/signatures`, {
      role: 'person',
      method: 'in_person',
      signerName: 'Rosa Fictivaert',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const view = (await hostC.get(`/api/placements/${quiet.id}`)).json() as PlacementView;
    expect(JSON.stringify(view)).not.toContain('Rosa');
    // Straight in SQL as the host: the column is not readable, and the definer function hides the name.
    await expect(
      inSql(f.host, (trx) =>
        sql`select signer_name from placement_signatures where placement_id = ${quiet.id}`.execute(trx),
      ),
    ).rejects.toMatchObject({ code: '42501' });
    const signers = await inSql(f.host, (trx) =>
      sql<{
        signer_name: string | null;
      }>`select signer_name from app.placement_signers(${quiet.id}::uuid)`.execute(trx),
    );
    expect(signers.rows.map((r) => r.signer_name)).toEqual([null]);
    // The home centre, and a host granted identity, read it.
    const home = await inSql(f.home, (trx) =>
      sql<{
        signer_name: string | null;
      }>`select signer_name from app.placement_signers(${quiet.id}::uuid)`.execute(trx),
    );
    expect(home.rows.map((r) => r.signer_name)).toEqual(['Rosa Fictivaert']);
  });

  it('lists the host tutors by name only, and the tutor sees only their tutees', async () => {
    const r = await referent.get(`/api/placements/tutors?hostOrgId=${f.orgs['atelier-roubaix']}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().items.map((u: { displayName: string }) => u.displayName)).toEqual([
      'Ariane Direction',
      'Noa Tuteur',
    ]);
    expect(r.body).not.toContain('@');
    expect((await referent.get('/api/placements/tutors?hostOrgId=nope')).statusCode).toBe(400);
    const tutorC = await t.login(HOST_TUTOR);
    const mine = (await tutorC.get('/api/placements')).json() as PlacementPage;
    expect(mine.items.length).toBeGreaterThan(0);
    const other = await f.draft(referent, await f.person('Quentin'), { tutorUserId: f.host.userId });
    const ids = ((await tutorC.get('/api/placements')).json() as PlacementPage).items.map((i) => i.id);
    expect(ids).toContain(agreement.id);
    expect(ids).not.toContain(other.id);
    expect((await tutorC.get(`/api/placements/${other.id}`)).statusCode).toBe(404);
    expect((await hostC.get(`/api/placements/${other.id}`)).statusCode).toBe(200);
  });

  it('keeps a third organisation out, in the API and in SQL', async () => {
    expect((await thirdC.get(`/api/placements/${agreement.id}`)).statusCode).toBe(404);
    expect((await thirdC.patch(`/api/placements/${agreement.id}`, { schedule: 'x' })).statusCode).toBe(404);
    expect(
      (await thirdC.post(`/api/placements/${agreement.id}/transitions`, { action: 'cancel', reason: 'x' }))
        .statusCode,
    ).toBe(404);
    const sig = { role: 'person', method: 'in_person', signerName: 'Quelqu’un' };
    expect((await thirdC.post(`/api/placements/${agreement.id}/signatures`, sig)).statusCode).toBe(404);
    const list = (await thirdC.get('/api/placements')).json() as PlacementPage;
    expect(list.items.map((i) => i.id)).not.toContain(agreement.id);

    await f.signAll(referent, hostC, agreement.id);
    const seen = await inSql(f.third, async (trx) => ({
      placements: await trx.selectFrom('placements').select('id').execute(),
      signatures: await trx.selectFrom('placement_signatures').select('id').execute(),
      updated: await trx
        .updateTable('placements')
        .set({ site_name: 'Ailleurs' })
        .where('id', '=', agreement.id)
        .executeTakeFirst(),
      signed: await trx
        .updateTable('placement_signatures')
        .set({ signer_name: 'Ailleurs' })
        .where('placement_id', '=', agreement.id)
        .executeTakeFirst(),
      periods: (
        await sql`select * from app.person_committed_periods(${personId}::uuid, ${agreement.id}::uuid)`.execute(
          trx,
        )
      ).rows,
      parties: (await sql`select * from app.placement_parties(array[${agreement.id}]::uuid[])`.execute(trx))
        .rows,
    }));
    expect(seen.placements).toEqual([]);
    expect(seen.signatures).toEqual([]);
    expect(Number(seen.updated.numUpdatedRows)).toBe(0);
    expect(Number(seen.signed.numUpdatedRows)).toBe(0);
    expect(seen.periods).toEqual([]);
    expect(seen.parties).toEqual([]);
    await expect(
      inSql(f.third, (trx) =>
        trx
          .insertInto('placement_signatures')
          .values({
            org_id: f.third.orgId,
            host_org_id: f.orgs['atelier-roubaix'] as string,
            placement_id: agreement.id,
            version: 9,
            role: 'person',
            signer_name: 'Intrus',
            requested_by: f.third.userId,
          })
          .execute(),
      ),
    ).rejects.toMatchObject({ code: '42501' });
  });

  it('lets the host change no term: 403 in the API, refused by the database guard', async () => {
    const r = await hostC.patch(`/api/placements/${agreement.id}`, { schedule: 'sam–dim' });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('placements.agreements.errors.wrong_side');
    await expect(
      inSql(f.host, (trx) =>
        trx.updateTable('placements').set({ site_name: 'Ailleurs' }).where('id', '=', agreement.id).execute(),
      ),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(
      inSql(f.host, (trx) =>
        trx.updateTable('placements').set({ status: 'active' }).where('id', '=', agreement.id).execute(),
      ),
    ).rejects.toMatchObject({ code: '42501' });
    // Nor ask the home centre's signatures, nor move the home centre's steps.
    const sig = await hostC.post(`/api/placements/${agreement.id}/signatures`, {
      role: 'person',
      method: 'in_person',
      signerName: 'X Y',
    });
    expect(sig.statusCode).toBe(403);
    expect((await f.act(hostC, agreement.id, 'submit_for_review')).statusCode).toBe(403);
  });

  it('takes the host’s access away when the agreement is cancelled', async () => {
    await f.step(referent, agreement.id, 'cancel', 'La personne déménage.');
    const v = (await hostC.get(`/api/placements/${agreement.id}`)).json() as PlacementView;
    expect(v).toMatchObject({ status: 'cancelled', personName: null });
    const shared = await inSql(
      f.host,
      async (trx) =>
        (await sql<{ p: unknown }>`select app.shared_person(${personId}::uuid) as p`.execute(trx)).rows[0]?.p,
    );
    expect(shared).toBeNull();
    expect((await hostC.get(`/api/shared/people/${personId}`)).statusCode).toBe(404);
  });

  it('needs a consent for the host, or an override with the permission and a reason', async () => {
    const p = await f.person('Rémi', false);
    const r = await referent.post('/api/placements', {
      personId: p,
      offerId: f.offers[PARKS],
      sharedFields: ['identity'],
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('people.shared.errors.consent_missing');
    expect(r.json().error.message).toContain('Atelier Solidaire du Canal');
    const count = async () =>
      Number(
        (
          await sql<{ n: number }>`select count(*)::int as n from placements where person_id = ${p}`.execute(
            f.db,
          )
        ).rows[0]?.n,
      );
    expect(await count()).toBe(0);
    const body = {
      personId: p,
      offerId: f.offers[PARKS],
      sharedFields: ['identity'],
      overrideReason: 'Urgence sociale',
    };
    const refused = await referent.post('/api/placements', body);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('people.shared.errors.override_forbidden');
    // A coordinator may override, with a reason: audited in the home centre's chain.
    await sql`update memberships set roles = array['org_admin', 'coordinator'] where user_id = (
      select id from users where email = ${HOME_ADMIN})`.execute(f.db);
    const coordinator = await t.login(HOME_ADMIN);
    const ok = await coordinator.post('/api/placements', body);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await f.auditCount(f.home.orgId, 'override', ok.json().id)).toBe(1);
    const grant = await sql<{ override_reason: string | null; consent_id: string | null }>`
      select override_reason, consent_id from person_grants where source_id = ${ok.json().id}`.execute(f.db);
    expect(grant.rows[0]).toEqual({ override_reason: 'Urgence sociale', consent_id: null });
  });

  it('drafts from a cohort, each assignment on its own', async () => {
    const withConsent = await f.person('Sami');
    const without = await f.person('Tess', false);
    const r = await referent.post('/api/placements/from-cohort', {
      assignments: [
        { personId: withConsent, offerId: f.offers[PARKS] },
        { personId: without, offerId: f.offers[PARKS] },
      ],
      sharedFields: ['identity', 'languages'],
    });
    expect(r.statusCode, r.body).toBe(200);
    const res = r.json() as CohortDraftResult;
    expect(res.created).toBe(1);
    expect(res.results[0]?.placementId).toBeTruthy();
    expect(res.results[1]).toMatchObject({
      placementId: null,
      error: { code: 'people.shared.errors.consent_missing' },
    });
    expect(res.results[1]?.error?.message).toContain('consent');
    const drafted = (
      await referent.get(`/api/placements/${res.results[0]?.placementId}`)
    ).json() as PlacementView;
    expect(drafted).toMatchObject({ status: 'draft', personId: withConsent });
  });
});
