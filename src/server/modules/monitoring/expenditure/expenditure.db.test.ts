import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import type {
  DeclarationView,
  ExpenditureOverview,
  ItemInput,
} from '../../../../common/monitoring/expenditure-schemas';
import { agreementFixtures } from '../../placements/reminders/fixtures.testing';

/**
 * Expenditure declarations on both engines: the partner declares and submits (then cannot change it), the
 * lead reviews item by item, closes the review or re-opens with a reason; another partner of the same
 * programme sees only the sums, neither the items through the API nor in the database.
 */
let t: TestApp;
let fx: ReturnType<typeof agreementFixtures>;
let programmeId: string;
let lead: { userId: string; orgId: string };
let partner: { userId: string; orgId: string };
let other: { userId: string; orgId: string };

beforeAll(async () => {
  t = await createTestApp();
  fx = agreementFixtures(t);
  lead = await fx.member('coordination@udccas-nord.example');
  partner = await fx.member('financien@ocmw-kortrijk.example');
  other = await fx.member('coordination@cpas-mouscron.example');
  programmeId = await fx.createProgramme(lead.orgId, 'EXP-T');
  for (const org of [partner.orgId, other.orgId])
    await sql`insert into programme_partners (programme_id, partner_org_id, org_id, role)
      values (${programmeId}::uuid, ${org}::uuid, ${lead.orgId}::uuid, 'partner')`.execute(fx.db);
});
afterAll(async () => t?.close());

const item = (over: Partial<ItemInput> = {}): ItemInput => ({
  category: 'travel',
  actionId: null,
  description: 'Treinreizen Kortrijk–Rijsel',
  supplier: 'NMBS',
  invoiceNumber: 'NB-1',
  invoiceDate: '2025-05-12',
  paidOn: '2025-06-02',
  amount: '386.40',
  proofRef: 'stuk 2025/0412',
  ...over,
});

