import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../test/support/app';
import { engineAvailable } from '../../../../test/support/engine';
import type {
  InitiativeDetail,
  InitiativeInput,
  InitiativeList,
  ProposalList,
  PublicInitiative,
  PublicInitiativeList,
} from '../../../common/initiatives/schemas';
import { withContext } from '../../platform/db/context';
import { referralFixtures } from '../people/referrals/fixtures.testing';

const available = await engineAvailable();

/**
 * Initiatives on both engines (issue 13): the demo's two initiatives, a forum proposal turned into a
 * cross-border initiative by the forum's organiser (once, the link kept), the lead's edits and moves,
 * results by partners, publication in the public directory (no person), and the database keeping another
 * organisation out.
 */
describe.skipIf(!available)('initiatives', () => {
  let t: TestApp;
  let lille: Client;
  let mouscron: Client;
  let other: Client;
  const ids: Record<string, string> = {};
  const input = (more: Partial<InitiativeInput> = {}): InitiativeInput => ({
    titleFr: 'Tandems linguistiques',
    titleNl: 'Taaltandems',
    descriptionFr: 'Des bénévoles des deux pays pratiquent ensemble.',
    descriptionNl: null,
    targetPublic: 'Bénévoles',
    partnerOrgIds: [],
    territoryCodes: ['FR-59350'],
    programmeId: null,
    proposalId: null,
    ...more,
  });
  const system = <T>(fn: Parameters<typeof withContext<T>>[2]) =>
    withContext(t.deps.db, { scope: 'system' }, fn);

  beforeAll(async () => {
    t = await createTestApp();
    lille = await t.login('benevolat@ccas-lille.example');
    mouscron = await t.login('coordination@cpas-mouscron.example');
    other = await t.login('coordination@udccas-nord.example');
    const orgs = await system((trx) =>
      trx.selectFrom('organisations').select(['id', 'municipality_code', 'kind']).execute(),
    );
    ids.lille = orgs.find((o) => o.kind === 'ccas' && o.municipality_code === 'FR-59350')!.id;
    ids.mouscron = orgs.find((o) => o.kind === 'cpas' && o.municipality_code === 'BE-57096')!.id;
  });
  afterAll(async () => t?.close());

  it('lists the demo initiatives for the network, cross-border computed, with filters', async () => {
    const r = await other.get('/api/initiatives');
    expect(r.statusCode, r.body).toBe(200);
    const list = r.json() as InitiativeList;
    const cross = list.items.find((i) => i.titleFr === 'Transport solidaire transfrontalier')!;
    const local = list.items.find((i) => i.titleNl === 'Buurtsoep')!;
    expect(cross).toMatchObject({ status: 'running', crossBorder: true, published: true });
    expect(cross.territories.map((x) => x.code).sort()).toEqual(['BE-57096', 'FR-59350']);
    expect(local).toMatchObject({ status: 'preparing', crossBorder: false });
    const only = (await other.get('/api/initiatives?crossBorder=true')).json() as InitiativeList;
    expect(only.items.every((i) => i.crossBorder)).toBe(true);
    const menen = (await other.get('/api/initiatives?municipality=BE-34027')).json() as InitiativeList;
    expect(menen.items.map((i) => i.titleNl)).toEqual(['Buurtsoep']);
    const bad = await other.get('/api/initiatives?municipality=Lille');
    expect(bad.statusCode).toBe(400);
    ids.cross = cross.id;
    ids.local = local.id;
  });

  it('shows the initiative page with its proposal, results and volunteers (names only to those who may)', async () => {
    const asLille = (await lille.get(`/api/initiatives/${ids.cross}`)).json() as InitiativeDetail;
    expect(asLille.proposal?.title).toContain('Transport solidaire');
    expect(asLille.results).toHaveLength(2);
    expect(asLille.volunteerTotals).toEqual({ volunteers: 2, hours: 10.5 });
    expect(asLille.assignments.map((a) => a.volunteerName)).toEqual(['Léa Fictive-Desmet']);
    expect(asLille.canEdit).toBe(true);
    expect(asLille.actions.map((a) => a.action).sort()).toEqual(['abandon', 'end']);
    const asOther = (await other.get(`/api/initiatives/${ids.cross}`)).json() as InitiativeDetail;
    expect(asOther.assignments).toEqual([]);
    expect(asOther.volunteerTotals.volunteers).toBe(2);
    expect(asOther).toMatchObject({ canEdit: false, canAddResult: false, actions: [] });
  });

  it('lets the forum organiser record a proposal and turn it into a cross-border initiative, once', async () => {
    const events = await system((trx) =>
      trx
        .selectFrom('forum_events')
        .select('id')
        .where('org_id', '=', ids.lille!)
        .where('status', '=', 'published')
        .orderBy('starts_at', 'desc')
        .execute(),
    );
    ids.event = events[0]!.id;
    const url = `/api/events/${ids.event}/proposals`;
    const made = await lille.post(url, {
      title: 'Repair café frontalier',
      description: null,
      language: 'fr',
    });
    expect(made.statusCode, made.body).toBe(201);
    ids.proposal = made.json().id;
    // Only the organiser records proposals; the network reads them.
    expect((await mouscron.post(url, { title: 'Détourné', language: 'fr' })).statusCode).toBe(403);
    const seen = (await other.get(url)).json() as ProposalList;
    expect(seen.canManage).toBe(false);
    expect(seen.items.find((p) => p.id === ids.proposal)?.status).toBe('open');
    // Control characters and unknown events: a translated 400 / 404, nothing written.
    expect((await lille.post(url, { title: 'A\u0000b', language: 'fr' })).statusCode).toBe(400);
    const missing = await lille.get('/api/events/00000000-0000-4000-8000-000000000000/proposals');
    expect(missing.statusCode).toBe(404);
    // Another organisation may not adopt it.
    const stolen = await mouscron.post('/api/initiatives', input({ proposalId: ids.proposal }));
    expect(stolen.statusCode).toBe(403);

    const created = await lille.post(
      '/api/initiatives',
      input({
        proposalId: ids.proposal,
        partnerOrgIds: [ids.mouscron!],
        territoryCodes: ['FR-59350', 'BE-57096'],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    ids.mine = created.json().id;
    const after = (await other.get(url)).json() as ProposalList;
    const adopted = after.items.find((p) => p.id === ids.proposal)!;
    expect(adopted.status).toBe('adopted');
    expect(adopted.initiative).toMatchObject({ id: ids.mine, status: 'idea' });
    const again = await lille.post('/api/initiatives', input({ proposalId: ids.proposal }));
    expect(again.statusCode).toBe(409);
    const detail = (await lille.get(`/api/initiatives/${ids.mine}`)).json() as InitiativeDetail;
    expect(detail).toMatchObject({ crossBorder: true, status: 'idea', canEdit: true });
    expect(detail.proposal).toMatchObject({ id: ids.proposal, eventId: ids.event });
    const proposal = await lille.get(`/api/initiative-proposals/${ids.proposal}`);
    expect(proposal.json()).toMatchObject({ title: 'Repair café frontalier', eventId: ids.event });
  });

  it('keeps a proposal of another organisation’s draft event as unknown as its event, for a write too', async () => {
    // The access matrix found it: the status change answered 403 where the read answers 404.
    const made = await lille.post(`/api/events/${ids.event}/proposals`, {
      title: 'Brouillon',
      language: 'fr',
    });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id as string;
    await system((trx) =>
      trx.updateTable('forum_events').set({ status: 'draft' }).where('id', '=', ids.event!).execute(),
    );
    try {
      expect((await mouscron.get(`/api/initiative-proposals/${id}`)).statusCode).toBe(404);
      const set = await mouscron.put(`/api/initiative-proposals/${id}/status`, { status: 'set_aside' });
      expect(set.statusCode).toBe(404);
      expect(
        (await lille.put(`/api/initiative-proposals/${id}/status`, { status: 'set_aside' })).statusCode,
      ).toBe(200);
    } finally {
      await system((trx) =>
        trx.updateTable('forum_events').set({ status: 'published' }).where('id', '=', ids.event!).execute(),
      );
    }
  });

  it('keeps edits and moves to the lead, results to the lead and partners', async () => {
    const id = ids.mine!;
    expect((await mouscron.put(`/api/initiatives/${id}`, input({ titleFr: 'Pris' }))).statusCode).toBe(403);
    expect((await other.post(`/api/initiatives/${id}/transitions`, { action: 'prepare' })).statusCode).toBe(
      403,
    );
    const badPlace = await lille.put(`/api/initiatives/${id}`, input({ territoryCodes: ['FR-00000'] }));
    expect(badPlace.statusCode).toBe(400);
    expect(badPlace.json().error.code).toBe('initiatives.errors.unknown_municipality');
    const edited = await lille.put(
      `/api/initiatives/${id}`,
      input({
        proposalId: ids.proposal,
        partnerOrgIds: [ids.mouscron!],
        titleNl: 'Grensoverschrijdend repaircafé',
      }),
    );
    expect(edited.statusCode, edited.body).toBe(200);
    // Results wait for the preparation.
    const result = {
      entryOn: '2026-11-20',
      text: 'Premier atelier : 15 objets réparés.',
      figure: 15,
      figureLabel: 'objets',
    };
    expect((await mouscron.post(`/api/initiatives/${id}/results`, result)).statusCode).toBe(409);
    expect((await lille.post(`/api/initiatives/${id}/transitions`, { action: 'start' })).statusCode).toBe(
      409,
    );
    expect((await lille.post(`/api/initiatives/${id}/transitions`, { action: 'prepare' })).statusCode).toBe(
      200,
    );
    const byPartner = await mouscron.post(`/api/initiatives/${id}/results`, result);
    expect(byPartner.statusCode, byPartner.body).toBe(201);
    expect((await other.post(`/api/initiatives/${id}/results`, result)).statusCode).toBe(403);
    const noFigure = await lille.post(`/api/initiatives/${id}/results`, { ...result, figure: null });
    expect(noFigure.statusCode).toBe(400);
    // Each organisation deletes its own results only.
    const resultId = byPartner.json().id;
    expect((await lille.del(`/api/initiatives/${id}/results/${resultId}`)).statusCode).toBe(403);
    expect((await lille.post(`/api/initiatives/${id}/transitions`, { action: 'start' })).statusCode).toBe(
      200,
    );
    const running = (await lille.get(`/api/initiatives/${id}`)).json() as InitiativeDetail;
    expect(running.status).toBe('running');
    expect(running.startedOn).not.toBeNull();
    expect(running.results[0]).toMatchObject({ figure: 15, figureLabel: 'objets', canDelete: false });
  });

  it('publishes in the public directory only what the lead published, without any person', async () => {
    const id = ids.mine!;
    const anon = (url: string) =>
      t.app.inject({ method: 'GET', url, remoteAddress: '10.9.0.1', headers: { 'x-samen-language': 'fr' } });
    expect((await anon(`/api/public/initiatives/${id}`)).statusCode).toBe(404);
    expect((await mouscron.put(`/api/initiatives/${id}/publication`, { published: true })).statusCode).toBe(
      403,
    );
    expect((await lille.put(`/api/initiatives/${id}/publication`, { published: true })).statusCode).toBe(200);
    const one = await anon(`/api/public/initiatives/${id}?lang=nl`);
    expect(one.statusCode, one.body).toBe(200);
    expect((one.json() as PublicInitiative).title).toBe('Grensoverschrijdend repaircafé');
    const cross = await anon(`/api/public/initiatives/${ids.cross}`);
    const body = cross.body;
    expect((cross.json() as PublicInitiative).volunteerTotals).toEqual({ volunteers: 2, hours: 10.5 });
    expect(body).not.toContain('Léa');
    expect(body).not.toContain('Wim');
    expect(body).not.toContain('proposal');
    const list = (await anon('/api/public/initiatives')).json() as PublicInitiativeList;
    expect(list.items.map((i) => i.id).sort()).toEqual([ids.cross, id].sort());
    // The local initiative is not published: the same 404 as a missing one.
    expect((await anon(`/api/public/initiatives/${ids.local}`)).statusCode).toBe(404);
    expect((await anon('/api/initiatives')).statusCode).toBe(401);
  });

  it('keeps another organisation and the public out in the database', async () => {
    const m = await referralFixtures(t).member('coordination@udccas-nord.example');
    const otherMember = { user_id: m.userId, org_id: m.orgId };
    const asOther = { userId: otherMember.user_id, orgId: otherMember.org_id };
    await withContext(t.deps.db, asOther, async (trx) => {
      // The network reads; nobody but the lead changes.
      expect(
        (await trx.selectFrom('initiatives').select('id').where('id', '=', ids.mine!).execute()).length,
      ).toBe(1);
      const u = await trx
        .updateTable('initiatives')
        .set({ title_fr: 'Pris' })
        .where('id', '=', ids.mine!)
        .executeTakeFirst();
      expect(Number(u.numUpdatedRows)).toBe(0);
      const d = await trx
        .deleteFrom('initiative_partners')
        .where('initiative_id', '=', ids.mine!)
        .executeTakeFirst();
      expect(Number(d.numDeletedRows)).toBe(0);
      const r = await trx
        .deleteFrom('initiative_results')
        .where('initiative_id', '=', ids.mine!)
        .executeTakeFirst();
      expect(Number(r.numDeletedRows)).toBe(0);
      const p = await trx
        .updateTable('initiative_proposals')
        .set({ status: 'set_aside' })
        .where('id', '=', ids.proposal!)
        .executeTakeFirst();
      expect(Number(p.numUpdatedRows)).toBe(0);
    });
    const refused = (fn: Parameters<typeof withContext<unknown>>[2]) =>
      expect(withContext(t.deps.db, asOther, fn)).rejects.toThrow();
    await refused((trx) =>
      trx
        .insertInto('initiatives')
        .values({ org_id: ids.lille!, title_fr: 'Usurpé', title_nl: 'Vervalst' })
        .execute(),
    );
    await refused((trx) =>
      trx
        .insertInto('initiative_partners')
        .values({ initiative_id: ids.mine!, partner_org_id: otherMember.org_id, org_id: ids.lille! })
        .execute(),
    );
    await refused((trx) =>
      trx
        .insertInto('initiative_territories')
        .values({ initiative_id: ids.mine!, territory_code: 'FR-59512', org_id: ids.lille! })
        .execute(),
    );
    // Not a partner: no result, even in its own name.
    await refused((trx) =>
      trx
        .insertInto('initiative_results')
        .values({
          initiative_id: ids.mine!,
          org_id: otherMember.org_id,
          entry_on: '2026-11-01',
          text: 'Faux',
        })
        .execute(),
    );
    await refused((trx) =>
      trx
        .insertInto('initiative_proposals')
        .values({ event_id: ids.event!, org_id: otherMember.org_id, title: 'Faux', language: 'fr' })
        .execute(),
    );
    // The public sees only published initiatives and what hangs from them; never a proposal.
    await withContext(t.deps.db, { scope: 'public' }, async (trx) => {
      const seen = (await trx.selectFrom('initiatives').select('id').execute()).map((r) => r.id);
      expect(seen).not.toContain(ids.local);
      expect(await trx.selectFrom('initiative_proposals').select('id').execute()).toEqual([]);
      expect(
        await trx
          .selectFrom('initiative_territories')
          .select('initiative_id')
          .where('initiative_id', '=', ids.local!)
          .execute(),
      ).toEqual([]);
      expect(await trx.selectFrom('volunteer_assignments').select('id').execute()).toEqual([]);
      const u = await trx
        .updateTable('initiatives')
        .set({ published: false, published_at: null })
        .executeTakeFirst();
      expect(Number(u.numUpdatedRows)).toBe(0);
    });
  });

  it('assigns volunteers to an initiative only by an organisation taking part, never to an event as well', async () => {
    const lea = await system((trx) =>
      trx
        .selectFrom('volunteers')
        .select(['id', 'org_id'])
        .where('email', '=', 'lea.desmet@benevole.example')
        .executeTakeFirstOrThrow(),
    );
    const row = (initiative: string, more: object = {}) => ({
      volunteer_id: lea.id,
      org_id: lea.org_id,
      initiative_id: initiative,
      assigned_on: '2026-11-25',
      hours: 2,
      ...more,
    });
    // Lille takes part in its own; not in Menen's local one.
    await system((trx) => trx.insertInto('volunteer_assignments').values(row(ids.mine!)).execute());
    await expect(
      system((trx) => trx.insertInto('volunteer_assignments').values(row(ids.local!)).execute()),
    ).rejects.toThrow(/initiative_not_partner/);
    await expect(
      system((trx) =>
        trx
          .insertInto('volunteer_assignments')
          .values(row(ids.mine!, { event_id: ids.event }))
          .execute(),
      ),
    ).rejects.toThrow();
    const detail = (await lille.get(`/api/initiatives/${ids.mine}`)).json() as InitiativeDetail;
    expect(detail.volunteerTotals).toEqual({ volunteers: 1, hours: 2 });
    expect(detail.assignments.map((a) => a.volunteerName)).toEqual(['Léa Fictive-Desmet']);
  });

  it('keeps an abandoned initiative as it was left, unpublished', async () => {
    const made = await lille.post('/api/initiatives', input({ titleFr: 'Projet abandonné' }));
    const id = made.json().id;
    expect((await lille.put(`/api/initiatives/${id}/publication`, { published: true })).statusCode).toBe(200);
    expect((await lille.post(`/api/initiatives/${id}/transitions`, { action: 'abandon' })).statusCode).toBe(
      200,
    );
    const gone = (await lille.get(`/api/initiatives/${id}`)).json() as InitiativeDetail;
    expect(gone).toMatchObject({ status: 'abandoned', published: false, actions: [] });
    const edit = await lille.put(`/api/initiatives/${id}`, input({ titleFr: 'Repris' }));
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('initiatives.errors.abandoned_fixed');
    expect((await lille.put(`/api/initiatives/${id}/publication`, { published: true })).statusCode).toBe(409);
  });

  it('limits the public pages per address, like the directory', async () => {
    // Its own app, without the demo, with a tight limit (the shared one is high for the other tests).
    const limited = await createTestApp({ seed: false, env: { DIRECTORY_RATE_LIMIT: '2' } });
    try {
      const get = (address: string) =>
        limited.app.inject({
          method: 'GET',
          url: '/api/public/initiatives/00000000-0000-4000-8000-000000000000',
          remoteAddress: address,
        });
      expect((await get('10.9.9.9')).statusCode).toBe(404);
      expect((await get('10.9.9.9')).statusCode).toBe(404);
      expect((await get('10.9.9.9')).statusCode).toBe(429);
      expect((await get('10.9.9.10')).statusCode).toBe(404);
    } finally {
      await limited.close();
    }
  });
});
