import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import type { OfferDetail, OfferInput, OfferPage } from '../../../../common/immersions/offer-schemas';
import { addDays } from '../../../../common/immersions/request-rules';
import { fixedClock } from '../../../../common/kernel/clock';
import { withContext } from '../../../platform/db/context';
import { referralFixtures } from '../../people/referrals/fixtures.testing';

/**
 * Immersion offers on both engines, against the demo network: the catalogue's search by theme, language,
 * host country, dates and words in French and Dutch; a host's drafts, edits and publication; another
 * organisation reads no draft and writes no offer, through the API or in the database.
 */
let t: TestApp;
let fx: ReturnType<typeof referralFixtures>;
let tourcoing: { userId: string; orgId: string };
let menen: { userId: string; orgId: string };
let poleId: string;
let samUnitId: string;

const fields = (body: string) =>
  Object.fromEntries(
    (JSON.parse(body).error.fields ?? []).map((f: { path: string; code: string; message: string }) => [
      f.path,
      f,
    ]),
  ) as Record<string, { code: string; message: string }>;

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-12-06') });
  fx = referralFixtures(t);
  tourcoing = await fx.member('immersions@ccas-tourcoing.example');
  menen = await fx.member('diensthoofd@ocmw-menen.example');
  const units = await sql<{ id: string; name_fr: string }>`select id, name_fr from org_units
    where name_fr in ('Pôle insertion et accompagnement', 'Service Action Migrants')`.execute(fx.db);
  poleId = units.rows.find((u) => u.name_fr.startsWith('Pôle'))!.id;
  samUnitId = units.rows.find((u) => u.name_fr.startsWith('Service'))!.id;
});
afterAll(async () => t?.close());

