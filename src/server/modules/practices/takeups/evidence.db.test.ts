import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import { withContext } from '../../../platform/db/context';
import { referralFixtures } from '../../people/referrals/fixtures.testing';

type Member = { userId: string; orgId: string };

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('internal note of a fictional centre\n')]);

/**
 * A take-up's evidence file in the database itself (migration 0028): the network reads a published sheet's
 * take-ups and their file's name, type and size, but the bytes only the recording organisation and the
 * sheet's owner, whatever the application does; the policies read the context once per statement.
 */
describe('practice take-ups: the evidence file in the database', () => {
  let t: TestApp;
  let fx: ReturnType<typeof referralFixtures>;
  let owner: Member;
  let recorder: Member;
  let third: Member;
  let takeUpId: string;

  beforeAll(async () => {
    t = await createTestApp();
    fx = referralFixtures(t);
    owner = await fx.member('diensthoofd@ocmw-menen.example');
    recorder = await fx.member('coordination@cpas-mouscron.example');
    third = await fx.member('trajectbegeleider@ocmw-kortrijk.example');
    // A sheet of the owner, published to the network; the recorder's take-up with its evidence file.
    const sheetId = await fx.asOrg(owner, async (trx) => {
      const s = await sql<{ id: string }>`insert into practice_sheets (org_id, original_language, title_nl,
          description_nl, themes, created_by)
        values (${owner.orgId}::uuid, 'nl', 'Wijkloket (fictief)', 'Een wekelijks spreekuur in de wijk.',
          array['reception'], ${owner.userId}::uuid) returning id`.execute(trx);
      const id = s.rows[0]!.id;
      await sql`update practice_sheets set status = 'network' where id = ${id}::uuid`.execute(trx);
      return id;
    });
    takeUpId = await fx.asOrg(recorder, async (trx) => {
      const r = await sql<{ id: string }>`insert into practice_take_ups (sheet_id, sheet_org_id, org_id,
          status, starts_on, evidence, recorded_by)
        values (${sheetId}::uuid, ${owner.orgId}::uuid, ${recorder.orgId}::uuid, 'trying', '2026-06-01',
          'Uitgeprobeerd aan het onthaal (fictief).', ${recorder.userId}::uuid) returning id`.execute(trx);
      const id = r.rows[0]!.id;
      await sql`update practice_take_ups set evidence_filename = 'note.pdf',
          evidence_media_type = 'application/pdf', evidence_size_bytes = ${PDF.length},
          evidence_sha256 = ${createHash('sha256').update(PDF).digest('hex')}, evidence_content = ${PDF}
        where id = ${id}::uuid`.execute(trx);
      return id;
    });
  });
  afterAll(async () => t?.close());

  const bytesThroughFunction = (who: Parameters<typeof withContext>[1]) =>
    withContext(fx.db, who, async (trx) => {
      const r = await sql<{ content: Uint8Array | null }>`select app.practice_take_up_evidence(
          ${takeUpId}::uuid) as content`.execute(trx);
      return r.rows[0]?.content ?? null;
    });

  it('shows another organisation the record and its file’s name, never the file’s bytes', async () => {
    await fx.asOrg(third, async (trx) => {
      const seen = await sql<{
        evidence_filename: string;
        evidence_size_bytes: number;
      }>`select evidence_filename,
          evidence_size_bytes from practice_take_ups where id = ${takeUpId}::uuid`.execute(trx);
      expect(seen.rows).toEqual([{ evidence_filename: 'note.pdf', evidence_size_bytes: PDF.length }]);
    });
    for (const q of [
      sql`select evidence_content from practice_take_ups where id = ${takeUpId}::uuid`,
      sql`select t from practice_take_ups t where id = ${takeUpId}::uuid`,
      sql`select to_jsonb(t) from practice_take_ups t where id = ${takeUpId}::uuid`,
      sql`select id from practice_take_ups where evidence_content is not null`,
    ])
      await expect(fx.asOrg(third, (trx) => q.execute(trx))).rejects.toThrow(/permission denied/);
    expect(await bytesThroughFunction({ userId: third.userId, orgId: third.orgId })).toBeNull();
    expect(await bytesThroughFunction({ scope: 'public' })).toBeNull();
    expect(await bytesThroughFunction({ platformAdmin: true })).toBeNull();
  });

  it('gives the bytes to the recording organisation and the sheet’s owner, who select the column neither', async () => {
    for (const who of [recorder, owner]) {
      const content = await bytesThroughFunction({ userId: who.userId, orgId: who.orgId });
      expect(Buffer.from(content!).equals(PDF)).toBe(true);
      await expect(
        fx.asOrg(who, (trx) =>
          sql`select evidence_content from practice_take_ups where id = ${takeUpId}::uuid`.execute(trx),
        ),
      ).rejects.toThrow(/permission denied/);
    }
  });

  it('reads the context once per statement in every policy of its tables', async () => {
    const r = await sql<{ table: string; policy: string; expr: string }>`select tablename as table,
        policyname as policy, coalesce(qual, '') || ' ' || coalesce(with_check, '') as expr
      from pg_policies where tablename in ('practice_sheets', 'practice_attachments', 'practice_take_ups')`.execute(
      fx.db,
    );
    expect(r.rows.length).toBeGreaterThanOrEqual(10);
    const unwrapped = r.rows
      .filter((p) =>
        /(?<!SELECT )app\.(current_org_id|current_user_id|scope|is_platform_admin|is_authenticated)\(\)/.test(
          p.expr,
        ),
      )
      .map((p) => `${p.table}.${p.policy}`);
    expect(unwrapped).toEqual([]);
  });
});
