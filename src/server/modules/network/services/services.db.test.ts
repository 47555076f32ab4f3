import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import type { DirectoryItem, DirectoryPage } from '../../../../common/network/service-schemas';
import { withContext } from '../../../platform/db/context';
import { DEMO_TERRITORIES } from '../territories/demo-territories';

const available = await engineAvailable();

describe.skipIf(!available)('the cross-border services directory', () => {
  let t: TestApp;
  const orgs: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await withContext(t.deps.db, { platformAdmin: true, scope: 'system' }, async (trx) => {
      // The demo territories, in case no seeder of this checkout loads them.
      for (const x of DEMO_TERRITORIES)
        await sql`insert into territories (code, country, local_code, name_fr, name_nl, parent_code, region)
          values (${x.code}, ${x.country}, ${x.localCode}, ${x.nameFr}, ${x.nameNl}, ${x.parentCode}, ${x.region})
          on conflict (code) do nothing`.execute(trx);
      for (const o of await trx.selectFrom('organisations').select(['id', 'email']).execute())
        orgs[String(o.email).replace(/^contact@|\.example$/g, '')] = o.id;
      for (const s of await trx.selectFrom('services').select(['id', 'email']).execute())
        ids[String(s.email).split('@')[0]!] = s.id;
    });
  });
  afterAll(async () => t?.close());

  const search = async (query: string) => {
    const r = await t.anonymous.get(`/api/directory/services${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as DirectoryPage;
  };
  const titles = (p: DirectoryPage) => p.items.map((i: DirectoryItem) => i.titleFr);

  describe('public search', () => {
    it('finds services in French, accent-insensitively, with names of organisation and municipality', async () => {
      const housing = await search('?q=logement');
      expect(titles(housing)).toContain('Guichet logement pour frontaliers et nouveaux habitants');
      const item = housing.items.find((i) => i.id === ids.wonen)!;
      expect(item).toMatchObject({
        titleNl: 'Woonloket voor grensarbeiders en nieuwe inwoners',
        orgNameNl: 'Openbaar Centrum voor Maatschappelijk Welzijn Kortrijk',
        municipalityNameFr: 'Courtrai',
        municipalityNameNl: 'Kortrijk',
        country: 'BE',
        theme: 'housing',
        languages: ['nl', 'fr'],
      });
      for (const q of ['depannage', 'dépannage', 'DÉPANNAGE'])
        expect(titles(await search(`?q=${encodeURIComponent(q)}`)), q).toEqual([
          'Épicerie sociale et colis de dépannage',
        ]);
    });

    it('finds services in Dutch', async () => {
      expect((await search('?q=schuldbemiddeling')).items.map((i) => i.id)).toEqual([ids.dettes]);
      expect((await search('?q=woning')).items.map((i) => i.id)).toContain(ids.wonen);
    });

    it('still finds something for a partial or misspelt word', async () => {
      expect((await search('?q=epicer')).items.map((i) => i.id)).toEqual([ids.epicerie]);
      expect((await search('?q=depanage')).items.map((i) => i.id)).toEqual([ids.epicerie]);
      expect((await search('?q=zzzqqq')).total).toBe(0);
    });

    it('filters by theme, language, country, municipality and cross-border access', async () => {
      const courses = await search('?theme=language_courses');
      expect(courses.items.map((i) => i.id).sort()).toEqual([ids.langues, ids.taal].sort());
      expect((await search('?theme=language_courses&country=FR')).items.map((i) => i.id)).toEqual([
        ids.langues,
      ]);
      expect((await search('?language=ar')).items.map((i) => i.id)).toEqual([ids.refugies]);
      expect((await search('?municipality=BE-34022')).items.map((i) => i.id).sort()).toEqual(
        [ids.wonen, ids.mobiliteit].sort(),
      );
      const referral = await search('?crossBorderAccess=on_referral');
      expect(referral.items.every((i) => i.crossBorderAccess === 'on_referral')).toBe(true);
      expect(referral.total).toBe(2);
      expect((await search('?q=logement&country=FR')).items.map((i) => i.id)).not.toContain(ids.wonen);
    });

    it('pages results and refuses pages larger than 50', async () => {
      const all = await search('');
      expect(all.total).toBe(10);
      const p2 = await search('?pageSize=4&page=2');
      expect(p2).toMatchObject({ total: 10, page: 2, pageSize: 4 });
      expect(p2.items).toHaveLength(4);
      expect(p2.items[0]!.id).toBe(all.items[4]!.id);
      expect((await t.anonymous.get('/api/directory/services?pageSize=51')).statusCode).toBe(400);
      // Rate-limited per client address, at DIRECTORY_RATE_LIMIT (raised by the test harness).
      const limited = await t.anonymous.get('/api/directory/services?q=logement');
      expect(Number(limited.headers['x-ratelimit-limit'])).toBe(1_000_000);
      expect((await t.anonymous.get('/api/directory/services?theme=gardening')).statusCode).toBe(400);
    });

    it('shows a published entry in full, with opening hours in week order', async () => {
      const r = await t.anonymous.get(`/api/directory/services/${ids.wonen}`);
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({
        openingHours: [
          { day: 1, opens: '09:00', closes: '12:00' },
          { day: 3, opens: '09:00', closes: '12:00' },
          { day: 3, opens: '14:00', closes: '17:00' },
        ],
        email: 'wonen@ocmw-kortrijk.example',
        accessConditionsNl: 'Zonder afspraak in de voormiddag; op afspraak op woensdagnamiddag.',
        published: true,
      });
      // An id that cannot be a record is refused by the path's schema, like every id of the API.
      expect((await t.anonymous.get('/api/directory/services/not-a-uuid')).statusCode).toBe(400);
    });

    it('lists the municipalities that have published services, for the filter', async () => {
      const withServices = (await t.anonymous.get('/api/directory/municipalities')).json().items;
      expect(withServices.map((m: { code: string }) => m.code)).toContain('BE-34022');
      expect(withServices.map((m: { code: string }) => m.code)).not.toContain('BE-21004');
    });
  });

  describe('drafts', () => {
    it('are invisible anonymously and to other organisations, visible to their own', async () => {
      expect((await search('?q=parents')).items.map((i) => i.id)).not.toContain(ids.parents);
      expect((await t.anonymous.get(`/api/directory/services/${ids.activation}`)).statusCode).toBe(404);
      const lille = await t.login('benevolat@ccas-lille.example');
      expect((await lille.get(`/api/directory/services/${ids.activation}`)).statusCode).toBe(404);
      expect((await lille.get('/api/services')).json().items.map((i: { id: string }) => i.id)).not.toContain(
        ids.activation,
      );
      const mouscron = await t.login('admin@cpas-mouscron.example');
      const own = (await mouscron.get('/api/services')).json();
      expect(own.items.map((i: { id: string }) => i.id).sort()).toEqual([ids.dettes, ids.activation].sort());
      expect(own.items.find((i: { id: string }) => i.id === ids.activation).published).toBe(false);
      expect((await mouscron.get(`/api/directory/services/${ids.activation}`)).statusCode).toBe(200);
      // The public search never lists drafts, even to their organisation.
      expect((await mouscron.get('/api/directory/services?q=activation')).json().total).toBe(0);
    });

    it('cannot be read or changed in SQL under the application role with another organisation', async () => {
      const lille = { userId: null, orgId: orgs['ccas-lille']! };
      const read = await withContext(t.deps.db, lille, (trx) =>
        trx.selectFrom('services').select('id').where('id', 'in', [ids.activation!, ids.parents!]).execute(),
      );
      expect(read).toHaveLength(0);
      const updated = await withContext(t.deps.db, lille, (trx) =>
        trx
          .updateTable('services')
          .set({ title_fr: 'Détourné' })
          .where('id', 'in', [ids.activation!, ids.dettes!])
          .executeTakeFirst(),
      );
      expect(Number(updated.numUpdatedRows)).toBe(0);
      const deleted = await withContext(t.deps.db, lille, (trx) =>
        trx.deleteFrom('services').where('id', '=', ids.dettes!).executeTakeFirst(),
      );
      expect(Number(deleted.numDeletedRows)).toBe(0);
      const anonymous = await withContext(t.deps.db, { scope: 'public' }, (trx) =>
        trx.selectFrom('services').select('id').where('published', '=', false).execute(),
      );
      expect(anonymous).toHaveLength(0);
    });
  });

  describe('management', () => {
    const valid = {
      titleFr: 'Permanence énergie',
      titleNl: 'Energiepermanentie',
      theme: 'housing',
      targetPublics: ['all'],
      languages: ['fr', 'nl'],
      municipalityCode: 'BE-57096',
      crossBorderAccess: 'open_to_all',
      openingHours: [{ day: 2, opens: '09:00', closes: '12:00' }],
      email: 'energie@cpas-mouscron.example',
      phone: '+32 56 00 00 09',
    };
    const count = () =>
      withContext(t.deps.db, { platformAdmin: true }, async (trx) =>
        Number(
          (
            await trx
              .selectFrom('services')
              .select((e) => e.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      );

    it('refuses invalid services with translated field errors and changes nothing', async () => {
      const c = await t.login('admin@cpas-mouscron.example');
      const before = await count();
      const r = await c.post('/api/services', {
        ...valid,
        titleFr: undefined,
        titleNl: undefined,
        municipalityCode: 'BE-99999',
        phone: '12 34 56',
        openingHours: [
          { day: 1, opens: '09:00', closes: '12:00' },
          { day: 1, opens: '11:00', closes: '13:00' },
          { day: 2, opens: '15:00', closes: '10:00' },
        ],
      });
      expect(r.statusCode, r.body).toBe(400);
      const fields = Object.fromEntries(
        r.json().error.fields.map((f: { path: string; code: string; message: string }) => [f.path, f]),
      );
      expect(fields.titleFr.message).toBe('Indiquez un intitulé en français ou en néerlandais.');
      expect(fields['openingHours.1'].code).toBe('network.services.errors.hours_overlap');
      expect(fields['openingHours.2.closes'].code).toBe('network.services.errors.hours_order');
      expect(fields.municipalityCode.code).toBe('validation.municipality');
      expect(Object.keys(fields)).toContain('phone');
      const schema = await c.post('/api/services', { ...valid, theme: 'gardening', languages: [] });
      expect(schema.statusCode, schema.body).toBe(400);
      expect(
        schema
          .json()
          .error.fields.map((f: { path: string }) => f.path)
          .sort(),
      ).toEqual(['languages', 'theme']);
      expect(await count()).toBe(before);
    });

    it('creates a draft, publishes it with an audit entry, then deletes it', async () => {
      const c = await t.login('admin@cpas-mouscron.example');
      const created = await c.post('/api/services', valid);
      expect(created.statusCode, created.body).toBe(201);
      const s = created.json();
      expect(s).toMatchObject({
        published: false,
        orgId: orgs['cpas-mouscron'],
        municipalityNameFr: 'Mouscron',
      });
      expect((await search('?q=energie')).total).toBe(0);

      const stale = await c.patch(`/api/services/${s.id}`, {
        published: true,
        expectedUpdatedAt: '2020-01-01T00:00:00.000Z',
      });
      expect(stale.statusCode).toBe(409);
      const bad = await c.patch(`/api/services/${s.id}`, { titleFr: null, titleNl: null });
      expect(bad.statusCode).toBe(400);

      const published = await c.patch(`/api/services/${s.id}`, {
        published: true,
        email: null,
        expectedUpdatedAt: s.updatedAt,
      });
      expect(published.statusCode, published.body).toBe(200);
      expect(published.json()).toMatchObject({ published: true, email: null, titleFr: 'Permanence énergie' });
      expect((await search('?q=energie')).items.map((i) => i.id)).toEqual([s.id]);

      const entries = await withContext(t.deps.db, { platformAdmin: true }, (trx) =>
        trx
          .selectFrom('audit.log')
          .select(['action', 'before', 'after', 'org_id'])
          .where('entity', '=', 'services')
          .where('entity_id', '=', s.id)
          .orderBy('id')
          .execute(),
      );
      expect(entries.map((e) => e.action)).toEqual(['create', 'update']);
      expect(entries[1]).toMatchObject({
        org_id: orgs['cpas-mouscron'],
        before: { published: false, email: 'energie@cpas-mouscron.example' },
        after: { published: true, email: null },
      });

      expect((await c.del(`/api/services/${s.id}`)).statusCode).toBe(204);
      expect((await t.anonymous.get(`/api/directory/services/${s.id}`)).statusCode).toBe(404);
      expect((await c.del(`/api/services/${s.id}`)).statusCode).toBe(404);
    });

    it('refuses malformed ids with 400 and answers unknown ones with 404', async () => {
      const c = await t.login('admin@cpas-mouscron.example');
      expect((await c.patch('/api/services/1', { published: true })).statusCode).toBe(400);
      expect((await c.del('/api/services/abc')).statusCode).toBe(400);
      expect((await c.patch(`/api/services/${crypto.randomUUID()}`, { published: true })).statusCode).toBe(
        404,
      );
    });

    it("does not let another organisation's manager change or delete a service", async () => {
      const lille = await t.login('benevolat@ccas-lille.example');
      expect((await lille.patch(`/api/services/${ids.dettes}`, { titleFr: 'Détourné' })).statusCode).toBe(
        404,
      );
      expect((await lille.del(`/api/services/${ids.dettes}`)).statusCode).toBe(404);
      const own = await lille.post('/api/services', { ...valid, orgId: orgs['cpas-mouscron'] });
      expect(own.statusCode).toBe(403);
      expect((await t.anonymous.get(`/api/directory/services/${ids.dettes}`)).json().titleFr).toBe(
        'Permanence transfrontalière de médiation de dettes',
      );
    });

    it('refuses a referent (no service.manage) and anonymous callers', async () => {
      const referent = await t.login('referent@cpas-mouscron.example');
      expect((await referent.get('/api/services')).statusCode).toBe(403);
      expect((await referent.post('/api/services', valid)).statusCode).toBe(403);
      expect((await referent.patch(`/api/services/${ids.dettes}`, { published: false })).statusCode).toBe(
        403,
      );
      expect((await t.anonymous.post('/api/services', valid)).statusCode).toBe(401);
    });

    it('lets a platform admin create for any organisation', async () => {
      const admin = await t.login('admin@samen.example');
      const missing = await admin.post('/api/services', valid);
      expect(missing.statusCode).toBe(400);
      const r = await admin.post('/api/services', { ...valid, orgId: orgs['ocmw-menen'], published: true });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().orgNameNl).toBe('Openbaar Centrum voor Maatschappelijk Welzijn Menen');
      expect((await admin.del(`/api/services/${r.json().id}`)).statusCode).toBe(204);
    });
  });
});
