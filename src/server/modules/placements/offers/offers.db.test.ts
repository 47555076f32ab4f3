import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import type { OfferDetail, OfferItem, OfferPage } from '../../../../common/placements/offer-schemas';
import { withContext } from '../../../platform/db/context';
import { DEMO_OFFERS } from '../demo';

const available = await engineAvailable();

describe.skipIf(!available)('placement offers', () => {
  let t: TestApp;
  const orgs: Record<string, string> = {};
  const offers: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await withContext(t.deps.db, { platformAdmin: true, scope: 'system' }, async (trx) => {
      for (const o of await trx.selectFrom('organisations').select(['id', 'email']).execute())
        orgs[String(o.email).replace(/^contact@|\.example$/g, '')] = o.id;
      for (const o of await trx.selectFrom('placement_offers').select(['id', 'title_fr']).execute())
        offers[o.title_fr!] = o.id;
    });
  });
  afterAll(async () => t?.close());

  const count = () =>
    withContext(t.deps.db, { platformAdmin: true }, async (trx) =>
      Number(
        (
          await trx
            .selectFrom('placement_offers')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );
  const parks = () => offers['Entretien des parcs et jardins partagés']!;

  const valid = {
    siteName: 'Atelier du Pile',
    municipalityCode: 'FR-59512',
    sector: 'recycling',
    titleFr: 'Réparation de vélos',
    titleNl: 'Fietsherstelling',
    tasksFr: 'Démontage, réglages, petites réparations.',
    positions: 2,
    startsOn: '2030-03-02',
    endsOn: '2030-06-30',
    schedule: 'lun–ven 9h00–16h00',
    hoursPerWeek: 28,
    languageCode: 'fr',
    languageLevel: 'A2',
  };

  describe('catalogue', () => {
    it('shows open offers to every member of the network, with filters', async () => {
      const referent = await t.login('trajectbegeleider@ocmw-kortrijk.example');
      const all = (await referent.get('/api/offers?pageSize=50')).json() as OfferPage;
      expect(all.total).toBe(DEMO_OFFERS.filter((o) => !o.closed).length);
      const item = all.items.find((i) => i.id === parks())!;
      expect(item).toMatchObject({
        municipalityNameFr: 'Roubaix',
        country: 'FR',
        positions: 3,
        freePositions: 3,
        languageCode: 'fr',
        languageLevel: 'A2',
        status: 'open',
      });
      // Soonest start first.
      const starts = all.items.map((i) => i.startsOn);
      expect(starts).toEqual([...starts].sort());
      const ids = async (q: string) =>
        ((await referent.get(`/api/offers${q}`)).json() as OfferPage).items.map((i: OfferItem) => i.titleNl);
      expect((await ids('?municipality=FR-59512')).length).toBe(3);
      expect(await ids('?language=nl&sector=catering')).toEqual(['Keuken van het sociaal restaurant']);
      expect(await ids('?q=couture')).toEqual(['Naai- en herstelatelier']);
      expect(await ids('?q=KEUKEN')).toEqual(['Keuken van het sociaal restaurant']);
      expect(await ids('?q=maraichage')).toEqual(['Biologische groenteteelt']);
      expect((await ids('?country=BE')).length).toBe(6);
      expect((await ids('?open=false&pageSize=50')).length).toBe(DEMO_OFFERS.length);
      expect((await referent.get('/api/offers?sector=gardening')).statusCode).toBe(400);
      expect((await referent.get('/api/offers?pageSize=51')).statusCode).toBe(400);
    });

    it('is closed to anonymous callers, in the API and in SQL', async () => {
      expect((await t.anonymous.get('/api/offers')).statusCode).toBe(401);
      expect((await t.anonymous.get(`/api/offers/${parks()}`)).statusCode).toBe(401);
      const rows = await withContext(t.deps.db, { scope: 'public' }, (trx) =>
        trx.selectFrom('placement_offers').select('id').execute(),
      );
      expect(rows).toHaveLength(0);
      const lines = await withContext(t.deps.db, { scope: 'public' }, (trx) =>
        trx.selectFrom('transit_lines').select('id').execute(),
      );
      expect(lines.length).toBe(5);
    });

    it('shows an offer in full; the tutor is named to the host only', async () => {
      const tutor = await t.login('tuteur@atelier-roubaix.example');
      const own = (await tutor.get(`/api/offers/${parks()}`)).json() as OfferDetail;
      expect(own).toMatchObject({
        tutorName: 'Noa Tuteur',
        hoursPerWeek: 30,
        schedule: 'lun–ven 8h30–16h00',
      });
      const referent = await t.login('referent@cpas-mouscron.example');
      const other = await referent.get(`/api/offers/${parks()}`);
      expect(other.statusCode).toBe(200);
      expect(other.json().tutorName).toBeNull();
      expect(other.json().tutorUserId).toBe(own.tutorUserId);
      expect((await referent.get('/api/offers/not-a-uuid')).statusCode).toBe(400);
      expect((await referent.get(`/api/offers/${crypto.randomUUID()}`)).statusCode).toBe(404);
    });
  });

  describe('management', () => {
    it('refuses invalid offers with translated field errors and writes nothing', async () => {
      const tutor = await t.login('tuteur@atelier-roubaix.example');
      const before = await count();
      const r = await tutor.post('/api/offers', {
        ...valid,
        titleFr: undefined,
        titleNl: undefined,
        endsOn: '2030-01-01',
        municipalityCode: 'BE-99999',
        languageCode: undefined,
        tutorUserId: crypto.randomUUID(),
      });
      expect(r.statusCode, r.body).toBe(400);
      const fields = Object.fromEntries(
        r.json().error.fields.map((f: { path: string; code: string; message: string }) => [f.path, f]),
      );
      // The tutor's interface is in French: so are the messages.
      expect(fields.titleFr.message).toBe('Indiquez un intitulé en français ou en néerlandais.');
      expect(fields.endsOn.code).toBe('placements.offers.errors.end_before_start');
      expect(fields.endsOn.message).toBe('La date de fin ne peut pas précéder la date de début.');
      expect(fields.municipalityCode.code).toBe('validation.municipality');
      expect(fields.languageCode.code).toBe('placements.offers.errors.language_required');
      expect(fields.tutorUserId.code).toBe('placements.offers.errors.tutor_not_member');
      const schema = await tutor.post('/api/offers', { ...valid, positions: 0, languageLevel: 'D1' });
      expect(schema.statusCode).toBe(400);
      expect(
        schema
          .json()
          .error.fields.map((f: { path: string }) => f.path)
          .sort(),
      ).toEqual(['languageLevel', 'positions']);
      expect(await count()).toBe(before);
    });

    it('publishes, changes and closes an offer of the host, audited', async () => {
      const tutor = await t.login('tuteur@atelier-roubaix.example');
      const created = await tutor.post('/api/offers', valid);
      expect(created.statusCode, created.body).toBe(201);
      const o = created.json() as OfferDetail;
      expect(o).toMatchObject({ orgId: orgs['atelier-roubaix'], status: 'open', freePositions: 2 });

      expect((await tutor.patch(`/api/offers/${o.id}`, { endsOn: '2030-01-01' })).statusCode).toBe(400);
      const stale = await tutor.patch(`/api/offers/${o.id}`, {
        positions: 3,
        expectedUpdatedAt: '2020-01-01T00:00:00.000Z',
      });
      expect(stale.statusCode).toBe(409);
      const closed = await tutor.patch(`/api/offers/${o.id}`, {
        status: 'closed',
        languageCode: null,
        languageLevel: null,
        expectedUpdatedAt: o.updatedAt,
      });
      expect(closed.statusCode, closed.body).toBe(200);
      expect(closed.json()).toMatchObject({
        status: 'closed',
        languageCode: null,
        titleFr: 'Réparation de vélos',
      });
      const open = (await tutor.get('/api/offers?q=velos')).json() as OfferPage;
      expect(open.total).toBe(0);
      expect(((await tutor.get('/api/offers?q=velos&open=false')).json() as OfferPage).total).toBe(1);

      const entries = await withContext(t.deps.db, { platformAdmin: true }, (trx) =>
        trx
          .selectFrom('audit.log')
          .select(['action', 'after', 'org_id'])
          .where('entity', '=', 'placement_offers')
          .where('entity_id', '=', o.id)
          .orderBy('id')
          .execute(),
      );
      expect(entries.map((e) => e.action)).toEqual(['create', 'update']);
      expect(entries[1]).toMatchObject({ org_id: orgs['atelier-roubaix'], after: { status: 'closed' } });
    });

    it("does not let another organisation's manager change an offer, in the API or in SQL", async () => {
      const other = await t.login('admin@cpas-mouscron.example');
      const r = await other.patch(`/api/offers/${parks()}`, { positions: 9 });
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('placements.offers.errors.not_host');
      const updated = await withContext(t.deps.db, { orgId: orgs['cpas-mouscron']! }, (trx) =>
        trx
          .updateTable('placement_offers')
          .set({ positions: 9 })
          .where('id', '=', parks())
          .executeTakeFirst(),
      );
      expect(Number(updated.numUpdatedRows)).toBe(0);
      const deleted = await withContext(t.deps.db, { orgId: orgs['cpas-mouscron']! }, (trx) =>
        trx.deleteFrom('placement_offers').where('id', '=', parks()).executeTakeFirst(),
      );
      expect(Number(deleted.numDeletedRows)).toBe(0);
      await expect(
        withContext(t.deps.db, { orgId: orgs['cpas-mouscron']! }, (trx) =>
          trx
            .insertInto('placement_offers')
            .values({
              org_id: orgs['atelier-roubaix']!,
              site_name: 'Faux site',
              municipality_code: 'FR-59512',
              sector: 'other',
              title_fr: 'Offre usurpée',
              positions: 1,
              starts_on: '2030-01-01',
              ends_on: '2030-03-01',
            })
            .execute(),
        ),
      ).rejects.toThrow();
      const tutor = await t.login('tuteur@atelier-roubaix.example');
      expect(((await tutor.get(`/api/offers/${parks()}`)).json() as OfferDetail).positions).toBe(3);
    });

    it('refuses callers without offer.manage', async () => {
      const referent = await t.login('referent@cpas-mouscron.example');
      expect((await referent.post('/api/offers', valid)).statusCode).toBe(403);
      expect((await referent.patch(`/api/offers/${parks()}`, { positions: 1 })).statusCode).toBe(403);
      expect((await t.anonymous.post('/api/offers', valid)).statusCode).toBe(401);
      const analyst = await t.login('analist@west-vlaanderen.example');
      expect((await analyst.get('/api/offers')).statusCode).toBe(403);
    });
  });
});
