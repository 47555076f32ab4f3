import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import { systemClock } from '../../../../common/kernel/clock';
import type {
  LinkView,
  NetworkLinks,
  ServiceLinks,
  UseList,
} from '../../../../common/network/service-links-schemas';
import { referralFixtures } from '../../people/referrals/fixtures.testing';
import { serviceLinkIndicatorRules } from './indicators';

const available = await engineAvailable();

/**
 * The cross-border services network on both engines (issue 13): the demo's links; a link proposed by one
 * organisation and accepted by the partner's only, between two countries only; ending; monthly use counts
 * written and read by the providing organisation only; the database refusing the same moves whatever the
 * caller sends; and the counting rules of indicators 4 and 6.
 */
describe.skipIf(!available)('cross-border services network', () => {
  let t: TestApp;
  let fx: ReturnType<typeof referralFixtures>;
  let tourcoing: Client;
  let menen: Client;
  let mouscron: Client;
  const svc: Record<string, string> = {};
  const today = systemClock.today();
  const thisMonth = today.slice(0, 7);

  const serviceId = async (title: string) =>
    (await sql<{ id: string }>`select id from services where title_fr = ${title}`.execute(fx.db)).rows[0]!.id;

  beforeAll(async () => {
    t = await createTestApp();
    fx = referralFixtures(t);
    tourcoing = await t.login('immersions@ccas-tourcoing.example');
    menen = await t.login('diensthoofd@ocmw-menen.example');
    mouscron = await t.login('coordination@cpas-mouscron.example');
    svc.ecoute = await serviceId('Écoute psychologique sans rendez-vous');
    svc.francais = await serviceId('Cours de français pour néerlandophones');
    svc.neerlandais = await serviceId('Cours de néerlandais pour francophones');
    svc.dettes = await serviceId('Permanence transfrontalière de médiation de dettes');
  });
  afterAll(async () => t?.close());

  const linksOf = async (c: Client, id: string) => {
    const r = await c.get(`/api/services/${id}/links`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as ServiceLinks;
  };

  it('lists the demo’s active links network-wide and a proposal waiting for Menen', async () => {
    const all = (await mouscron.get('/api/service-links')).json() as NetworkLinks;
    const pairs = all.items.map((l) => [l.self.orgNameFr, l.partner.orgNameFr].join(' ↔ '));
    expect(pairs.length).toBe(3);
    expect(all.items.every((l) => l.status === 'active' && l.self.country !== l.partner.country)).toBe(true);
    const ofMenen = await linksOf(menen, svc.francais!);
    expect(ofMenen.canManage).toBe(true);
    const proposal = ofMenen.items.find((l) => l.status === 'proposed')!;
    expect(proposal.partner.serviceId).toBe(svc.neerlandais);
    expect([proposal.canAccept, proposal.canEnd]).toEqual([true, true]);
    // Seen by a third organisation: readable, no move offered.
    const seen = await linksOf(mouscron, svc.francais!);
    expect(seen.canManage).toBe(false);
    expect(seen.items.every((l) => !l.canAccept && !l.canEnd)).toBe(true);
    expect((await t.anonymous.get('/api/service-links')).statusCode).toBe(401);
  });

  let linkId = '';
  it('is proposed by one organisation and accepted by the partner’s only', async () => {
    const propose = (c: Client, from: string, body: Record<string, unknown>) =>
      c.post(`/api/services/${from}/links`, body);
    const body = { partnerServiceId: svc.francais, since: '2026-01-01', accepts: ['orientation'] };
    // Same country (Tourcoing → Lille), another organisation's service, no permission: refused.
    const same = await propose(tourcoing, svc.ecoute!, { ...body, partnerServiceId: svc.neerlandais });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.message).toMatch(/pays différents/);
    expect((await propose(mouscron, svc.ecoute!, body)).statusCode).toBe(403);
    const referent = await t.login('referent@cpas-mouscron.example');
    expect((await propose(referent, svc.dettes!, body)).statusCode).toBe(403);
    for (const bad of [
      { ...body, note: 'x\u0000' },
      { ...body, until: '2025-12-31' },
      { ...body, accepts: ['everything'] },
      { ...body, extra: 1 },
      { ...body, partnerServiceId: '00000000-0000-4000-8000-000000000000' },
      { ...body, since: 'soon' },
    ]) {
      const r = await propose(tourcoing, svc.ecoute!, bad);
      expect(r.statusCode, JSON.stringify(bad)).toBe(400);
      expect(r.json().error.message).toBeTruthy();
    }
    const created = await propose(tourcoing, svc.ecoute!, { ...body, note: 'Orientations réciproques' });
    expect(created.statusCode, created.body).toBe(201);
    const link = created.json() as LinkView;
    linkId = link.id;
    expect([link.status, link.canAccept, link.canEnd]).toEqual(['proposed', false, true]);
    expect((await propose(tourcoing, svc.ecoute!, body)).statusCode).toBe(409);
    // From the partner's side, the same pair is already proposed.
    expect((await propose(menen, svc.francais!, { ...body, partnerServiceId: svc.ecoute })).statusCode).toBe(
      409,
    );

    const accept = (c: Client, via: string) =>
      c.post(`/api/services/${via}/links/${linkId}/accept`, { accepts: ['orientation', 'residents'] });
    expect((await accept(tourcoing, svc.ecoute!)).statusCode).toBe(403);
    expect((await accept(mouscron, svc.francais!)).statusCode).toBe(403);
    // Through a service the link does not join: not found.
    expect((await accept(menen, svc.dettes!)).statusCode).toBe(404);
    const ok = await accept(menen, svc.francais!);
    expect(ok.statusCode, ok.body).toBe(200);
    const active = ok.json() as LinkView;
    expect(active.status).toBe('active');
    expect(active.self.accepts).toEqual(['orientation', 'residents']);
    expect(active.partner.accepts).toEqual(['orientation']);
    expect((await accept(menen, svc.francais!)).statusCode).toBe(409);
  });

  it('lets the database refuse the wrong side’s moves and two services of one country', async () => {
    const [tc, mn, mc] = [
      await fx.member('immersions@ccas-tourcoing.example'),
      await fx.member('diensthoofd@ocmw-menen.example'),
      await fx.member('coordination@cpas-mouscron.example'),
    ];
    const affected = async (m: typeof tc, q: ReturnType<typeof sql>) =>
      Number((await fx.asOrg(m, (trx) => q.execute(trx))).numAffectedRows ?? 0);
    // A third organisation changes nothing.
    expect(await affected(mc, sql`update service_links set note = 'Piraté' where id = ${linkId}::uuid`)).toBe(
      0,
    );
    // Each side writes its own terms only.
    await expect(
      fx.asOrg(tc, (trx) =>
        sql`update service_links set partner_accepts = '{}' where id = ${linkId}::uuid`.execute(trx),
      ),
    ).rejects.toThrow();
    // A proposal is accepted by the other side, never by its proposer.
    const proposed = (
      await sql<{ id: string }>`select id from service_links where status = 'proposed'
        and partner_service_id = ${svc.francais}::uuid`.execute(fx.db)
    ).rows[0]!.id;
    const lille = (
      await sql<{ org_id: string }>`select org_id from services where id = ${svc.neerlandais}::uuid`.execute(
        fx.db,
      )
    ).rows[0]!.org_id;
    const lilleMember = (
      await sql<{
        user_id: string;
      }>`select user_id from memberships where org_id = ${lille}::uuid limit 1`.execute(fx.db)
    ).rows[0]!.user_id;
    await expect(
      fx.asOrg({ userId: lilleMember, orgId: lille }, (trx) =>
        sql`update service_links set status = 'active', accepted_at = now() where id = ${proposed}::uuid`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow();
    // Proposing in another organisation's name, or between two Belgian services.
    await expect(
      fx.asOrg(mc, (trx) =>
        sql`insert into service_links (service_id, partner_service_id, proposed_by_org_id, since)
          values (${svc.ecoute}::uuid, ${svc.dettes}::uuid, ${tc.orgId}::uuid, '2026-01-01')`.execute(trx),
      ),
    ).rejects.toThrow();
    await expect(
      fx.asOrg(mn, (trx) =>
        sql`insert into service_links (service_id, partner_service_id, proposed_by_org_id, since)
          values (${svc.francais}::uuid, ${svc.dettes}::uuid, ${mn.orgId}::uuid, '2026-01-01')`.execute(trx),
      ),
    ).rejects.toThrow(/two countries/);
    await expect(
      sql`insert into service_links (service_id, partner_service_id, org_id, partner_org_id, proposed_by_org_id,
          since) select ${svc.francais}::uuid, ${svc.dettes}::uuid, org_id, org_id, org_id, '2026-01-01'
        from services where id = ${svc.francais}::uuid`.execute(fx.db),
    ).rejects.toThrow(/two countries/);
    // No one deletes a link.
    await expect(
      fx.asOrg(tc, (trx) => sql`delete from service_links where id = ${linkId}::uuid`.execute(trx)),
    ).rejects.toThrow();
  });

  it('records monthly use by the providing organisation only', async () => {
    const put = (c: Client, id: string, body: Record<string, unknown>) =>
      c.put(`/api/services/${id}/cross-border-use`, body);
    const saved = await put(tourcoing, svc.ecoute!, {
      month: thisMonth,
      persons: 5,
      participantCodes: ['AB12-CD34-EF56-GH78'],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().homeCountry).toBe('BE');
    // Recorded again: replaced, not added.
    expect((await put(tourcoing, svc.ecoute!, { month: thisMonth, persons: 6 })).statusCode).toBe(200);
    expect((await put(menen, svc.francais!, { month: thisMonth, persons: 3 })).statusCode).toBe(200);
    const list = (await tourcoing.get(`/api/services/${svc.ecoute}/cross-border-use`)).json() as UseList;
    expect(list.items[0]).toEqual({ month: thisMonth, homeCountry: 'BE', persons: 6, participantCodes: [] });
    // The demo's six past months are there too.
    expect(list.items.length).toBe(7);
    expect((await put(menen, svc.ecoute!, { month: thisMonth, persons: 1 })).statusCode).toBe(403);
    expect((await menen.get(`/api/services/${svc.ecoute}/cross-border-use`)).statusCode).toBe(403);
    const next = new Date(`${thisMonth}-01T00:00:00Z`);
    next.setUTCMonth(next.getUTCMonth() + 1);
    for (const bad of [
      { month: next.toISOString().slice(0, 7), persons: 1 },
      { month: thisMonth, persons: 1, participantCodes: ['AB12-CD34-EF56-GH78', 'ZZ12-CD34-EF56-GH78'] },
      { month: thisMonth, persons: 1, participantCodes: ['Jean Dupont'] },
      { month: '2026-13', persons: 1 },
      { month: thisMonth, persons: -1 },
    ]) {
      const r = await put(tourcoing, svc.ecoute!, bad);
      expect(r.statusCode, JSON.stringify(bad)).toBe(400);
      expect(r.json().error.message).toBeTruthy();
    }

    const [tc, mc] = [
      await fx.member('immersions@ccas-tourcoing.example'),
      await fx.member('coordination@cpas-mouscron.example'),
    ];
    const seen = await fx.asOrg(mc, (trx) =>
      sql<{ n: string }>`select count(*) as n from service_cross_border_use
        where service_id = ${svc.ecoute}::uuid`.execute(trx),
    );
    expect(Number(seen.rows[0]!.n)).toBe(0);
    // Counting for another organisation's service, even naming it as the owner.
    await expect(
      fx.asOrg(mc, (trx) =>
        sql`insert into service_cross_border_use (service_id, org_id, month, home_country, persons)
          values (${svc.ecoute}::uuid, ${mc.orgId}::uuid, '2026-01-01', 'BE', 9)`.execute(trx),
      ),
    ).rejects.toThrow();
    const changed = await fx.asOrg(mc, (trx) =>
      sql`update service_cross_border_use set persons = 99 where service_id = ${svc.ecoute}::uuid`.execute(
        trx,
      ),
    );
    expect(Number(changed.numAffectedRows ?? 0)).toBe(0);
    // Persons from the service's own country are not cross-border use.
    await expect(
      fx.asOrg(tc, (trx) =>
        sql`insert into service_cross_border_use (service_id, month, home_country, persons)
          values (${svc.ecoute}::uuid, '2026-01-01', 'FR', 9)`.execute(trx),
      ),
    ).rejects.toThrow();
    const audited = await sql<{ entity: string }>`select distinct entity from audit.log
      where entity in ('service_links', 'service_cross_border_use') order by entity`.execute(fx.db);
    expect(audited.rows.map((r) => r.entity)).toEqual(['service_cross_border_use', 'service_links']);
  });

  it('counts linked services (indicator 6) and the monthly use (indicator 4) of the programme’s members', async () => {
    const lead = await fx.member('coordination@udccas-nord.example');
    const [tc, mn] = [
      await fx.member('immersions@ccas-tourcoing.example'),
      await fx.member('diensthoofd@ocmw-menen.example'),
    ];
    const programmeId = (
      await sql<{
        id: string;
      }>`insert into programmes (org_id, acronym, name_fr, name_nl, funds, starts_on, ends_on)
        values (${lead.orgId}::uuid, 'SL-T', 'Programme SL', 'Programma SL', array['own'], '2026-01-01',
          '2028-12-31') returning id`.execute(fx.db)
    ).rows[0]!.id;
    for (const org of [tc.orgId, mn.orgId])
      await sql`insert into programme_partners (programme_id, partner_org_id, org_id, role)
        values (${programmeId}::uuid, ${org}::uuid, ${lead.orgId}::uuid, 'partner')`.execute(fx.db);
    const [linked, use] = serviceLinkIndicatorRules;
    const run = (from: string, to: string) =>
      fx.asOrg(lead, async (trx) => {
        const scope = { programmeId, from, to, params: {} };
        return {
          linked: await linked!.count(trx, scope),
          linkedRows: await linked!.records(trx, scope),
          use: await use!.count(trx, scope),
          useRows: await use!.records(trx, scope),
        };
      });
    const now = await run(`${thisMonth}-01`, today);
    // Tourcoing's listening service (demo link with Mouscron, and the new one with Menen) and Menen's course
    // (demo link with Halluin): each once. Halluin and Mouscron are not members; Lille's link is a proposal.
    expect(now.linkedRows.map((r) => r.subject).sort()).toEqual([svc.ecoute, svc.francais].sort());
    expect(now.linked).toEqual({
      total: 2,
      byPartner: expect.arrayContaining([
        { orgId: tc.orgId, n: 1 },
        { orgId: mn.orgId, n: 1 },
      ]),
    });
    // This month: the counts recorded above (6 + 3), each partner its own.
    expect(now.use.total).toBe(9);
    expect(now.use.byPartner).toEqual(
      expect.arrayContaining([
        { orgId: tc.orgId, n: 6 },
        { orgId: mn.orgId, n: 3 },
      ]),
    );
    expect(now.useRows.map((r) => r.detail).sort()).toEqual(['BE 6', 'FR 3']);
    // The demo's last six months: Tourcoing 4+5+3+6+7+5 = 30, Menen 2+3+2+4+3+5 = 19.
    const sixAgo = new Date(`${thisMonth}-01T00:00:00Z`);
    sixAgo.setUTCMonth(sixAgo.getUTCMonth() - 6);
    const past = await run(sixAgo.toISOString().slice(0, 10), today);
    expect(past.use.total).toBe(30 + 19 + 9);
    // A partner reads its own monthly rows only; the totals are the same for all.
    const asMenen = await fx.asOrg(mn, async (trx) => {
      const scope = { programmeId, from: `${thisMonth}-01`, to: today, params: {} };
      return { count: await use!.count(trx, scope), rows: await use!.records(trx, scope) };
    });
    expect(asMenen.count.total).toBe(9);
    expect(asMenen.rows.map((r) => r.partnerOrgId)).toEqual([mn.orgId]);

    // Ended: the link no longer counts after its end.
    const ended = await tourcoing.post(`/api/services/${svc.ecoute}/links/${linkId}/end`, {});
    expect(ended.statusCode, ended.body).toBe(200);
    expect((ended.json() as LinkView).until).toBe(today);
    expect((await menen.post(`/api/services/${svc.francais}/links/${linkId}/end`, {})).statusCode).toBe(409);
    const later = await run('2030-01-01', '2030-12-31');
    // Only open-ended demo links remain in force in 2030.
    expect(later.linkedRows.map((r) => r.subject).sort()).toEqual([svc.ecoute, svc.francais].sort());
    const before = await run('2020-01-01', '2020-12-31');
    expect(before.linked.total).toBe(0);
    expect(before.use.total).toBe(0);
  });
});
