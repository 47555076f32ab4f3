import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import { AUDIT_ENTITIES } from '../../../../common/admin/audit-entities';
import type { AuditEntry, AuditPage } from '../../../../common/admin/audit-schemas';
import type { Actor } from '../../../platform/actor';
import { withContext } from '../../../platform/db/context';
import { readAuditLog } from './read-audit-log';

const available = await engineAvailable();
// Part of the demo host's name (another demo organisation is an "Atelier" too).
const PARTNER = encodeURIComponent('solidaire du canal');

/** Issue 9, item 22: the audit log names partners, record types and records, and tells no more than that. */
describe.skipIf(!available)('audit log: who and what, readable and private', () => {
  let t: TestApp;
  let mouscron: string;
  let atelier: string;
  let atelierName: string;
  let hostCoordinator: string;
  let placement: { id: string; person_id: string; starts_on: string; ends_on: string };
  let person: { first_name: string; last_name: string };

  const asPlatform = <T>(fn: Parameters<typeof withContext<T>>[2]) =>
    withContext(t.deps.db, { platformAdmin: true }, fn);
  const orgByName = (nameFr: string) =>
    asPlatform((trx) =>
      trx
        .selectFrom('organisations')
        .select(['id', 'name_fr'])
        .where('name_fr', '=', nameFr)
        .executeTakeFirstOrThrow(),
    );
  const userId = (email: string) =>
    asPlatform((trx) =>
      trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow(),
    ).then((u) => u.id);
  const audit = async (email: string, query = '') => {
    const r = await (await t.login(email)).get(`/api/admin/audit${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as AuditPage;
  };

  beforeAll(async () => {
    t = await createTestApp();
    mouscron = (await orgByName("Centre Public d'Action Sociale de Mouscron")).id;
    hostCoordinator = await userId('direction@atelier-roubaix.example');
    const host = await asPlatform((trx) =>
      trx
        .selectFrom('memberships as m')
        .innerJoin('organisations as o', 'o.id', 'm.org_id')
        .select(['o.id', 'o.name_fr'])
        .where('m.user_id', '=', hostCoordinator)
        .executeTakeFirstOrThrow(),
    );
    atelier = host.id;
    atelierName = host.name_fr;
    // Persons and agreements are the home centre's: not even a platform admin reads them.
    const asMouscron = { orgId: mouscron, userId: await userId('admin@cpas-mouscron.example') };
    placement = (await withContext(t.deps.db, asMouscron, (trx) =>
      trx
        .selectFrom('placements')
        .select(['id', 'person_id', 'starts_on', 'ends_on'])
        .where('org_id', '=', mouscron)
        .where('host_org_id', '=', atelier)
        .where('status', '=', 'active')
        .executeTakeFirstOrThrow(),
    )) as typeof placement;
    person = await withContext(t.deps.db, asMouscron, (trx) =>
      trx
        .selectFrom('persons')
        .select(['first_name', 'last_name'])
        .where('id', '=', placement.person_id)
        .executeTakeFirstOrThrow(),
    );
    // The host's tutor opens the agreement (a read of Mouscron's person through the grant) and its PDF
    // (an export in the host's own chain); Mouscron's referent opens the caseload (one read of many).
    const tutor = await t.login('tuteur@atelier-roubaix.example');
    expect((await tutor.get(`/api/placements/${placement.id}`)).statusCode).toBe(200);
    expect((await tutor.download(`/api/placements/${placement.id}/agreement.pdf`)).statusCode).toBe(200);
    const referent = await t.login('referent@cpas-mouscron.example');
    expect((await referent.get('/api/people')).statusCode).toBe(200);
  });
  afterAll(async () => t?.close());

  it("names the partner organisation and role that read the centre's person, not the partner's staff member", async () => {
    const tutorId = await userId('tuteur@atelier-roubaix.example');
    const log = await audit('admin@cpas-mouscron.example', `?entity=persons&action=read&actor=${tutorId}`);
    expect(log.total).toBeGreaterThan(0);
    const read = log.items.find((e) => e.entityId === placement.person_id);
    expect(read).toMatchObject({
      orgId: mouscron,
      actorUserId: tutorId,
      actorName: null,
      actorEmail: null,
      actorOrgId: atelier,
      actorOrgName: atelierName,
      actorRoles: ['tutor'],
      actorPlatformAdmin: false,
      // The centre's own person, by name, with a link to the record.
      subject: {
        name: `${person.first_name} ${person.last_name}`,
        partner: null,
        href: `/app/people/${placement.person_id}`,
      },
    });
    expect(JSON.stringify(read)).not.toContain('Noa Tuteur');
    expect(JSON.stringify(read)).not.toContain('tuteur@atelier-roubaix');
  });

  it('finds a partner\'s entries by the partner\'s name in the "who" filter; the other filters still hold', async () => {
    const byPartner = await audit('admin@cpas-mouscron.example', `?actor=${PARTNER}`);
    expect(byPartner.total).toBeGreaterThan(0);
    expect(byPartner.items.every((e) => e.actorOrgId === atelier)).toBe(true);
    const reads = await audit(
      'admin@cpas-mouscron.example',
      `?actor=${PARTNER}&action=read&entity=persons&entityId=${placement.person_id}`,
    );
    expect(reads.total).toBeGreaterThan(0);
    expect(
      reads.items.every(
        (e) => e.action === 'read' && e.entity === 'persons' && e.entityId === placement.person_id,
      ),
    ).toBe(true);
    expect((await audit('admin@cpas-mouscron.example', `?actor=${PARTNER}&entity=consents`)).total).toBe(0);
  });

  it('labels an agreement for its home centre as person – host, dates, with its page', async () => {
    const log = await audit('admin@cpas-mouscron.example', `?entity=placements&entityId=${placement.id}`);
    expect(log.total).toBeGreaterThan(0);
    for (const e of log.items)
      expect(e.subject).toEqual({
        name: `${person.first_name} ${person.last_name}`,
        partner: atelierName,
        from: placement.starts_on,
        to: placement.ends_on,
        href: `/app/placements/${placement.id}`,
      });
    // The host's coordinator moved it along (demo): named by organisation and role.
    const byHost = log.items.find((e) => e.actorUserId === hostCoordinator);
    expect(byHost).toMatchObject({ actorName: null, actorOrgName: atelierName, actorRoles: ['coordinator'] });
    // Its signatures, by the same agreement.
    const signatures = await audit('admin@cpas-mouscron.example', '?entity=placement_signatures');
    const ofThis = signatures.items.filter((e) => e.subject?.href === `/app/placements/${placement.id}`);
    expect(ofThis.length).toBeGreaterThan(0);
    // The grant the agreement made: the person, and the partner it is shared with.
    const grants = await audit('admin@cpas-mouscron.example', '?entity=person_grants');
    expect(grants.items.map((e) => e.subject)).toContainEqual({
      name: `${person.first_name} ${person.last_name}`,
      partner: atelierName,
      from: null,
      to: null,
      href: `/app/people/${placement.person_id}`,
    });
  });

  it('names the persons a list showed', async () => {
    const referentId = await userId('referent@cpas-mouscron.example');
    const log = await audit('admin@cpas-mouscron.example', `?entity=persons&action=read&actor=${referentId}`);
    const list = log.items.find((e) => e.entityId === null && (e.detail as { count: number }).count > 1);
    expect(list).toBeDefined();
    const ids = (list!.detail as { ids: string[] }).ids;
    expect(list!.subjects).toHaveLength(ids.length);
    expect(list!.subjects.map((s) => s.href)).toEqual(ids.map((id) => `/app/people/${id}`));
    expect(list!.subjects.every((s) => s.name && s.name.length > 1)).toBe(true);
  });

  it("never names the home centre's person to the host, in the host's own chain", async () => {
    // Atelier has no administrator among the demo accounts: its coordinator reads as one would.
    const hostAdmin = {
      userId: hostCoordinator,
      orgId: atelier,
      roles: ['org_admin'],
      platformAdmin: false,
      language: 'fr',
    } as unknown as Actor;
    const page = await withContext(t.deps.db, { userId: hostCoordinator, orgId: atelier }, (trx) =>
      readAuditLog(trx, hostAdmin, { entity: 'placements', entityId: placement.id }),
    );
    // The tutor's PDF download is in the host's chain; the reads of the person are not.
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((e) => e.orgId === atelier)).toBe(true);
    const download = page.items.find((e) => e.action === 'export');
    expect(download?.subject).toEqual({
      name: null,
      partner: "Centre Public d'Action Sociale de Mouscron",
      from: placement.starts_on,
      to: placement.ends_on,
      href: `/app/placements/${placement.id}`,
    });
    const all = await withContext(t.deps.db, { userId: hostCoordinator, orgId: atelier }, (trx) =>
      readAuditLog(trx, hostAdmin, {}),
    );
    const text = JSON.stringify(all);
    expect(text).not.toContain(person.last_name);
  });

  it("answers a partner's roles only for entries of the caller's own chain", async () => {
    const ids = (await audit('admin@cpas-mouscron.example', `?actor=${PARTNER}`)).items.map((e) => e.id);
    expect(ids.length).toBeGreaterThan(0);
    const kortrijk = (await orgByName('CPAS de Courtrai')).id;
    const kortrijkUser = await userId('trajectbegeleider@ocmw-kortrijk.example');
    const seen = await withContext(t.deps.db, { userId: kortrijkUser, orgId: kortrijk }, (trx) =>
      sql<{ id: number }>`select id from audit.entry_actors(${ids}::bigint[])`.execute(trx),
    );
    expect(seen.rows).toEqual([]);
    const mouscronAdmin = await userId('admin@cpas-mouscron.example');
    const own = await withContext(t.deps.db, { userId: mouscronAdmin, orgId: mouscron }, (trx) =>
      sql<{ id: number }>`select id from audit.entry_actors(${ids}::bigint[])`.execute(trx),
    );
    expect(own.rows).toHaveLength(ids.length);
    // Without a verified context, nothing.
    const anonymous = await withContext(t.deps.db, {}, (trx) =>
      sql<{ id: number }>`select id from audit.entry_actors(${ids}::bigint[])`.execute(trx),
    );
    expect(anonymous.rows).toEqual([]);
  });

  it("gives a platform administrator network data only, never a centre's person", async () => {
    const all = await audit('admin@samen.example', `?entity=persons&entityId=${placement.person_id}`);
    expect(all.total).toBeGreaterThan(0);
    expect(all.items.every((e: AuditEntry) => e.subject === null)).toBe(true);
    const orgs = await audit('admin@samen.example', `?entity=organisations&entityId=${mouscron}`);
    expect(orgs.items[0]?.subject).toMatchObject({
      name: "Centre Public d'Action Sociale de Mouscron",
      href: `/app/organisations/${mouscron}`,
    });
  });

  it('has a name for the record type of every audited table', async () => {
    const tables = await asPlatform((trx) =>
      sql<{ table: string }>`select distinct c.relname as table from pg_trigger g
        join pg_class c on c.oid = g.tgrelid
        where g.tgfoid = 'audit.on_change'::regproc`.execute(trx),
    );
    expect(tables.rows.length).toBeGreaterThan(10);
    const known: readonly string[] = AUDIT_ENTITIES;
    expect(tables.rows.map((r) => r.table).filter((n) => !known.includes(n))).toEqual([]);
  });
});
