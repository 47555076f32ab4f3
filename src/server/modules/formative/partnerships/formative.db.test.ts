import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import type { PartnershipList, PartnershipView } from '../../../../common/formative/schemas';
import { referralFixtures } from '../../people/referrals/fixtures.testing';
import { formativeIndicatorRules } from '../indicators';

/**
 * The immersion formative on both engines, on the demo's Charleroi–Binche partnership (mid-year): both
 * parties read it, no third organisation reads or writes any of its six tables; the tutor and the trainee
 * record as themselves; a review signed by both is frozen, even in the database; the partner alone writes
 * its application-year projects; the indicators count the trainee; bad input is a translated 400.
 */
let t: TestApp;
let fx: ReturnType<typeof referralFixtures>;
type Member = { userId: string; orgId: string };
let lead: Member;
let tutor: Member;
let trainee: Member;
let other: Member;
let id: string;
let view: PartnershipView;

const TABLES = [
  'formative_partnerships',
  'formative_modules',
  'formative_plan_items',
  'formative_sessions',
  'formative_reviews',
  'formative_projects',
] as const;

beforeAll(async () => {
  t = await createTestApp();
  fx = referralFixtures(t);
  lead = await fx.member('coordination@cpas-charleroi.example');
  tutor = await fx.member('tutrice@cpas-charleroi.example');
  trainee = await fx.member('stagiaire@cpas-binche.example');
  other = await fx.member('coordination@cpas-mouscron.example');
});
afterAll(async () => t?.close());

const today = () => new Date().toISOString().slice(0, 10);

