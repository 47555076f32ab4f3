import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import { DEMO_ORGANISATIONS } from '../../../demo/organisations';
import { withContext } from '../../../platform/db/context';

const available = await engineAvailable();

describe.skipIf(!available)('organisations of the partner network', () => {
  let t: TestApp;
  let admin: Client;
  let orgAdmin: Client;
  let referent: Client;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin@samen.example');
    orgAdmin = await t.login('admin@cpas-mouscron.example');
    referent = await t.login('referent@cpas-mouscron.example');
    for (const o of DEMO_ORGANISATIONS) {
      const r = await t.db.engine.db
        .selectFrom('organisations')
        .select('id')
        .where('name_fr', '=', o.nameFr)
        .executeTakeFirstOrThrow();
      ids[o.key] = r.id;
    }
  });
  afterAll(async () => t?.close());

  /** The stored row, read as the owner (outside RLS). */
  const row = (id: string) =>
    t.db.engine.db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const count = async () =>
    Number(
      (await sql<{ n: number }>`select count(*)::int as n from organisations`.execute(t.db.engine.db))
        .rows[0]!.n,
    );

  it('lists a page with the total, and the next page continues it', async () => {
    const total = await count();
    const p1 = (await referent.get('/api/organisations?page=1&pageSize=5')).json();
    expect(p1).toMatchObject({ total, page: 1, pageSize: 5 });
    expect(p1.items).toHaveLength(5);
    const p2 = (await referent.get('/api/organisations?page=2&pageSize=5')).json();
    expect(p2.items.map((i: { id: string }) => i.id)).not.toContain(p1.items[0].id);
    const past = (await referent.get('/api/organisations?page=999&pageSize=25')).json();
    expect(past).toMatchObject({ items: [], total });
  });

  it('searches names in both languages regardless of accents and case', async () => {
    const names = async (q: string) =>
      (await referent.get(`/api/organisations?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((i: { id: string }) => i.id);
    expect(await names('MOESKROEN')).toContain(ids['cpas-mouscron']);
    expect(await names('prefecture de la region')).toContain(ids['prefecture-hdf']);
    expect(await names('CCAS Roubaix')).toContain(ids['ccas-roubaix']);
    expect(await names('100%')).toEqual([]);
    const mouscron = (await referent.get('/api/organisations?q=mouscron')).json().items;
    const cpas = mouscron.find((i: { id: string }) => i.id === ids['cpas-mouscron']);
    expect(cpas).toMatchObject({
      kind: 'cpas',
      country: 'BE',
      region: 'BE-WAL',
      municipalityCode: 'BE-57096',
    });
    expect(cpas.municipalityNameFr).toBe('Mouscron');
    expect(cpas.municipalityNameNl).toBe('Moeskroen');
  });

  it('filters by kind, country, region and status', async () => {
    const ocmw = (await referent.get('/api/organisations?kind=ocmw&pageSize=100')).json();
    expect(ocmw.items.length).toBeGreaterThan(0);
    expect(ocmw.items.every((i: { kind: string }) => i.kind === 'ocmw')).toBe(true);
    const fr = (await referent.get('/api/organisations?country=FR&region=FR-HDF&pageSize=100')).json();
    expect(fr.items.every((i: { country: string }) => i.country === 'FR')).toBe(true);
    expect(fr.total).toBe(DEMO_ORGANISATIONS.filter((o) => o.country === 'FR').length);
    const closed = (await referent.get('/api/organisations?status=closed')).json();
    expect(closed.total).toBe(0);
  });

  it('refuses bad queries and bad ids with a 4xx, and anonymous visitors', async () => {
    expect((await referent.get('/api/organisations?pageSize=101')).statusCode).toBe(400);
    expect((await referent.get('/api/organisations?kind=bank')).statusCode).toBe(400);
    expect((await referent.get('/api/organisations/not-a-uuid')).statusCode).toBe(400);
    const missing = await referent.get('/api/organisations/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    // Signed-in users read errors in their own language (French for this referent).
    expect(missing.json().error.message).toBe("Cette organisation n'existe pas ou ne vous est pas visible.");
    expect((await t.anonymous.get('/api/organisations')).statusCode).toBe(401);
  });

  it('shows the full record, and whether the reader may edit it', async () => {
    const mine = (await orgAdmin.get(`/api/organisations/${ids['cpas-mouscron']}`)).json();
    expect(mine).toMatchObject({
      nameNl: 'OCMW Moeskroen',
      canEdit: true,
      serviceLanguages: expect.any(Array),
    });
    expect((await orgAdmin.get(`/api/organisations/${ids['ocmw-kortrijk']}`)).json().canEdit).toBe(false);
    expect((await referent.get(`/api/organisations/${ids['cpas-mouscron']}`)).json().canEdit).toBe(false);
  });

  const valid = {
    kind: 'ocmw',
    country: 'BE',
    region: 'BE-VLG',
    nameFr: 'CPAS de Wervik',
    nameNl: 'OCMW Wervik',
    serviceLanguages: ['nl', 'fr'],
    municipalityCode: 'BE-33029',
    postalCode: '8940',
    businessId: 'BE 0207.419.256',
    email: 'onthaal@ocmw-wervik.example',
    phone: '056 12 34 56',
    website: 'https://www.ocmw-wervik.example',
  };

  it('lets a platform admin create an organisation, normalising its identifiers', async () => {
    const r = await admin.post('/api/organisations', valid);
    expect(r.statusCode).toBe(201);
    const o = r.json();
    expect(o).toMatchObject({
      nameNl: 'OCMW Wervik',
      businessIdType: 'kbo',
      businessId: '0207.419.256',
      phone: '+3256123456',
      municipalityNameNl: 'Wervik',
      status: 'active',
    });
    expect((await referent.get(`/api/organisations/${o.id}`)).json().nameFr).toBe('CPAS de Wervik');
  });

  it('refuses an inconsistent organisation with translated field errors and creates nothing', async () => {
    const before = await count();
    const r = await admin.post('/api/organisations', {
      ...valid,
      region: 'FR-HDF',
      businessId: '0207.419.257',
      municipalityCode: 'FR-59350',
      phone: '123456',
    });
    expect(r.statusCode).toBe(400);
    const fields = Object.fromEntries(
      r.json().error.fields.map((f: { path: string; message: string }) => [f.path, f.message]),
    );
    expect(fields).toEqual({
      region: 'This region is not in the chosen country.',
      businessId: 'This enterprise number is not valid (10 digits, e.g. 0123.456.749).',
      municipalityCode: 'This municipality is not in the chosen country.',
      phone: 'Enter a valid phone number.',
    });
    const unknown = await admin.post('/api/organisations', { ...valid, municipalityCode: 'BE-99999' });
    expect(unknown.json().error.fields).toEqual([
      expect.objectContaining({ path: 'municipalityCode', message: 'Choose a municipality from the list.' }),
    ]);
    const french = await admin.post('/api/organisations', {
      ...valid,
      kind: 'ccas',
      country: 'FR',
      region: 'FR-HDF',
      municipalityCode: 'FR-59350',
      businessId: '73282932000075',
      phone: '03 20 00 00 00',
    });
    expect(french.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['businessId']);
    const missing = await admin.post('/api/organisations', { kind: 'cpas', country: 'BE', region: 'BE-WAL' });
    expect(missing.statusCode).toBe(400);
    expect(
      missing
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['nameFr', 'nameNl']);
    expect(await count()).toBe(before);
  });

  it('does not let a referent or an organisation admin create organisations', async () => {
    expect((await referent.post('/api/organisations', valid)).statusCode).toBe(403);
    expect((await orgAdmin.post('/api/organisations', valid)).statusCode).toBe(403);
  });

  it('lets the organisation admin of CPAS Mouscron edit it, audited with before and after', async () => {
    const id = ids['cpas-mouscron']!;
    const r = await orgAdmin.patch(`/api/organisations/${id}`, {
      phone: '+32 56 86 01 11',
      street: 'Rue de la Paix 1',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ phone: '+3256860111', street: 'Rue de la Paix 1' });
    const entry = await t.db.engine.db
      .selectFrom('audit.log')
      .selectAll()
      .where('entity', '=', 'organisations')
      .where('entity_id', '=', id)
      .where('action', '=', 'update')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.before).toEqual({ phone: null, street: null });
    expect(entry.after).toEqual({ phone: '+3256860111', street: 'Rue de la Paix 1' });
  });

  it('refuses invalid changes with translated errors and changes nothing', async () => {
    const id = ids['cpas-mouscron']!;
    const before = await row(id);
    const r = await orgAdmin.patch(`/api/organisations/${id}`, {
      region: 'BE-VLG',
      kind: 'ccas',
      businessId: '123456789',
    });
    expect(r.statusCode).toBe(400);
    expect(
      r
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['businessId', 'kind']);
    expect((await orgAdmin.patch(`/api/organisations/${id}`, { country: 'FR' })).statusCode).toBe(400);
    expect((await orgAdmin.patch(`/api/organisations/${id}`, { nameFr: null })).statusCode).toBe(400);
    expect(await row(id)).toEqual(before);
  });

  it('closes with a date and reopens', async () => {
    const id = ids['cpas-mouscron']!;
    const noDate = await orgAdmin.patch(`/api/organisations/${id}`, { status: 'closed' });
    expect(noDate.json().error.fields).toEqual([
      expect.objectContaining({
        path: 'closedOn',
        message: "Indiquez la date de fermeture de l'organisation.",
      }),
    ]);
    const closed = await orgAdmin.patch(`/api/organisations/${id}`, {
      status: 'closed',
      closedOn: '2026-06-30',
    });
    expect(closed.json()).toMatchObject({ status: 'closed', closedOn: '2026-06-30' });
    expect((await referent.get('/api/organisations?status=closed')).json().total).toBe(1);
    const reopened = await orgAdmin.patch(`/api/organisations/${id}`, { status: 'active' });
    expect(reopened.json()).toMatchObject({ status: 'active', closedOn: null });
  });

  it('does not let the Mouscron admin edit OCMW Kortrijk, through the API or in SQL', async () => {
    const kortrijk = ids['ocmw-kortrijk']!;
    const before = await row(kortrijk);
    const r = await orgAdmin.patch(`/api/organisations/${kortrijk}`, { nameFr: 'Pris' });
    expect(r.statusCode).toBe(403);
    expect(
      (await referent.patch(`/api/organisations/${ids['cpas-mouscron']}`, { nameFr: 'Pris' })).statusCode,
    ).toBe(403);
    const user = await t.db.engine.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'admin@cpas-mouscron.example')
      .executeTakeFirstOrThrow();
    const updated = await withContext(
      t.db.engine.db,
      { userId: user.id, orgId: ids['cpas-mouscron'] },
      (trx) =>
        trx
          .updateTable('organisations')
          .set({ name_fr: 'Pris' })
          .where('id', '=', kortrijk)
          .executeTakeFirst(),
    );
    expect(Number(updated.numUpdatedRows)).toBe(0);
    expect(await row(kortrijk)).toEqual(before);
  });
});
