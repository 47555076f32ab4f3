import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEngine, engineAvailable, type TestEngine } from '../../../test/support/engine';
import { audit } from './audit';
import { formatReport, verifyAuditChains } from './audit-verify';
import { withContext } from './db/context';

const available = await engineAvailable();

describe.skipIf(!available)('audit:verify recomputes the hash chains', () => {
  let t: TestEngine;
  let orgA: string;
  let orgB: string;
  const owner = (text: string, params: unknown[] = []) => t.engine.rawQuery(text, params);
  const verify = () => verifyAuditChains(t.engine.rawQuery);
  const chainOf = async (chain: string) => (await verify()).find((r) => r.chain === chain)!;

  beforeAll(async () => {
    t = await createTestEngine();
    await withContext(t.engine.db, { platformAdmin: true }, async (trx) => {
      const mk = (name: string) =>
        trx
          .insertInto('organisations')
          .values({ kind: 'ocmw', country: 'BE', region: 'BE-VLG', name_fr: name, name_nl: name })
          .returning('id')
          .executeTakeFirstOrThrow();
      orgA = (await mk('CPAS Été « test »')).id;
      orgB = (await mk('OCMW Test')).id;
    });
    // Updates, JSON with accents, quotes, nested objects and numbers: what jsonb::text renders its own way.
    for (const org of [orgA, orgB])
      await withContext(t.engine.db, { orgId: org, platformAdmin: true, requestId: 'req-1' }, async (trx) => {
        await trx
          .updateTable('organisations')
          .set({ phone: '+32 56 00 00 01' })
          .where('id', '=', org)
          .execute();
        await trx
          .updateTable('organisations')
          .set({ service_languages: ['fr', 'nl'], email: 'accueil@été.example' })
          .where('id', '=', org)
          .execute();
        await audit(trx, {
          action: 'export',
          entity: 'report',
          entityId: 'r-1',
          detail: { rows: 12.5, note: 'élan "quoted" \\ back', nested: { b: [1, 2, { z: null }], a: true } },
        });
      });
  });
  afterAll(async () => t?.drop());

  it('verifies a clean log, chain by chain, and exits 0', async () => {
    const reports = await verify();
    expect(reports.map((r) => r.chain)).toEqual(expect.arrayContaining([orgA, orgB]));
    expect(reports.every((r) => r.ok)).toBe(true);
    expect((await chainOf(orgA)).entries).toBe(4);
    const lines: string[] = [];
    expect(formatReport(reports, (l) => lines.push(l))).toBe(0);
    expect(lines.at(-1)).toBe(`${reports.length} chains verified, 0 broken`);
  });

  it('detects an entry altered by the owner, at its sequence number', async () => {
    await owner(`update audit.log set detail = '{"rows": 13}' where chain = $1 and seq = 4`, [orgA]);
    expect(await chainOf(orgA)).toMatchObject({ ok: false, firstBadSeq: 4, reason: 'hash' });
    await owner(
      `update audit.log set after = after || '{"phone": "+32 56 99 99 99"}' where chain = $1 and seq = 2`,
      [orgA],
    );
    expect(await chainOf(orgA)).toMatchObject({ ok: false, firstBadSeq: 2, reason: 'hash' });
    expect((await chainOf(orgB)).ok).toBe(true);
    const lines: string[] = [];
    expect(formatReport(await verify(), (l) => lines.push(l))).toBe(1);
    expect(lines).toContain(`BROKEN  ${orgA}  first bad seq 2 (hash), 4 entries`);
  });

  it('detects a deleted entry, in the middle or at the end of a chain', async () => {
    await owner('delete from audit.log where chain = $1 and seq = 4', [orgB]);
    expect(await chainOf(orgB)).toMatchObject({ ok: false, firstBadSeq: 4, reason: 'head' });
    await owner('delete from audit.log where chain = $1 and seq = 2', [orgB]);
    expect(await chainOf(orgB)).toMatchObject({ ok: false, firstBadSeq: 2, reason: 'gap' });
  });

  it('gives the application role no way to write the log directly', async () => {
    const asApp = (q: ReturnType<typeof sql>) =>
      withContext(t.engine.db, { orgId: orgA, platformAdmin: true }, (trx) => q.execute(trx));
    for (const q of [
      sql`update audit.log set detail = null`,
      sql`delete from audit.log`,
      sql`insert into audit.log (chain, seq, action, entity, hash) values ('x', 1, 'create', 'x', '\\x00')`,
      sql`update audit.chain_head set seq = 0`,
    ])
      await expect(asApp(q)).rejects.toMatchObject({ code: '42501' });
  });
});