/** Titles of the offers found (French, else Dutch), for a reader of OCMW Menen. */
async function found(query: string, email = 'maatschappelijk-werker@ocmw-menen.example') {
  const c = await t.login(email);
  const r = await c.get(`/api/immersion-offers?${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return (r.json() as OfferPage).items.map((o) => o.titleFr ?? o.titleNl ?? '');
}
const has = (titles: string[], start: string) => titles.some((x) => x.startsWith(start));

const draft = (over: Partial<OfferInput> = {}): OfferInput => ({
  unitId: poleId,
  themes: ['housing'],
  titleFr: 'Prévenir les expulsions locatives',
  languages: ['fr'],
  kinds: ['short'],
  capacityPerPeriod: 2,
  periods: [{ startsOn: '2027-04-05', endsOn: '2027-04-09' }],
  ...over,
});

describe('the immersion catalogue', () => {
  it('lists the published offers of several partners, never a draft', async () => {
    const all = await found('pageSize=50');
    expect(all.length).toBe(6);
    expect(has(all, "L'interprétariat social")).toBe(false);
    expect(has(all, 'Activering op maat')).toBe(true);
  });

  it('filters by theme, language spoken, host country, format and dates', async () => {
    expect(await found('theme=debt_mediation')).toEqual([
      'Médiation de dettes et guidance budgétaire en pratique',
    ]);
    expect(await found('language=ar')).toEqual([
      "Les trois modules d'activation sociale du Service Action Migrants",
    ]);
    const french = await found('country=FR');
    expect(french).toHaveLength(2);
    expect(french.every((x) => x.startsWith('Le p') || x.startsWith('Premier'))).toBe(true);
    expect(await found('kind=long')).toEqual([
      "Les trois modules d'activation sociale du Service Action Migrants",
    ]);
    // Only CCAS Tourcoing's insertion offer has a period before the new year (the demo's past one). The
    // demo's periods move with the day it is seeded, so the window is the seeded period itself.
    const past = await sql<{ starts_on: string; ends_on: string }>`select p.starts_on::text, p.ends_on::text
      from immersion_offer_periods p join immersion_offers o on o.id = p.offer_id
      where o.title_fr like 'Le parcours%' order by p.starts_on limit 1`.execute(fx.db);
    const { starts_on: from, ends_on: to } = past.rows[0]!;
    expect(await found(`from=${from}&to=${to}`)).toEqual([
      "Le parcours d'insertion socioprofessionnelle, du premier entretien à l'emploi",
    ]);
    const december = await found(`from=${addDays(from, 399)}`);
    expect(has(december, 'Les trois modules')).toBe(true);
    expect(has(december, 'Médiation de dettes')).toBe(false);
    expect(await found('country=FR&theme=debt_mediation')).toEqual([]);
  });

  it('finds offers by words in French and in Dutch, accents or not, whatever the offer language', async () => {
    expect((await found('q=dettes'))[0]).toBe('Médiation de dettes et guidance budgétaire en pratique');
    expect((await found('q=surendettement'))[0]).toBe(
      'Médiation de dettes et guidance budgétaire en pratique',
    );
    expect((await found('q=schuldbemiddeling'))[0]).toBe(
      'Médiation de dettes et guidance budgétaire en pratique',
    );
    // French-only offers, found from Dutch words through their themes.
    expect(has(await found('q=migranten'), 'Les trois modules')).toBe(true);
    expect(has(await found(`q=${encodeURIComponent('domiciliëring')}`), 'Premier accueil')).toBe(true);
    // A Dutch-only offer found from French words.
    expect(has(await found(`q=${encodeURIComponent('bénévolat')}`), 'Activering op maat')).toBe(true);
    const folded = await found('q=benevolat');
    expect(has(folded, 'Les trois modules')).toBe(true);
    expect(has(await found('q=vrijwilligerswerk'), 'Les trois modules')).toBe(true);
    // Words of the description, not the theme.
    expect(has(await found('q=primo-arrivantes'), 'Les trois modules')).toBe(true);
    expect(has(await found('q=jobcoaches'), 'Activering op maat')).toBe(true);
    expect(await found('q=astrophysique')).toEqual([]);
  });

  it('refuses bad search input with translated 400s', async () => {
    const c = await t.login('maatschappelijk-werker@ocmw-menen.example');
    const r = await c.get('/api/immersion-offers?from=2027-05-01&to=2027-04-01');
    expect(r.statusCode).toBe(400);
    expect(fields(r.body).to!.message).toBe('De einddatum moet na de begindatum komen.');
    expect((await c.get('/api/immersion-offers?theme=astrology')).statusCode).toBe(400);
    expect((await c.get('/api/immersion-offers?from=2027-02-30')).statusCode).toBe(400);
    expect((await c.get(`/api/immersion-offers?q=${'a'.repeat(201)}`)).statusCode).toBe(400);
    expect((await c.get('/api/immersion-offers?q=%07')).statusCode).toBe(400);
    expect((await t.anonymous.get('/api/immersion-offers')).statusCode).toBe(401);
  });
});

describe('places left', () => {
  it('counts the visitors agreed on each period, for the host and for visitors alike', async () => {
    const offer = (
      await sql<{
        id: string;
      }>`select id from immersion_offers where title_fr like 'Le parcours d''insertion%'`.execute(fx.db)
    ).rows[0]!.id;
    const periods = await sql<{ id: string; starts_on: string; ends_on: string }>`select id, starts_on::text,
      ends_on::text from immersion_offer_periods where offer_id = ${offer}::uuid`.execute(fx.db);
    const host = await t.login('immersions@ccas-tourcoing.example');
    const visitor = await t.login('diensthoofd@ocmw-menen.example');
    const hostView = (await host.get(`/api/immersion-offers/${offer}`)).json() as OfferDetail;
    const visitorView = (await visitor.get(`/api/immersion-offers/${offer}`)).json() as OfferDetail;
    expect(visitorView.periods).toEqual(hostView.periods);
    // One more visitor agreed in the period with the most places left.
    const index = hostView.periods.reduce(
      (best, p, i, all) => (p.remaining! > all[best]!.remaining! ? i : best),
      0,
    );
    const first = periods.rows.find((p) => p.id === hostView.periods[index]!.id)!;
    const before = hostView.periods[index]!.remaining!;
    expect(before).toBeGreaterThan(0);
    // Written as the platform (the requests' guard lets a request start only as a draft otherwise).
    const system = { platformAdmin: true, scope: 'system' } as const;
    const requestId = await withContext(fx.db, system, async (trx) => {
      const r = await sql<{
        id: string;
      }>`insert into immersion_requests (org_id, host_org_id, offer_id, period_id,
          visitor_user_id, status, kind, theme, objectives, starts_on, ends_on, days, sent_to_host_at)
        values (${menen.orgId}::uuid, ${tourcoing.orgId}::uuid, ${offer}::uuid, ${first.id}::uuid,
          ${menen.userId}::uuid, 'agreed', 'short', 'socio_professional_insertion', 'Observer les ateliers collectifs.',
          ${first.starts_on}::date, ${first.starts_on}::date + 2, 3, now()) returning id`.execute(trx);
      return r.rows[0]!.id;
    });
    const after = (await visitor.get(`/api/immersion-offers/${offer}`)).json() as OfferDetail;
    expect(after.periods[index]!.remaining).toBe(before - 1);
    // Cancelled, the visitor no longer takes a place.
    await withContext(fx.db, system, (trx) =>
      sql`update immersion_requests set status = 'cancelled' where id = ${requestId}::uuid`.execute(trx),
    );
    const cancelled = (await host.get(`/api/immersion-offers/${offer}`)).json() as OfferDetail;
    expect(cancelled.periods[index]!.remaining).toBe(before);
  });
});

describe('a host offers', () => {
  let offerId: string;

  it('writes a draft with its unit and periods, and refuses bad input with translated 400s', async () => {
    const host = await t.login('immersions@ccas-tourcoing.example');
    const created = await host.post('/api/immersion-offers', draft());
    expect(created.statusCode, created.body).toBe(201);
    const offer = created.json() as OfferDetail;
    offerId = offer.id;
    expect(offer).toMatchObject({
      status: 'draft',
      canEdit: true,
      canRequest: false,
      unitNameFr: 'Pôle insertion et accompagnement',
    });
    expect(offer.periods).toEqual([
      expect.objectContaining({
        startsOn: '2027-04-05',
        endsOn: '2027-04-09',
        capacity: null,
        effectiveCapacity: 2,
      }),
    ]);
    expect(offer.actions).toEqual([
      { action: 'publish', tone: 'primary', blockedBy: ['has_contact'] },
      { action: 'archive', tone: 'danger', blockedBy: [] },
    ]);

    const noTitle = await host.post('/api/immersion-offers', draft({ titleFr: null }));
    expect(noTitle.statusCode).toBe(400);
    expect(fields(noTitle.body).titleFr!.message).toBe('Donnez un titre en français ou en néerlandais.');
    const backwards = await host.post(
      '/api/immersion-offers',
      draft({ periods: [{ startsOn: '2027-04-09', endsOn: '2027-04-05' }] }),
    );
    expect(fields(backwards.body)['periods.0.endsOn']!.code).toBe('immersions.offers.errors.period_order');
    const tooLong = await host.post(
      '/api/immersion-offers',
      draft({ periods: [{ startsOn: '2027-01-01', endsOn: '2028-12-31' }] }),
    );
    expect(fields(tooLong.body)['periods.0.endsOn']!.code).toBe('immersions.offers.errors.period_too_long');
    const otherUnit = await host.post('/api/immersion-offers', draft({ unitId: samUnitId }));
    expect(fields(otherUnit.body).unitId!.code).toBe('immersions.offers.errors.unit');
    expect(
      (await host.post('/api/immersion-offers', draft({ themes: ['astrology' as 'youth'] }))).statusCode,
    ).toBe(400);
    expect((await host.post('/api/immersion-offers', draft({ languages: [] }))).statusCode).toBe(400);
    expect((await host.post('/api/immersion-offers', draft({ capacityPerPeriod: 0 }))).statusCode).toBe(400);
  });

  it('publishes once the offer says how to reach the host, and keeps it so', async () => {
    const host = await t.login('immersions@ccas-tourcoing.example');
    const refused = await host.post(`/api/immersion-offers/${offerId}/transitions`, { action: 'publish' });
    expect(refused.statusCode).toBe(400);
    expect(fields(refused.body).contactEmail!.code).toBe('immersions.offers.errors.contact_required');
    const current = (await host.get(`/api/immersion-offers/${offerId}`)).json() as OfferDetail;
    const withContact = draft({
      contactEmail: 'logement@ccas-tourcoing.example',
      titleNl: 'Uithuiszettingen voorkomen',
      periods: [
        { id: current.periods[0]!.id, startsOn: '2027-04-05', endsOn: '2027-04-16', capacity: 1 },
        { startsOn: '2027-06-07', endsOn: '2027-06-11' },
      ],
      expectedUpdatedAt: current.updatedAt,
    });
    const saved = await host.put(`/api/immersion-offers/${offerId}`, withContact);
    expect(saved.statusCode, saved.body).toBe(200);
    const periods = (saved.json() as OfferDetail).periods;
    expect(periods.map((p) => [p.id === current.periods[0]!.id, p.endsOn, p.effectiveCapacity])).toEqual([
      [true, '2027-04-16', 1],
      [false, '2027-06-11', 2],
    ]);
    const stale = await host.put(`/api/immersion-offers/${offerId}`, withContact);
    expect(stale.statusCode).toBe(409);
    const published = await host.post(`/api/immersion-offers/${offerId}/transitions`, { action: 'publish' });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published' });
    expect(published.json().publishedAt).not.toBeNull();
    const noContact = await host.put(`/api/immersion-offers/${offerId}`, draft({ contactEmail: null }));
    expect(fields(noContact.body).contactEmail!.code).toBe('immersions.offers.errors.contact_required');
    expect(
      (await host.post(`/api/immersion-offers/${offerId}/transitions`, { action: 'reopen' })).statusCode,
    ).toBe(400);
    expect(has(await found('q=expulsions'), 'Prévenir les expulsions')).toBe(true);
    expect(has(await found('q=uithuiszetting'), 'Prévenir les expulsions')).toBe(true);
  });

  it('shows the offer to another organisation with a request button, and "our offers" to the host only', async () => {
    const visitor = await t.login('maatschappelijk-werker@ocmw-menen.example');
    const seen = (await visitor.get(`/api/immersion-offers/${offerId}`)).json() as OfferDetail;
    expect(seen).toMatchObject({
      canEdit: false,
      canRequest: true,
      actions: [],
      orgNameNl: 'CCAS Toerkonje',
    });
    expect(seen.periods.map((p) => p.remaining)).toEqual(seen.periods.map((p) => p.effectiveCapacity));
    const host = await t.login('immersions@ccas-tourcoing.example');
    const own = (await host.get('/api/immersion-offers/mine?pageSize=50')).json() as OfferPage;
    expect(own.items.map((o) => o.id)).toContain(offerId);
    expect(own.items.every((o) => o.orgId === tourcoing.orgId)).toBe(true);
    const mineMenen = (await visitor.get('/api/immersion-offers/mine?pageSize=50')).json() as OfferPage;
    expect(mineMenen.items.every((o) => o.orgId === menen.orgId)).toBe(true);
    // A referent reads and may request, but does not publish.
    expect((await visitor.post('/api/immersion-offers', draft())).statusCode).toBe(403);
  });

  it('keeps another organisation from reading a draft or writing a published offer, through the API', async () => {
    const host = await t.login('immersions@ccas-tourcoing.example');
    const other = (
      await host.post('/api/immersion-offers', draft({ titleFr: 'Brouillon confidentiel' }))
    ).json();
    const manager = await t.login('diensthoofd@ocmw-menen.example');
    expect((await manager.get(`/api/immersion-offers/${other.id}`)).statusCode).toBe(404);
    expect(has(await found('q=confidentiel', 'diensthoofd@ocmw-menen.example'), 'Brouillon')).toBe(false);
    expect((await manager.put(`/api/immersion-offers/${other.id}`, draft())).statusCode).toBe(404);
    expect(
      (await manager.put(`/api/immersion-offers/${offerId}`, draft({ unitId: poleId }))).statusCode,
    ).toBe(403);
    expect(
      (await manager.post(`/api/immersion-offers/${offerId}/transitions`, { action: 'archive' })).statusCode,
    ).toBe(403);
    expect((await manager.post('/api/immersion-offers', draft())).statusCode).toBe(400);
    expect((await host.get(`/api/immersion-offers/${offerId}`)).json().status).toBe('published');
  });

  it('keeps another organisation from reading a draft or writing a published offer, in the database', async () => {
    const draftId = (
      await sql<{
        id: string;
      }>`select id from immersion_offers where status = 'draft' and org_id <> ${menen.orgId}::uuid
        limit 1`.execute(fx.db)
    ).rows[0]!.id;
    const read = await fx.asOrg(menen, (trx) =>
      sql`select id from immersion_offers where id = ${draftId}::uuid`.execute(trx),
    );
    expect(read.rows).toHaveLength(0);
    const periods = await fx.asOrg(menen, (trx) =>
      sql`select id from immersion_offer_periods where offer_id = ${draftId}::uuid`.execute(trx),
    );
    expect(periods.rows).toHaveLength(0);
    const published = await fx.asOrg(menen, (trx) =>
      sql`select id from immersion_offer_periods where offer_id = ${offerId}::uuid`.execute(trx),
    );
    expect(published.rows).toHaveLength(2);
    const updated = await fx.asOrg(menen, (trx) =>
      sql`update immersion_offers set title_fr = 'Pris' where id = ${offerId}::uuid`.execute(trx),
    );
    expect(Number(updated.numAffectedRows ?? 0)).toBe(0);
    const periodUpdate = await fx.asOrg(menen, (trx) =>
      sql`update immersion_offer_periods set capacity = 50 where offer_id = ${offerId}::uuid`.execute(trx),
    );
    expect(Number(periodUpdate.numAffectedRows ?? 0)).toBe(0);
    await expect(
      fx.asOrg(menen, (trx) =>
        sql`insert into immersion_offer_periods (offer_id, org_id, starts_on, ends_on)
          values (${offerId}::uuid, ${tourcoing.orgId}::uuid, '2027-01-01', '2027-01-02')`.execute(trx),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      fx.asOrg(menen, (trx) =>
        sql`insert into immersion_offers (org_id, unit_id, themes, title_fr, languages, kinds)
          values (${tourcoing.orgId}::uuid, ${poleId}::uuid, array['youth'], 'Intrus', array['fr'], array['short'])`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});
