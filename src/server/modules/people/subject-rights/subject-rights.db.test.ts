import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import { withContext } from '../../../platform/db/context';
import { fieldCipher } from '../../../platform/keys/field-cipher';
import { anonymisePerson } from './anonymise';

const available = await engineAvailable();

/**
 * Data-subject rights (issue 16, ADR 0032) on the demo network: export (JSON, PDF in FR and NL) of every
 * module's data and of nobody else's, restriction that refuses writes until lifted, rectification in the
 * audit log, anonymisation that leaves no identifying data and the same indicator counts, and no access
 * for anyone else.
 */
describe.skipIf(!available)('data-subject rights', () => {
  let t: TestApp;
  let coord: Client;
  let referent: Client;
  let orgAdmin: Client;
  let otherCoord: Client;
  let kortrijk: Client;
  let karim: {
    id: string;
    email: string | null;
    birth_date: string;
    participant_code: string;
    org_id: string;
  };
  let sophie: string;
  const owner = () => t.db.engine.db;
  const UNIQUE = 'Note-of-Sophie-only-7f3a';
  let sophieNote: string;

  const personByName = async (last: string) =>
    (
      await sql<{
        id: string;
        email: string | null;
        birth_date: string;
        participant_code: string;
        org_id: string;
      }>`
        select id, email, birth_date::text as birth_date, participant_code, org_id from persons
        where last_name = ${last}`.execute(owner())
    ).rows[0]!;
  const base = (id: string) => `/api/people/${id}`;
  const pdfText = (body: Buffer) => {
    const dir = mkdtempSync(join(tmpdir(), 'samen-sr-'));
    writeFileSync(join(dir, 'x.pdf'), body);
    return execFileSync('pdftotext', [join(dir, 'x.pdf'), '-'], { encoding: 'utf8' });
  };
  const auditOf = async (entity: string, id: string, action: string) =>
    (
      await sql<{
        before: Record<string, unknown> | null;
        after: Record<string, unknown> | null;
        detail: unknown;
      }>`
        select before, after, detail from audit.log where entity = ${entity} and entity_id = ${id}
          and action = ${action} order by id`.execute(owner())
    ).rows;

  /** Every programme's counts by the placements, pathways and newcomers rules (definer functions, as owner). */
  const indicatorCounts = async () =>
    (
      await sql<{
        programme: string;
        placements: number;
        placed: number;
        pathways: number;
        newcomers: number;
      }>`
        select pr.id as programme,
          (select count(*)::int from app.ind_placements_all(pr.id, '2000-01-01', '2100-12-31', 0,
            array['draft', 'awaiting_signatures', 'home_review', 'host_validation', 'validated', 'active',
              'completed', 'interrupted', 'cancelled'], null)) as placements,
          (select count(distinct subject)::int from app.ind_placements_all(pr.id, '2000-01-01', '2100-12-31', 0,
            array['active', 'completed', 'interrupted'], null)) as placed,
          (select count(distinct subject)::int from app.ind_pathways_all(pr.id, '2000-01-01', '2100-12-31')) as pathways,
          (select count(distinct subject)::int from app.ind_newcomers_accompanied_all(pr.id, '2000-01-01',
            '2100-12-31', false)) as newcomers
        from programmes pr order by pr.id`.execute(owner())
    ).rows;

  beforeAll(async () => {
    t = await createTestApp();
    coord = await t.login('coordination@cpas-mouscron.example');
    referent = await t.login('referent@cpas-mouscron.example');
    orgAdmin = await t.login('admin@cpas-mouscron.example');
    otherCoord = await t.login('diensthoofd@ocmw-menen.example');
    kortrijk = await t.login('trajectbegeleider@ocmw-kortrijk.example');
    karim = await personByName('Benhallou');
    sophie = (await personByName('Lemairon')).id;
    // A note only Sophie's record holds: it must never appear in Karim's export.
    // Sealed as the application writes notes (ADR 0039), as Mouscron's referent.
    const author = (
      await sql<{ id: string; org: string }>`select u.id, m.org_id as org from users u
        join memberships m on m.user_id = u.id where u.email = 'referent@cpas-mouscron.example'`.execute(
        owner(),
      )
    ).rows[0]!;
    sophieNote = await withContext(owner(), { userId: author.id, orgId: author.org }, async (trx) => {
      const body = (await fieldCipher(trx, t.deps.secrets)).seal('pathway_notes.body', UNIQUE);
      return (
        await sql<{
          id: string;
        }>`insert into pathway_notes (org_id, pathway_id, author_user_id, noted_on, body)
          select w.org_id, w.id, ${author.id}, current_date, ${body} from pathways w
          where w.person_id = ${sophie} limit 1 returning id`.execute(trx)
      ).rows[0]!.id;
    });
  }, 600_000);
  afterAll(async () => t?.close());

  it('exports every module’s data about the person and nothing of another person, audited without content', async () => {
    const r = await coord.download(`${base(karim.id)}/subject-export.json`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('application/json');
    expect(r.headers['content-disposition']).toContain('attachment');
    const data = r.json() as {
      sections: { key: string; title: string; rows: Record<string, unknown>[]; withheld?: number }[];
    };
    const of = (key: string) => data.sections.find((s) => s.key === key)!;
    const keys = data.sections.map((s) => s.key);
    for (const k of [
      'people.person',
      'people.pathways',
      'people.notes',
      'people.consents',
      'placements.agreements',
    ])
      expect(keys).toContain(k);
    expect(keys.some((k) => k.startsWith('accompaniment.'))).toBe(true);
    expect(of('people.person').rows[0]).toMatchObject({ firstName: 'Karim', lastName: 'Benhallou' });
    expect(of('people.notes').rows.length).toBe(3);
    expect(of('placements.agreements').rows.length).toBeGreaterThanOrEqual(1);
    expect(of('people.pathways').title).not.toBe('people.subject_rights.section.people.pathways');
    const text = r.body;
    expect(text).not.toContain(UNIQUE);
    expect(text).not.toContain('Lemairon');
    expect(text).not.toContain(sophie);

    // Every field of every section is named in the three catalogues.
    const catalogues = ['fr', 'nl', 'en'].map((l) =>
      JSON.parse(
        readFileSync(join(import.meta.dirname, `../../../../i18n/people/subject-rights/${l}.json`), 'utf8'),
      ),
    );
    const fields = new Set(data.sections.flatMap((s) => s.rows.flatMap((row) => Object.keys(row))));
    for (const f of fields)
      for (const c of catalogues) expect(c[`people.subject_rights.field.${f}`], f).toBeTruthy();

    const entries = await auditOf('persons', karim.id, 'export');
    expect(entries.length).toBe(1);
    const detail = JSON.stringify(entries[0]!.detail);
    expect(detail).toContain('subject_data');
    expect(detail).not.toContain('Benhallou');
    expect(detail).not.toContain('Karim');
  });

  it('prints a readable PDF in the person’s language, or in the one asked', async () => {
    const fr = await coord.download(`${base(karim.id)}/subject-export.pdf`);
    expect(fr.statusCode).toBe(200);
    expect(fr.headers['content-type']).toBe('application/pdf');
    const frText = pdfText(fr.rawPayload);
    expect(frText).toContain('Données personnelles : Karim Benhallou');
    expect(frText).toContain('Notes de parcours');
    expect(frText).toContain('Date de naissance');
    expect(frText).toContain('Stages');
    expect(frText).not.toContain(UNIQUE);

    const nl = await coord.download(`${base(karim.id)}/subject-export.pdf?language=nl`);
    expect(nl.statusCode).toBe(200);
    const nlText = pdfText(nl.rawPayload);
    expect(nlText).toContain('Persoonsgegevens: Karim Benhallou');
    expect(nlText).toContain('Trajectnotities');
    expect(nlText).toContain('Geboortedatum');
    expect(nlText).not.toContain('Date de naissance');

    const formats = (await auditOf('persons', karim.id, 'export')).map(
      (e) => (e.detail as { format: string; language: string }).format,
    );
    expect(formats).toEqual(['json', 'pdf', 'pdf']);
  });

  it('is a stored export: its owner downloads it, another member of the organisation cannot (ADR 0033)', async () => {
    for (const file of ['subject-export.json', 'subject-export.pdf']) {
      const made = await coord.get(`${base(karim.id)}/${file}`);
      expect(made.statusCode, made.body.slice(0, 200)).toBe(303);
      const at = String(made.headers.location);
      expect(at).toMatch(/^\/api\/exports\/[0-9a-f-]{36}$/);
      expect(made.body).not.toContain('Benhallou');
      expect((await orgAdmin.get(at)).statusCode).toBe(404);
      expect((await otherCoord.get(at)).statusCode).toBe(404);
      expect((await t.anonymous.get(at)).statusCode).toBe(401);
      const got = await coord.get(at);
      expect(got.statusCode).toBe(200);
      expect(got.headers['cache-control']).toContain('no-store');
    }
  });

  it('lets no one else call any of it', async () => {
    const calls = (c: Client) => [
      c.download(`${base(karim.id)}/subject-export.json`),
      c.download(`${base(karim.id)}/subject-export.pdf`),
      c.put(`${base(karim.id)}/restriction`, { reason: 'Accuracy contested' }),
      c.del(`${base(karim.id)}/restriction`),
      c.post(`${base(karim.id)}/anonymise`, { confirm: true }),
    ];
    const statuses = async (c: Client) => (await Promise.all(calls(c))).map((r) => r.statusCode);
    expect(await statuses(t.anonymous)).toEqual([401, 401, 401, 401, 401]);
    // Same organisation without the permission: a referent; an organisation admin may not erase.
    expect(await statuses(referent)).toEqual([403, 403, 403, 403, 403]);
    // Another organisation's coordinator holds the permissions but not the person.
    expect(await statuses(otherCoord)).toEqual([404, 404, 404, 404, 404]);
    expect(await statuses(kortrijk)).toEqual([403, 403, 403, 403, 403]);
    expect((await orgAdmin.post(`${base(karim.id)}/anonymise`, { confirm: true })).statusCode).toBe(403);
    expect((await orgAdmin.download(`${base(karim.id)}/subject-export.json`)).statusCode).toBe(200);
    const still = await personByName('Benhallou');
    expect(still.id).toBe(karim.id);
  });

  it('restricts processing: writes refused with a translated error, reads go on, lifting is audited', async () => {
    const bad = await coord.put(`${base(karim.id)}/restriction`, { reason: 'x' });
    expect(bad.statusCode).toBe(400);
    const on = await coord.put(`${base(karim.id)}/restriction`, {
      reason: 'Accuracy contested by the person',
    });
    expect(on.statusCode).toBe(200);
    expect(on.json().restriction.reason).toBe('Accuracy contested by the person');

    const patch = await coord.patch(base(karim.id), { phone: '+32 56 11 22 33' });
    expect(patch.statusCode).toBe(409);
    expect(patch.json().error.code).toBe('errors.person_restricted');
    expect(patch.json().error.message).not.toBe('errors.person_restricted');
    const pathway = (
      await sql<{ id: string }>`select id from pathways where person_id = ${karim.id} limit 1`.execute(
        owner(),
      )
    ).rows[0]!.id;
    const note = await coord.post(`/api/pathways/${pathway}/notes`, {
      notedOn: '2026-01-05',
      body: 'Refused note',
    });
    expect(note.statusCode).toBe(409);
    // A placement's follow-up, written by the database's own path, is refused the same way.
    const placement = (
      await sql<{ id: string; org_id: string; host_org_id: string }>`
        select id, org_id, host_org_id from placements where person_id = ${karim.id} limit 1`.execute(owner())
    ).rows[0]!;
    await expect(
      sql`insert into placement_mobility (org_id, host_org_id, placement_id, travelled_on, mode, recorded_by)
        values (${placement.org_id}, ${placement.host_org_id}, ${placement.id}, '2026-01-05', 'bus',
          (select id from users where email = 'referent@cpas-mouscron.example'))`.execute(owner()),
    ).rejects.toMatchObject({ code: 'SR001' });

    const read = await coord.get(base(karim.id));
    expect(read.statusCode).toBe(200);
    expect(read.json().restriction.reason).toBe('Accuracy contested by the person');
    expect(read.json().canManage).toBe(false);

    const off = await coord.del(`${base(karim.id)}/restriction`);
    expect(off.statusCode).toBe(200);
    expect(off.json().restriction).toBeNull();
    const restrictionChanges = (await auditOf('persons', karim.id, 'update')).filter(
      (e) => e.after && 'restricted_at' in e.after,
    );
    expect(restrictionChanges.length).toBe(2);
    expect(restrictionChanges[1]!.after!.restricted_at).toBeNull();
  });

  it('rectifies through the edit form, with the changed fields in the audit log', async () => {
    const r = await coord.patch(base(karim.id), { phone: '+32 56 11 22 33' });
    expect(r.statusCode).toBe(200);
    const last = (await auditOf('persons', karim.id, 'update')).at(-1)!;
    expect(last.after).toMatchObject({ phone: '+32 56 11 22 33' });
    expect(Object.keys(last.before ?? {})).toContain('phone');
  });

  it('anonymises: nothing identifying is left, the indicators count the same, the erasure is recorded', async () => {
    const before = await indicatorCounts();
    expect(before.some((c) => c.placements > 0)).toBe(true);
    const noConfirm = await coord.post(`${base(karim.id)}/anonymise`, {});
    expect(noConfirm.statusCode).toBe(400);
    expect(JSON.stringify(noConfirm.json().error.fields)).toContain('confirm');

    const r = await coord.post(`${base(karim.id)}/anonymise`, { confirm: true });
    expect(r.statusCode).toBe(200);
    const report = r.json().modules as Record<string, Record<string, number>>;
    expect(report['people.pathways']!.notesDeleted).toBe(3);
    expect(report['people.person']!.persons).toBe(1);
    expect(report['placements.agreements']!.placementsKept).toBeGreaterThanOrEqual(1);
    expect(report['accompaniment.records']).toBeDefined();

    const row = (
      await sql<
        Record<string, unknown>
      >`select first_name, last_name, birth_date::text as birth_date, email, phone,
        street, postal_code, municipality_code, national_id_enc, anonymised_at, status, participant_code
        from persons where id = ${karim.id}`.execute(owner())
    ).rows[0]!;
    expect(row).toMatchObject({
      first_name: '',
      last_name: karim.participant_code,
      birth_date: `${karim.birth_date.slice(0, 4)}-01-01`,
      email: null,
      phone: null,
      street: null,
      postal_code: null,
      municipality_code: null,
      national_id_enc: null,
      status: 'archived',
      participant_code: karim.participant_code,
    });
    expect(row.anonymised_at).not.toBeNull();
    const notes = await sql<{ n: number }>`select count(*)::int as n from pathway_notes n join pathways w
      on w.id = n.pathway_id where w.person_id = ${karim.id}`.execute(owner());
    expect(notes.rows[0]!.n).toBe(0);
    expect(await indicatorCounts()).toEqual(before);

    const after = (await coord.download(`${base(karim.id)}/subject-export.json`)).body;
    for (const gone of ['Benhallou', 'Karim', '+32 56 11 22 33', karim.birth_date, karim.email].filter(
      Boolean,
    ))
      expect(after).not.toContain(gone as string);

    const erasure = (
      await sql<{ id: string; reason: string; report: Record<string, unknown> }>`
        select id, reason, report from person_erasures where person_id = ${karim.id}`.execute(owner())
    ).rows;
    expect(erasure.length).toBe(1);
    expect(erasure[0]!.reason).toBe('request');
    expect(erasure[0]!.report).toHaveProperty('people.person');
    expect((await auditOf('person_erasures', erasure[0]!.id, 'create')).length).toBe(1);
    expect((await coord.post(`${base(karim.id)}/anonymise`, { confirm: true })).statusCode).toBe(409);
  });

  it('anonymises the accompaniment: the team’s clinical notes are counted in the export, never shown, then erased', async () => {
    const tesfay = (
      await sql<{
        id: string;
      }>`select p.id from persons p where p.last_name = 'Exemple-Tesfay' and p.first_name = 'Yonas'`.execute(
        owner(),
      )
    ).rows[0]!.id;
    await sql`update memberships set roles = array['referent', 'coordinator'] where user_id =
      (select id from users where email = 'accompagnement@lavieactive.example')`.execute(owner());
    const lva = await t.login('accompagnement@lavieactive.example');
    const data = (await lva.download(`${base(tesfay)}/subject-export.json`)).json() as {
      sections: { key: string; rows: unknown[]; withheld?: number }[];
    };
    const clinical = data.sections.find((s) => s.key === 'accompaniment.clinical_notes')!;
    expect(clinical.withheld).toBe(1);
    expect(clinical.rows).toEqual([]);
    expect(data.sections.find((s) => s.key === 'accompaniment.requests')!.rows.length).toBe(1);

    const before = await indicatorCounts();
    const r = await lva.post(`${base(tesfay)}/anonymise`, { confirm: true });
    expect(r.statusCode).toBe(200);
    expect(r.json().modules['accompaniment.records'].clinicalNotesDeleted).toBe(1);
    expect(await indicatorCounts()).toEqual(before);
    const left = await sql<{ n: number }>`select count(*)::int as n from accompaniment_clinical_notes
      where person_id = ${tesfay}`.execute(owner());
    expect(left.rows[0]!.n).toBe(0);
  });

  it('keeps erasures to their organisation: no other one reads them, the application writes none', async () => {
    const menen = (
      await sql<{ user_id: string; org_id: string }>`select m.user_id, m.org_id from memberships m
        join users u on u.id = m.user_id where u.email = 'diensthoofd@ocmw-menen.example'`.execute(owner())
    ).rows[0]!;
    const mouscron = (
      await sql<{ user_id: string }>`select m.user_id from memberships m join users u on u.id = m.user_id
        where u.email = 'coordination@cpas-mouscron.example'`.execute(owner())
    ).rows[0]!;
    const count = (userId: string, orgId: string) =>
      withContext(owner(), { userId, orgId }, async (trx) =>
        Number(
          (await sql<{ n: number }>`select count(*)::int as n from person_erasures`.execute(trx)).rows[0]!.n,
        ),
      );
    expect(await count(mouscron.user_id, karim.org_id)).toBeGreaterThan(0);
    expect(await count(menen.user_id, menen.org_id)).toBe(0);
    for (const ctx of [
      { userId: menen.user_id, orgId: menen.org_id },
      { userId: mouscron.user_id, orgId: karim.org_id },
    ])
      await expect(
        withContext(owner(), ctx, (trx) =>
          sql`insert into person_erasures (org_id, person_id, reason, xact)
            values (${ctx.orgId}, ${sophie}, 'request', pg_current_xact_id())`.execute(trx),
        ),
      ).rejects.toMatchObject({ code: '42501' });
    // Another organisation cannot start an erasure of a person it does not hold.
    await expect(
      withContext(owner(), { userId: menen.user_id, orgId: menen.org_id }, (trx) =>
        sql`select app.begin_erasure(${sophie}::uuid, 'retention')`.execute(trx),
      ),
    ).rejects.toMatchObject({ code: '42501' });
  });

  it('lets the retention job erase for the organisation, and refuses a caller who may not', async () => {
    const referentId = (
      await sql<{ id: string }>`select id from users where email = 'referent@cpas-mouscron.example'`.execute(
        owner(),
      )
    ).rows[0]!.id;
    const org = karim.org_id;
    await expect(
      withContext(owner(), { userId: referentId, orgId: org }, (trx) =>
        anonymisePerson(trx, t.deps, sophie, 'request'),
      ),
    ).rejects.toMatchObject({ code: '42501' });
    const report = await withContext(owner(), { orgId: org, scope: 'system' }, (trx) =>
      anonymisePerson(trx, t.deps, sophie, 'retention'),
    );
    expect(report.reason).toBe('retention');
    const body = await sql<{
      n: number;
    }>`select count(*)::int as n from pathway_notes where id = ${sophieNote}`.execute(owner());
    expect(body.rows[0]!.n).toBe(0);
  });
});