describe('formative partnerships', () => {
  it('shows the demo partnership, mid-year, to both parties', async () => {
    const tut = await t.login('tutrice@cpas-charleroi.example');
    const list = (await tut.get('/api/formative')).json() as PartnershipList;
    // The live partnership first, then the real FAMI 2020–2021 one, seeded as history.
    expect(list.items.map((i) => i.programme.acronym)).toEqual([
      'Charleroi–Binche suite',
      'FAMI Charleroi–Binche',
    ]);
    id = list.items[0]!.id;
    expect(list.items[0]!.side).toBe('lead');
    view = (await tut.get(`/api/formative/${id}`)).json() as PartnershipView;
    expect(view.plan.map((p) => p.code)).toEqual([
      'insertion-sociale',
      'insertion-socio-professionnelle',
      'benevolat-activation-sociale',
    ]);
    expect(view.partnership.unit.nameFr).toBe('Service Action Migrants');
    expect(view.partnership.traineeName).toBe('Élise Formation');
    expect(view.me).toMatchObject({
      role: 'tutor',
      canRecord: true,
      canEdit: false,
      canWriteProjects: false,
    });
    expect(view.reviews.find((r) => r.kind === 'mid_year')).toMatchObject({
      traineeSignedAt: expect.any(String),
      tutorSignedAt: expect.any(String),
    });
    expect(view.totals.doneHours).toBeGreaterThan(0);
    expect(view.projects).toHaveLength(1);
    const stag = await t.login('stagiaire@cpas-binche.example');
    const seen = (await stag.get(`/api/formative/${id}`)).json() as PartnershipView;
    expect(seen.partnership.side).toBe('partner');
    // The partner reads the lead's tutor's name and modules through the partnership only.
    expect(seen.partnership.tutorName).toBe('Inaya Tutrice');
    expect(seen.plan).toHaveLength(3);
    expect(seen.me).toMatchObject({ role: 'trainee', canRecord: true, canWriteProjects: true });
    // The demo programme's indicators are counted by this module's rules on the monitoring board.
    const coord = await t.login('coordination@cpas-charleroi.example');
    const board = (await coord.get(`/api/programmes/${view.partnership.programme.id}/indicators`)).json() as {
      items: { code: string; ruleCode: string | null; value: number | null }[];
    };
    expect(board.items.map((i) => [i.code, i.ruleCode, i.value])).toEqual([
      ['F1', 'formative.trainees', 1],
      ['F2', 'formative.completed', 0],
    ]);
  });

  it('shows nothing to a third organisation, through the API or in any table', async () => {
    const mouscron = await t.login('coordination@cpas-mouscron.example');
    expect(((await mouscron.get('/api/formative')).json() as PartnershipList).items).toHaveLength(0);
    expect((await mouscron.get(`/api/formative/${id}`)).statusCode).toBe(404);
    const plan = view.plan[0]!;
    expect(
      (
        await mouscron.put(`/api/formative/${id}/plan/${plan.id}/progress`, {
          level: 'autonomous',
          percent: 90,
          comment: null,
        })
      ).statusCode,
    ).toBe(404);
    for (const table of TABLES) {
      const rows = await fx.asOrg(other, (trx) =>
        sql`select count(*)::int as n from ${sql.table(table)}`.execute(trx),
      );
      expect((rows.rows[0] as { n: number }).n, table).toBe(0);
      const changed = await fx.asOrg(other, (trx) =>
        sql`update ${sql.table(table)} set created_at = now() where true`.execute(trx),
      );
      expect(Number(changed.numAffectedRows ?? 0), table).toBe(0);
      const removed = await fx.asOrg(other, (trx) =>
        sql`delete from ${sql.table(table)} where true`.execute(trx),
      );
      expect(Number(removed.numAffectedRows ?? 0), table).toBe(0);
    }
    // The definer functions answer the two parties only.
    const people = await fx.asOrg(other, (trx) =>
      sql`select * from app.formative_people(${id}::uuid)`.execute(trx),
    );
    expect(people.rows).toHaveLength(0);
    const looked = await fx.asOrg(other, (trx) =>
      sql<{ id: string | null }>`select app.formative_trainee_by_email(${trainee.orgId}::uuid,
        'stagiaire@cpas-binche.example') as id`.execute(trx),
    );
    expect(looked.rows[0]?.id).toBeNull();
    // The partner reads the host's modules but never writes them.
    await expect(
      fx.asOrg(trainee, (trx) =>
        sql`insert into formative_modules (org_id, code, name_fr, name_nl)
          values (${lead.orgId}::uuid, 'binche', 'Module binchois', 'Module uit Binche')`.execute(trx),
      ),
    ).rejects.toThrow(/row-level security/);
    const renamed = await fx.asOrg(trainee, (trx) =>
      sql`update formative_modules set name_fr = 'Renommé' where org_id = ${lead.orgId}::uuid`.execute(trx),
    );
    expect(Number(renamed.numAffectedRows ?? 0)).toBe(0);
    // Nor may it write rows claiming to belong to the partnership.
    await expect(
      fx.asOrg(other, (trx) =>
        sql`insert into formative_sessions (partnership_id, org_id, partner_org_id, module_id, held_on, hours,
          summary, recorded_by) values (${id}::uuid, ${lead.orgId}::uuid, ${trainee.orgId}::uuid,
          ${plan.moduleId}::uuid, ${today()}::date, 2, 'intrusion', ${other.userId}::uuid)`.execute(trx),
      ),
    ).rejects.toThrow(/row-level security|foreign key/);
    await expect(
      fx.asOrg(other, (trx) =>
        sql`insert into formative_projects (partnership_id, org_id, lead_org_id, title)
          values (${id}::uuid, ${trainee.orgId}::uuid, ${lead.orgId}::uuid, 'intrusion')`.execute(trx),
      ),
    ).rejects.toThrow(/row-level security|foreign key/);
    await expect(
      fx.asOrg(other, (trx) =>
        sql`insert into formative_modules (org_id, code, name_fr, name_nl)
          values (${lead.orgId}::uuid, 'intrus', 'Intrus', 'Indringer')`.execute(trx),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('lets the tutor record progress in French, and the trainee a session; others not', async () => {
    const tut = await t.login('tutrice@cpas-charleroi.example');
    const item = view.plan[2]!;
    const r = await tut.put(`/api/formative/${id}/plan/${item.id}/progress`, {
      level: 'practising',
      percent: 40,
      comment: 'Mène seule le suivi des bénévoles.',
    });
    expect(r.statusCode, r.body).toBe(200);
    const after = (await tut.get(`/api/formative/${id}`)).json() as PartnershipView;
    expect(after.plan[2]).toMatchObject({
      level: 'practising',
      percent: 40,
      progressByName: 'Inaya Tutrice',
    });
    const bad = await tut.put(`/api/formative/${id}/plan/${item.id}/progress`, {
      level: 'expert',
      percent: 140,
      comment: null,
    });
    expect(bad.statusCode).toBe(400);

    const stag = await t.login('stagiaire@cpas-binche.example');
    const s = await stag.post(`/api/formative/${id}/sessions`, {
      moduleId: item.moduleId,
      heldOn: today(),
      hours: 3.5,
      summary: 'Permanence bénévolat avec la tutrice.',
    });
    expect(s.statusCode, s.body).toBe(201);
    const seen = (await stag.get(`/api/formative/${id}`)).json() as PartnershipView;
    expect(seen.plan[2]!.doneHours).toBe(item.doneHours + 3.5);
    // A session outside the immersion year: translated 400 on the field.
    const early = await stag.post(`/api/formative/${id}/sessions`, {
      moduleId: item.moduleId,
      heldOn: '2020-02-10',
      hours: 2,
      summary: 'Trop tôt',
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toMatch(/année d’immersion/);
    // The tutor cannot delete the trainee's session; the lead's coordinator records nothing.
    expect((await tut.del(`/api/formative/${id}/sessions/${s.json().id}`)).statusCode).toBe(403);
    const coord = await t.login('coordination@cpas-charleroi.example');
    const denied = await coord.post(`/api/formative/${id}/sessions`, {
      moduleId: item.moduleId,
      heldOn: today(),
      hours: 1,
      summary: 'Pas sa place',
    });
    expect(denied.statusCode).toBe(403);
    // In the database the trainee may change progress, never the plan.
    await expect(
      fx.asOrg(trainee, (trx) =>
        sql`update formative_plan_items set planned_hours = 1 where id = ${item.id}::uuid`.execute(trx),
      ),
    ).rejects.toThrow(/only the lead/);
    // And the lead's staff cannot write a session as the trainee.
    await expect(
      fx.asOrg(tutor, (trx) =>
        sql`insert into formative_sessions (partnership_id, org_id, partner_org_id, module_id, held_on, hours,
          summary, recorded_by) values (${id}::uuid, ${lead.orgId}::uuid, ${trainee.orgId}::uuid,
          ${item.moduleId}::uuid, ${today()}::date, 2, 'au nom de la stagiaire', ${trainee.userId}::uuid)`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('freezes a signed review, even in the database, and counts the completion once both signed', async () => {
    const tut = await t.login('tutrice@cpas-charleroi.example');
    const stag = await t.login('stagiaire@cpas-binche.example');
    const text = {
      heldOn: today(),
      strengths: 'Autonome',
      improvements: null,
      nextSteps: 'Projets à Binche',
    };
    expect((await tut.put(`/api/formative/${id}/reviews/mid_year`, text)).statusCode).toBe(409);
    await expect(
      fx.asOrg(lead, (trx) =>
        sql`update formative_reviews set strengths = 'réécrit' where partnership_id = ${id}::uuid
          and kind = 'mid_year'`.execute(trx),
      ),
    ).rejects.toThrow(/frozen/);
    await expect(
      fx.asOrg(lead, (trx) =>
        sql`delete from formative_reviews where partnership_id = ${id}::uuid and kind = 'mid_year'`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow(/frozen/);

    const rule = formativeIndicatorRules.find((r) => r.code === 'formative.completed')!;
    const scope = {
      programmeId: view.partnership.programme.id,
      from: '2000-01-01',
      to: '2100-12-31',
      params: {},
    };
    expect((await fx.asOrg(lead, (trx) => rule.count(trx, scope))).total).toBe(0);

    expect((await stag.post(`/api/formative/${id}/reviews/end_of_year/sign`)).statusCode).toBe(404);
    expect((await tut.put(`/api/formative/${id}/reviews/end_of_year`, text)).statusCode).toBe(200);
    expect((await stag.post(`/api/formative/${id}/reviews/end_of_year/sign`)).statusCode).toBe(200);
    expect((await stag.post(`/api/formative/${id}/reviews/end_of_year/sign`)).statusCode).toBe(409);
    // Signed by one: the text is frozen already.
    const late = await tut.put(`/api/formative/${id}/reviews/end_of_year`, { ...text, strengths: 'Changé' });
    expect(late.statusCode).toBe(409);
    expect(late.body).toMatch(/signée/);
    // Nobody signs in another's name, even in the database.
    await expect(
      fx.asOrg(trainee, (trx) =>
        sql`update formative_reviews set tutor_signed_at = now(), tutor_signed_by = ${tutor.userId}::uuid
          where partnership_id = ${id}::uuid and kind = 'end_of_year'`.execute(trx),
      ),
    ).rejects.toThrow(/only the tutor/);
    expect((await tut.post(`/api/formative/${id}/reviews/end_of_year/sign`)).statusCode).toBe(200);
    const done = (await tut.get(`/api/formative/${id}`)).json() as PartnershipView;
    expect(done.reviews.find((r) => r.kind === 'end_of_year')!.tutorSignedAt).not.toBeNull();

    const count = await fx.asOrg(lead, (trx) => rule.count(trx, scope));
    expect(count.total).toBe(1);
    expect(count.byPartner).toEqual([{ orgId: trainee.orgId, n: 1 }]);
    const started = formativeIndicatorRules.find((r) => r.code === 'formative.trainees')!;
    expect((await fx.asOrg(other, (trx) => started.count(trx, scope))).total).toBe(1);
    const records = await fx.asOrg(lead, (trx) => started.records(trx, scope));
    expect(records).toHaveLength(1);
    expect(records[0]!.personId).toBeNull();
    expect(records[0]!.subject).toMatch(/^F-[0-9A-F]{8}$/);
    expect(records[0]!.subject).not.toMatch(/Élise|Formation/);
    // A third organisation sees counts only, never the rows.
    expect(await fx.asOrg(other, (trx) => started.records(trx, scope))).toHaveLength(0);
    // Outside the period: nothing.
    expect((await fx.asOrg(lead, (trx) => started.count(trx, { ...scope, to: '2001-01-01' }))).total).toBe(0);
  });

  it('lets only the partner write its application-year projects', async () => {
    const project = {
      title: 'Potager partagé',
      objectives: 'Créer du lien',
      actions: null,
      participants: 12,
      partners: null,
      results: null,
      status: 'running',
      startsOn: null,
      endsOn: null,
    };
    const stag = await t.login('stagiaire@cpas-binche.example');
    const created = await stag.post(`/api/formative/${id}/projects`, project);
    expect(created.statusCode, created.body).toBe(201);
    expect(
      (await stag.put(`/api/formative/${id}/projects/${created.json().id}`, { ...project, participants: -1 }))
        .statusCode,
    ).toBe(400);
    const tut = await t.login('tutrice@cpas-charleroi.example');
    expect((await tut.post(`/api/formative/${id}/projects`, project)).statusCode).toBe(403);
    expect((await tut.put(`/api/formative/${id}/projects/${created.json().id}`, project)).statusCode).toBe(
      403,
    );
    const updated = await fx.asOrg(lead, (trx) =>
      sql`update formative_projects set participants = 0 where partnership_id = ${id}::uuid`.execute(trx),
    );
    expect(Number(updated.numAffectedRows ?? 0)).toBe(0);
    await expect(
      fx.asOrg(lead, (trx) =>
        sql`insert into formative_projects (partnership_id, org_id, lead_org_id, title)
          values (${id}::uuid, ${trainee.orgId}::uuid, ${lead.orgId}::uuid, 'par le chef de file')`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    const seen = (await tut.get(`/api/formative/${id}`)).json() as PartnershipView;
    expect(seen.projects.map((p) => p.title)).toContain('Potager partagé');

    // The partner turns it into a draft good-practice sheet (practices module), once; the lead cannot.
    const practiceUrl = `/api/formative/${id}/projects/${created.json().id}/practice`;
    expect((await tut.post(practiceUrl)).statusCode).toBe(403);
    const sheet = await stag.post(practiceUrl);
    expect(sheet.statusCode, sheet.body).toBe(201);
    expect((await stag.post(practiceUrl)).statusCode).toBe(409);
    const drafted = await fx.asOrg(trainee, (trx) =>
      sql<{ source_kind: string; source_id: string; org_id: string }>`select source_kind, source_id, org_id
        from practice_sheets where id = ${sheet.json().id}::uuid`.execute(trx),
    );
    expect(drafted.rows[0]).toEqual({
      source_kind: 'formative_project',
      source_id: created.json().id,
      org_id: trainee.orgId,
    });
    const mine = (await stag.get(`/api/formative/${id}`)).json() as PartnershipView;
    expect(mine.projects.find((p) => p.id === created.json().id)?.practiceId).toBe(sheet.json().id);
  });

  it('lets the lead create a partnership only if its municipality has more than 150,000 inhabitants', async () => {
    const coord = await t.login('coordination@cpas-charleroi.example');
    const opts = (await coord.get('/api/formative/options')).json();
    expect(opts.eligibility).toEqual({ population: 202746, eligible: true });
    const programme = opts.programmes.find((p: { partners: { id: string }[] }) =>
      p.partners.some((x) => x.id === trainee.orgId),
    );
    const body = {
      programmeId: programme.id,
      partnerOrgId: trainee.orgId,
      hostUnitId: view.partnership.unit.id,
      tutorUserId: tutor.userId,
      traineeEmail: 'stagiaire@cpas-binche.example',
      immersionStartsOn: '2027-01-04',
      immersionEndsOn: '2027-12-31',
      applicationStartsOn: '2028-01-03',
      applicationEndsOn: '2028-12-29',
      conventionOn: '2026-10-07',
      fundingOrderOn: null,
      hiredOn: null,
      plan: opts.modules.map((m: { id: string }) => ({ moduleId: m.id, plannedHours: 100 })),
    };
    const overlap = await coord.post('/api/formative', { ...body, applicationStartsOn: '2027-06-01' });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.body).toMatch(/année d’application commence après/);
    const nobody = await coord.post('/api/formative', {
      ...body,
      traineeEmail: 'personne@cpas-binche.example',
    });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.body).toMatch(/adresse e-mail/);
    const created = await coord.post('/api/formative', body);
    expect(created.statusCode, created.body).toBe(201);
    // The partner sees it; its staff cannot edit it.
    const stag = await t.login('stagiaire@cpas-binche.example');
    expect(((await stag.get('/api/formative')).json() as PartnershipList).items).toHaveLength(3);
    const { plan: _plan, programmeId: _p, partnerOrgId: _o, traineeEmail: _e, ...edit } = body;
    expect((await stag.put(`/api/formative/${created.json().id}`, edit)).statusCode).toBe(403);
    expect(
      (await coord.put(`/api/formative/${created.json().id}`, { ...edit, hiredOn: '2026-11-02' })).statusCode,
    ).toBe(200);

    // CPAS Mouscron (fewer than 150,000 inhabitants) may not lead one: a translated 400.
    const mouscron = await t.login('coordination@cpas-mouscron.example');
    const small = await mouscron.post('/api/formative', body);
    expect(small.statusCode).toBe(400);
    expect(small.body).toMatch(/150[\s\u202f\u00a0]000 habitants/);
    expect((await mouscron.get('/api/formative/options')).json().eligibility.eligible).toBe(false);
    // A referent (no formative.manage) cannot create.
    expect((await stag.post('/api/formative', body)).statusCode).toBe(403);
  });
});
