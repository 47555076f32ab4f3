import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import type { AttentionItem } from '../../../../common/dashboard/attention';
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
    // Walk-through finding 4: the list carries what the lead accepted (1 000,00 + 322,00), and the short name.
    expect(overview.toReview[0]).toMatchObject({
      declared: '2026.40',
      accepted: '1322.00',
      orgShortName: 'OCMW Kortrijk',
    });
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

describe('who is told of a declaration (walk-through finding 1)', () => {
  type Mail = {
    to_address: string;
    locale: string;
    subject: string;
    body_text: string;
    org_id: string | null;
  };
  /** The outbox of the expenditure mails, once the notifications of the events recorded so far ran. */
  const outbox = async (): Promise<Mail[]> => {
    while ((await t.deps.jobs.runDue(50)) > 0);
    return (
      await sql<Mail>`select to_address, locale, subject, body_text, org_id from mail_outbox
        where template like 'monitoring.expenditure.%' order by created_at, to_address`.execute(fx.db)
    ).rows;
  };
  /** The mails of a template about one declaration (its link is in the body). */
  const sent = async (template: string, id: string) => {
    while ((await t.deps.jobs.runDue(50)) > 0);
    return (
      await sql<Mail>`select to_address, locale, subject, body_text, org_id from mail_outbox
        where template = ${template} order by to_address`.execute(fx.db)
    ).rows.filter((m) => m.body_text.includes(`/app/expenditure/${id}`));
  };
  const attention = async (email: string) =>
    ((await (await t.login(email)).get('/api/dashboard')).json() as { items: AttentionItem[] }).items.filter(
      (i) => i.key.startsWith('monitoring.expenditure.attention.'),
    );

  it('mails the lead on submit, the partner on close and re-open, each in its language, and nobody else', async () => {
    await outbox();
    const before = (await outbox()).length;
    const fin = await t.login('financien@ocmw-kortrijk.example');
    const created = await fin.post(`/api/programmes/${programmeId}/expenditure`, { period: 'MAIL-1' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const added = await fin.post(`/api/expenditure/${id}/items`, item({ amount: '1234.56' }));
    expect(added.statusCode, added.body).toBe(201);
    expect((await fin.post(`/api/expenditure/${id}/submit`)).statusCode).toBe(200);

    // The lead's coordinator, in French, in the lead's own outbox, with a link and no amount nor person.
    const submitted = await sent('monitoring.expenditure.submitted', id);
    expect(submitted.map((m) => [m.to_address, m.locale, m.org_id])).toEqual([
      ['coordination@udccas-nord.example', 'fr', lead.orgId],
    ]);
    expect(submitted[0]?.subject).toContain('MAIL-1');
    expect(submitted[0]?.subject).toContain('OCMW Kortrijk');
    expect(submitted[0]?.body_text).toContain(`/app/expenditure/${id}`);
    // Its home page counts the declaration to review and opens it.
    const leadItems = await attention('coordination@udccas-nord.example');
    const toReview = leadItems.find((i) => i.key === 'monitoring.expenditure.attention.to_review');
    expect(toReview?.count).toBeGreaterThanOrEqual(1);
    expect(toReview?.link).toMatch(/^\/app\/expenditure\/[0-9a-f-]{36}$/);

    const coord = await t.login('coordination@udccas-nord.example');
    const itemId = ((await coord.get(`/api/expenditure/${id}`)).json() as DeclarationView).items[0]!.id;
    expect(
      (
        await coord.post(`/api/expenditure/${id}/items/${itemId}/review`, {
          status: 'accepted',
          correctedAmount: null,
          reason: null,
        })
      ).statusCode,
    ).toBe(200);
    expect((await coord.post(`/api/expenditure/${id}/reviewed`)).statusCode).toBe(200);
    await outbox();
    const reviewed = await sent('monitoring.expenditure.reviewed', id);
    // The partner's finance officer, in Dutch, in the partner's outbox.
    expect(reviewed.map((m) => [m.to_address, m.locale, m.org_id])).toEqual([
      ['financien@ocmw-kortrijk.example', 'nl', partner.orgId],
    ]);
    expect(reviewed[0]?.subject).toMatch(/nazicht .*MAIL-1 afgesloten/);

    expect(
      (await coord.post(`/api/expenditure/${id}/reopen`, { reason: 'Factuur van Jan Fictief ontbreekt' }))
        .statusCode,
    ).toBe(200);
    await outbox();
    const reopened = await sent('monitoring.expenditure.reopened', id);
    expect(reopened.map((m) => [m.to_address, m.locale, m.org_id])).toEqual([
      ['financien@ocmw-kortrijk.example', 'nl', partner.orgId],
    ]);
    expect(reopened[0]?.body_text).toContain(`/app/expenditure/${id}`);
    // The partner's home page says it is back in its hands.
    const finItems = await attention('financien@ocmw-kortrijk.example');
    // This one and the walk-through's declaration re-opened above; the link opens the one waiting longest.
    const back = finItems.find((i) => i.key === 'monitoring.expenditure.attention.reopened');
    expect(back).toMatchObject({ count: 2, severity: 'high' });
    expect(back?.link).toMatch(/^\/app\/expenditure\/[0-9a-f-]{36}$/);

    const mails = (await outbox()).slice(before);
    // Only the three mails of this declaration (the walk-through's declaration above was mailed already).
    expect(mails.map((m) => m.body_text.includes(`/app/expenditure/${id}`))).toEqual([true, true, true]);
    for (const m of mails) {
      // No amount, no reason, no person.
      expect(`${m.subject} ${m.body_text}`).not.toMatch(/1234|1\.234|234,56|€|Fictief|Mieke|Camille/);
      // Nobody of another organisation (Mouscron, another partner of the programme) hears of it.
      expect(m.to_address).not.toMatch(/mouscron/);
    }
    expect(await attention('coordination@cpas-mouscron.example')).toEqual([]);
  });

  it('mails a partner without a finance officer at its coordinators', async () => {
    const mouscron = await t.login('coordination@cpas-mouscron.example');
    const created = await mouscron.post(`/api/programmes/${programmeId}/expenditure`, { period: 'MAIL-2' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect((await mouscron.post(`/api/expenditure/${id}/items`, item())).statusCode).toBe(201);
    expect((await mouscron.post(`/api/expenditure/${id}/submit`)).statusCode).toBe(200);
    const coord = await t.login('coordination@udccas-nord.example');
    expect(
      (await coord.post(`/api/expenditure/${id}/reopen`, { reason: 'Pièce manquante' })).statusCode,
    ).toBe(200);
    await outbox();
    const reopened = await sent('monitoring.expenditure.reopened', id);
    expect(reopened.map((m) => [m.to_address, m.locale, m.org_id])).toEqual([
      ['coordination@cpas-mouscron.example', 'fr', other.orgId],
    ]);
    expect(reopened[0]?.subject).toBe('samen : déclaration de dépenses MAIL-2 rouverte (EXP-T)');
    // Kortrijk's finance officer is not told of Mouscron's declaration.
    expect(
      (await sent('monitoring.expenditure.reopened', id)).filter(
        (m) => m.to_address === 'financien@ocmw-kortrijk.example',
      ),
    ).toEqual([]);
    expect(
      (await attention('financien@ocmw-kortrijk.example')).find(
        (i) => i.key === 'monitoring.expenditure.attention.reopened',
      )?.link,
    ).not.toBe(`/app/expenditure/${id}`);
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