describe('expenditure declarations', () => {
  let declId: string;
  let items: string[];

  it('lets the partner declare items in a draft and refuses bad input with translated errors', async () => {
    const fin = await t.login('financien@ocmw-kortrijk.example');
    const created = await fin.post(`/api/programmes/${programmeId}/expenditure`, { period: '2025' });
    expect(created.statusCode, created.body).toBe(201);
    declId = created.json().id;
    expect(
      (await fin.post(`/api/programmes/${programmeId}/expenditure`, { period: '2025' })).statusCode,
    ).toBe(409);
    items = [];
    for (const i of [item({ category: 'staff', amount: '1000.00' }), item(), item({ amount: '640.00' })]) {
      const r = await fin.post(`/api/expenditure/${declId}/items`, i);
      expect(r.statusCode, r.body).toBe(201);
      items.push(r.json().id);
    }
    const bad = await fin.post(`/api/expenditure/${declId}/items`, item({ paidOn: '2025-01-01' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/betaal|factu/i);
    const view = (await fin.get(`/api/expenditure/${declId}`)).json() as DeclarationView;
    expect(view.canEdit).toBe(true);
    expect(view.items.map((i) => i.amount)).toEqual(['1000.00', '386.40', '640.00']);
    // A referent of the same organisation reads nothing of it (no `indicators.view`).
    const referent = await t.login('trajectbegeleider@ocmw-kortrijk.example');
    expect((await referent.get(`/api/expenditure/${declId}`)).statusCode).toBe(403);
    // The finance officer who declares sees no person of the centre: no caseload, no shared persons.
    expect((await fin.get('/api/people')).statusCode).toBe(403);
    expect((await fin.get('/api/placements')).statusCode).toBe(403);
  });

  it('hides a draft from the lead, and every item from another partner (API and database)', async () => {
    const coord = await t.login('coordination@udccas-nord.example');
    expect((await coord.get(`/api/expenditure/${declId}`)).statusCode).toBe(404);
    const mouscron = await t.login('coordination@cpas-mouscron.example');
    expect((await mouscron.get(`/api/expenditure/${declId}`)).statusCode).toBe(404);
    expect((await mouscron.post(`/api/expenditure/${declId}/items`, item())).statusCode).toBe(404);
    const rows = await fx.asOrg(other, (trx) =>
      sql`select id from expenditure_items where declaration_id = ${declId}::uuid`.execute(trx),
    );
    expect(rows.rows).toHaveLength(0);
    const updated = await fx.asOrg(other, (trx) =>
      sql`update expenditure_items set amount_cents = 1 where declaration_id = ${declId}::uuid`.execute(trx),
    );
    expect(Number(updated.numAffectedRows ?? 0)).toBe(0);
    await expect(
      fx.asOrg(other, (trx) =>
        sql`insert into expenditure_items (declaration_id, org_id, lead_org_id, category, description,
          amount_cents) values (${declId}::uuid, ${partner.orgId}::uuid, ${lead.orgId}::uuid, 'staff',
          'intrus', 100)`.execute(trx),
      ),
      // The guard finds no declaration it may see (read-only) before the policy refuses the row.
    ).rejects.toThrow(/row-level security|read-only/);
    await expect(
      fx.asOrg(other, (trx) =>
        sql`insert into expenditure_declarations (programme_id, org_id, lead_org_id, period)
          values (${programmeId}::uuid, ${partner.orgId}::uuid, ${lead.orgId}::uuid, '2026')`.execute(trx),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('makes a submitted declaration read-only for the partner, even in the database', async () => {
    const fin = await t.login('financien@ocmw-kortrijk.example');
    expect((await fin.post(`/api/expenditure/${declId}/submit`)).statusCode).toBe(200);
    const view = (await fin.get(`/api/expenditure/${declId}`)).json() as DeclarationView;
    expect(view.declaration.status).toBe('submitted');
    expect(view.canEdit).toBe(false);
    expect((await fin.post(`/api/expenditure/${declId}/items`, item())).statusCode).toBe(409);
    expect((await fin.put(`/api/expenditure/${declId}/items/${items[1]}`, item())).statusCode).toBe(409);
    await expect(
      fx.asOrg(partner, (trx) =>
        sql`update expenditure_items set amount_cents = 1 where id = ${items[1]}::uuid`.execute(trx),
      ),
    ).rejects.toThrow(/read-only/);
    // Nor may the partner review its own items.
    await expect(
      fx.asOrg(partner, (trx) =>
        sql`update expenditure_items set review_status = 'accepted' where id = ${items[1]}::uuid`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow(/only the lead/);
  });

  it('lets the lead review item by item, writing the review fields only, and close the review', async () => {
    const coord = await t.login('coordination@udccas-nord.example');
    const base = `/api/expenditure/${declId}/items`;
    const noReason = await coord.post(`${base}/${items[1]}/review`, {
      status: 'corrected',
      correctedAmount: '322.00',
      reason: null,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toMatch(/raison|motif/i);
    expect(
      (
        await coord.post(`${base}/${items[0]}/review`, {
          status: 'accepted',
          correctedAmount: null,
          reason: null,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await coord.post(`${base}/${items[1]}/review`, {
          status: 'corrected',
          correctedAmount: '322.00',
          reason: 'Un aller-retour hors des journées d’échange.',
        })
      ).statusCode,
    ).toBe(200);
    expect((await coord.post(`/api/expenditure/${declId}/reviewed`)).statusCode).toBe(409);
    await expect(
      fx.asOrg(lead, (trx) =>
        sql`update expenditure_items set amount_cents = 1 where id = ${items[2]}::uuid`.execute(trx),
      ),
    ).rejects.toThrow(/read-only/);
    expect(
      (
        await coord.post(`${base}/${items[2]}/review`, {
          status: 'rejected',
          correctedAmount: null,
          reason: 'Pas de pièce justificative.',
        })
      ).statusCode,
    ).toBe(200);
    expect((await coord.post(`/api/expenditure/${declId}/reviewed`)).statusCode).toBe(200);
    const overview = (
      await coord.get(`/api/programmes/${programmeId}/expenditure`)
    ).json() as ExpenditureOverview;
    expect(overview.toReview.map((d) => d.status)).toEqual(['reviewed']);
  });

  it('shows another partner the sums only', async () => {
    const mouscron = await t.login('coordination@cpas-mouscron.example');
    const o = (
      await mouscron.get(`/api/programmes/${programmeId}/expenditure`)
    ).json() as ExpenditureOverview;
    expect(o.mine).toEqual([]);
    expect(o.toReview).toEqual([]);
    expect(o.absorption.byPartner.find((r) => r.key === partner.orgId)).toMatchObject({
      declared: '2026.40',
      accepted: '1322.00',
    });
    const outsider = await t.login('tuteur@atelier-roubaix.example');
    expect(
      (await outsider.get(`/api/programmes/${programmeId}/expenditure`)).statusCode,
    ).toBeGreaterThanOrEqual(403);
    const sums = await fx.asOrg(await fx.member('direction@atelier-roubaix.example'), (trx) =>
      sql`select * from app.expenditure_totals(${programmeId}::uuid)`.execute(trx),
    );
    expect(sums.rows).toHaveLength(0);
  });

  it('re-opens only with a reason, by the lead; the partner edits again and the item goes back to review', async () => {
    const fin = await t.login('financien@ocmw-kortrijk.example');
    expect((await fin.post(`/api/expenditure/${declId}/reopen`, { reason: 'Mijn fout' })).statusCode).toBe(
      403,
    );
    const coord = await t.login('coordination@udccas-nord.example');
    expect((await coord.post(`/api/expenditure/${declId}/reopen`, { reason: '' })).statusCode).toBe(400);
    expect(
      (await coord.post(`/api/expenditure/${declId}/reopen`, { reason: 'Ajoutez la pièce de l’interprète.' }))
        .statusCode,
    ).toBe(200);
    const r = await fin.put(
      `/api/expenditure/${declId}/items/${items[2]}`,
      item({ proofRef: 'stuk 2025/0698' }),
    );
    expect(r.statusCode, r.body).toBe(200);
    // The partner cannot erase the lead's reason nor forge a submission in its draft.
    for (const set of [sql`reopen_reason = null`, sql`submitted_at = now()`])
      await expect(
        fx.asOrg(partner, (trx) =>
          sql`update expenditure_declarations set ${set} where id = ${declId}::uuid`.execute(trx),
        ),
      ).rejects.toThrow(/lead|partner only/);
    const view = (await fin.get(`/api/expenditure/${declId}`)).json() as DeclarationView;
    expect(view.declaration.reopenReason).toBe('Ajoutez la pièce de l’interprète.');
    expect(view.items.map((i) => i.review.status)).toEqual(['accepted', 'corrected', 'pending']);
    expect((await fin.del(`/api/expenditure/${declId}/items/${items[2]}`)).statusCode).toBe(200);
  });
});

describe('demo expenditure', () => {
  it("has Kortrijk's submitted 2025 declaration reviewed in part, and Mouscron's draft", async () => {
    const id = (
      await sql<{ id: string }>`select id from programmes where acronym = 'SAM-E suite'`.execute(fx.db)
    ).rows[0]!.id;
    const fin = await t.login('financien@ocmw-kortrijk.example');
    const o = (await fin.get(`/api/programmes/${id}/expenditure`)).json() as ExpenditureOverview;
    expect(o.mine.map((d) => [d.period, d.status])).toEqual([['2025', 'submitted']]);
    const d = (await fin.get(`/api/expenditure/${o.mine[0]!.id}`)).json() as DeclarationView;
    expect(d.items.map((i) => i.review.status)).toEqual(['accepted', 'corrected', 'pending']);
    expect(d.office?.rate).toBe('15');
    const coord = await t.login('coordination@udccas-nord.example');
    const lead = (await coord.get(`/api/programmes/${id}/expenditure`)).json() as ExpenditureOverview;
    expect(lead.toReview).toHaveLength(1);
    const mouscron = await t.login('coordination@cpas-mouscron.example');
    const m = (await mouscron.get(`/api/programmes/${id}/expenditure`)).json() as ExpenditureOverview;
    expect(m.mine.map((x) => x.status)).toEqual(['draft']);
  });
});
