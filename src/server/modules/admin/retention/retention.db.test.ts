import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import { addYears } from '../../../../common/admin/retention';
import { fixedClock, systemClock } from '../../../../common/kernel/clock';
import { hashPassword } from '../../../platform/auth/passwords';
import { withContext } from '../../../platform/db/context';
import { anonymisePerson } from '../../people';
import { runRetention } from './run-retention';

/**
 * Retention (issue 16, ADR 0033) on both engines, with a fixed clock: who is due at the boundary days,
 * the dry run changes nothing, the run anonymises what is due once (idempotent), reports it, and leaves
 * another organisation's persons alone. Today is the real day, so the demo's records (written today) are
 * never due and only the persons written here with back-dated records are.
 */
const T = systemClock.today();
const clock = fixedClock(T);
const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const yearsAgo = (n: number, plusDays = 0) => addDays(addYears(T, -n), plusDays);

let t: TestApp;
type Member = { userId: string; orgId: string };
let home: Member;
let other: Member;
const ids: Record<string, string> = {};
const codes: Record<string, string> = {};
let seq = 0;

const db = () => t.db.engine.db;
const PASSWORD = 'Retention-Fictive-2026';

/** Two fictional organisations of their own (no demo seed: it is slow and its records are not ours). */
async function organisations() {
  const hash = await hashPassword(PASSWORD);
  return withContext(db(), { platformAdmin: true, scope: 'system' }, async (trx) => {
    const members: Record<string, Member> = {};
    for (const [key, country, region] of [
      ['a', 'BE', 'BE-WAL'],
      ['b', 'BE', 'BE-VLG'],
    ] as const) {
      const org = await trx
        .insertInto('organisations')
        .values({
          kind: 'cpas',
          country,
          region,
          name_fr: `CPAS fictif ${key}`,
          name_nl: `OCMW fictief ${key}`,
          service_languages: ['fr'],
          municipality_code: null,
          email: `contact@retention-${key}.example`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const role of ['org_admin', 'referent'] as const) {
        const user = await trx
          .insertInto('users')
          .values({
            email: `${role}@retention-${key}.example`,
            display_name: `${role} ${key}`,
            locale: 'fr',
            platform_admin: false,
            password_hash: hash,
            password_changed_at: new Date(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('memberships')
          .values({ org_id: org.id, user_id: user.id, roles: [role] })
          .execute();
        members[`${role}:${key}`] = { userId: user.id, orgId: org.id };
      }
    }
    return members;
  });
}
const login = (email: string) => t.login(email, PASSWORD);

/** A person whose records all date from `lastContact` (created, updated), with optional pathways. */
async function person(
  m: Member,
  key: string,
  lastContact: string,
  pathways: Array<{ entryOn: string; exitOn: string | null; programmeId?: string }> = [],
) {
  seq++;
  const code = `RTNT-0000-0000-${String(seq).padStart(4, '0')}`;
  const at = `${lastContact}T10:00:00Z`;
  const id = await withContext(db(), { scope: 'system', orgId: m.orgId }, async (trx) => {
    const p = await trx
      .insertInto('persons')
      .values({
        org_id: m.orgId,
        first_name: 'Retenue',
        last_name: `Fictive${key}`,
        birth_date: '1980-03-01',
        email: `retenue.${seq}@fictif.example`,
        participant_code: code,
        referent_user_id: m.userId,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const w of pathways)
      await trx
        .insertInto('pathways')
        .values({
          org_id: m.orgId,
          person_id: p.id,
          entry_on: w.entryOn,
          exit_on: w.exitOn,
          programme_id: w.programmeId ?? null,
          created_at: at,
          updated_at: at,
        })
        .execute();
    return p.id;
  });
  ids[key] = id;
  codes[key] = code;
  return id;
}

async function programme(leadOrgId: string, acronym: string, endsOn: string, paidOn?: string) {
  const r = await sql<{ id: string }>`insert into programmes (org_id, acronym, name_fr, name_nl, funds,
      starts_on, ends_on)
    values (${leadOrgId}::uuid, ${acronym}, ${`Programme ${acronym}`}, ${`Programma ${acronym}`},
      array['erdf'], ${addYears(endsOn, -3)}::date, ${endsOn}::date) returning id`.execute(db());
  const id = r.rows[0]!.id;
  if (paidOn) {
    const d = await sql<{
      id: string;
    }>`insert into expenditure_declarations (programme_id, org_id, lead_org_id, period)
      values (${id}::uuid, ${leadOrgId}::uuid, ${leadOrgId}::uuid, 'final') returning id`.execute(db());
    await sql`insert into expenditure_items (declaration_id, org_id, lead_org_id, category, description,
        paid_on, amount_cents)
      values (${d.rows[0]!.id}::uuid, ${leadOrgId}::uuid, ${leadOrgId}::uuid, 'staff', 'Solde du personnel',
        ${paidOn}::date, 100000)`.execute(db());
  }
  return id;
}

const anonymised = async () => {
  const r = await sql<{ id: string }>`select id from persons where anonymised_at is not null`.execute(db());
  return new Set(r.rows.map((x) => x.id));
};
/** Every column of every person, to show that a dry run changed nothing. */
const snapshot = async () =>
  (
    await sql<{
      s: string;
    }>`select string_agg(to_jsonb(p)::text, '|' order by id) as s from persons p`.execute(db())
  ).rows[0]!.s;

beforeAll(async () => {
  t = await createTestApp({ clock, seed: false });
  const members = await organisations();
  home = members['org_admin:a']!;
  other = members['org_admin:b']!;
  // Case file: due exactly two years after the last contact, not a day before.
  await person(home, 'due', yearsAgo(2));
  await person(home, 'tomorrow', yearsAgo(2, 1));
  // A pathway ending two years ago is the last contact; an open pathway is a follow-up going on.
  await person(home, 'pathwayEnded', yearsAgo(4), [{ entryOn: yearsAgo(3), exitOn: yearsAgo(2) }]);
  await person(home, 'ongoing', yearsAgo(6), [{ entryOn: yearsAgo(6), exitOn: null }]);
  // Funded participation: the programme paid for the last time five years ago tomorrow, which holds a case
  // file due a year ago; another programme ended five years ago today, no payment recorded: due today.
  const held = await programme(home.orgId, 'RTN-HELD', yearsAgo(6), yearsAgo(5, 1));
  const ended = await programme(home.orgId, 'RTN-ENDED', yearsAgo(5));
  await person(home, 'held', yearsAgo(3), [{ entryOn: yearsAgo(7), exitOn: yearsAgo(6), programmeId: held }]);
  await person(home, 'participation', yearsAgo(3), [
    { entryOn: yearsAgo(7), exitOn: yearsAgo(6), programmeId: ended },
  ]);
  // Restricted processing (art. 18): left alone however old.
  const restricted = await person(home, 'restricted', yearsAgo(9));
  await withContext(db(), { scope: 'system', orgId: home.orgId }, (trx) =>
    trx
      .updateTable('persons')
      .set({ restricted_at: new Date(), restriction_reason: 'Litige en cours (fictif)' })
      .where('id', '=', restricted)
      .execute(),
  );
  // Another organisation: due by its dates, but its administrators never turned retention on.
  await person(other, 'elsewhere', yearsAgo(8));
  await withContext(db(), { userId: home.userId, orgId: home.orgId }, (trx) =>
    trx
      .insertInto('retention_policies')
      .values({ org_id: home.orgId, automatic: true, updated_by: home.userId })
      .execute(),
  );
});
afterAll(async () => t?.close());

describe('retention', () => {
  it('the dry run lists what is due at the boundary days, and changes nothing', async () => {
    const before = await snapshot();
    const admin = await login('org_admin@retention-a.example');
    const res = await admin.get('/api/admin/retention/due');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.today).toBe(T);
    expect(body.counts).toEqual({ caseFile: 2, participation: 1, held: 1, restricted: 1 });
    const due = Object.fromEntries(body.due.map((d: { participantCode: string }) => [d.participantCode, d]));
    expect(Object.keys(due).sort()).toEqual([codes.due, codes.pathwayEnded, codes.participation].sort());
    expect(due[codes.due!]).toMatchObject({ kind: 'case_file', dueOn: T, lastContactOn: yearsAgo(2) });
    expect(due[codes.participation!]).toMatchObject({ kind: 'participation', dueOn: T });
    expect(JSON.stringify(body)).not.toContain('Retenue');
    expect(await snapshot()).toBe(before);
    const runs = await sql<{ n: number }>`select count(*)::int as n from retention_runs`.execute(db());
    expect(runs.rows[0]!.n).toBe(0);
    // The codes shown are an audited read of those persons.
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit.log
      where action = 'read' and entity = 'persons' and detail ->> 'what' = 'retention_due'`.execute(db());
    expect(audit.rows[0]!.n).toBeGreaterThan(0);
  });

  it('an organisation’s administrator cannot name another organisation', async () => {
    const admin = await login('org_admin@retention-a.example');
    const res = await admin.get(`/api/admin/retention/due?orgId=${other.orgId}`);
    expect(res.statusCode).toBe(403);
  });

  it('the run anonymises what is due once, reports it, and leaves the rest alone', async () => {
    const results = await runRetention(t.deps, anonymisePerson);
    expect(results).toHaveLength(1);
    const [r] = results;
    expect(r!.orgId).toBe(home.orgId);
    expect(r!.counts).toEqual({ caseFile: 2, participation: 1, held: 1, restricted: 1 });
    expect(r!.failed).toBe(0);
    expect(new Set(r!.personIds)).toEqual(new Set([ids.due, ids.pathwayEnded, ids.participation]));
    const done = await anonymised();
    for (const k of ['due', 'pathwayEnded', 'participation']) expect(done.has(ids[k]!)).toBe(true);
    for (const k of ['tomorrow', 'ongoing', 'held', 'restricted', 'elsewhere'])
      expect(done.has(ids[k]!)).toBe(false);
    // Anonymised means the identity is gone (what anonymisePerson keeps is its business, ADR 0032).
    const gone = await sql<{ last_name: string; email: string | null }>`select last_name, email from persons
      where id = ${ids.due}::uuid`.execute(db());
    expect(gone.rows[0]!.last_name).not.toBe('Fictivedue');
    expect(gone.rows[0]!.email).toBeNull();
    const kept = await sql<{
      last_name: string;
    }>`select last_name from persons where id = ${ids.elsewhere}::uuid`.execute(db());
    expect(kept.rows[0]!.last_name).toBe('Fictiveelsewhere');

    // Idempotent: a second pass the same day does nothing and writes no second report.
    const before = await snapshot();
    expect(await runRetention(t.deps, anonymisePerson)).toEqual([]);
    expect(await snapshot()).toBe(before);

    // The report, by person ids only, is what the organisation's administrators see.
    const admin = await login('org_admin@retention-a.example');
    const page = (await admin.get('/api/admin/retention')).json();
    expect(page.policy).toMatchObject({
      caseFileYears: 2,
      participationYears: 5,
      automatic: true,
      isDefault: false,
    });
    expect(page.runs).toHaveLength(1);
    expect(page.runs[0]).toMatchObject({ ranOn: T, counts: r!.counts, failed: 0 });
    expect(new Set(page.runs[0].personIds)).toEqual(new Set(r!.personIds));
  });

  it('the next day, what fell due overnight is anonymised and nothing twice', async () => {
    const next = addDays(T, 1);
    const results = await runRetention({ ...t.deps, clock: fixedClock(next) }, anonymisePerson);
    expect(results).toHaveLength(1);
    expect(new Set(results[0]!.personIds)).toEqual(new Set([ids.tomorrow, ids.held]));
    expect(results[0]!.counts).toEqual({ caseFile: 1, participation: 1, held: 0, restricted: 1 });
    const done = await anonymised();
    expect(done.has(ids.ongoing!)).toBe(false);
    expect(done.has(ids.elsewhere!)).toBe(false);
  });

  it('a person whose anonymisation fails is rolled back alone, counted, and tried again the next day', async () => {
    const day = addDays(T, 3);
    const failing = await person(home, 'failing', yearsAgo(3));
    const fine = await person(home, 'fine', yearsAgo(3));
    const results = await runRetention(
      { ...t.deps, clock: fixedClock(day) },
      async (trx, deps, id, reason) => {
        if (id !== failing) return anonymisePerson(trx, deps, id, reason);
        // A change made before the failure must not survive it.
        await trx.updateTable('persons').set({ last_name: 'Moitié' }).where('id', '=', id).execute();
        throw new Error('simulated failure');
      },
    );
    expect(results[0]).toMatchObject({ failed: 1, personIds: [fine] });
    const row = await sql<{ last_name: string; anonymised_at: Date | null }>`select last_name, anonymised_at
      from persons where id = ${failing}::uuid`.execute(db());
    expect(row.rows[0]).toEqual({ last_name: 'Fictivefailing', anonymised_at: null });
    const next = await runRetention({ ...t.deps, clock: fixedClock(addDays(day, 1)) }, anonymisePerson);
    expect(next[0]).toMatchObject({ failed: 0, personIds: [failing] });
  });

  it('administrators set the policy; bad values are a translated 400 naming the field; others may not', async () => {
    const admin = await login('org_admin@retention-a.example');
    const bad = await admin.put('/api/admin/retention', {
      caseFileYears: 0,
      participationYears: 5,
      automatic: true,
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('caseFileYears');
    const ok = await admin.put('/api/admin/retention', {
      caseFileYears: 3,
      participationYears: 10,
      automatic: false,
    });
    expect(ok.statusCode).toBe(200);
    expect((await admin.get('/api/admin/retention')).json().policy).toMatchObject({
      caseFileYears: 3,
      participationYears: 10,
      automatic: false,
    });
    const referent = await login('referent@retention-a.example');
    expect((await referent.get('/api/admin/retention')).statusCode).toBe(403);
    expect((await referent.get('/api/admin/retention/due')).statusCode).toBe(403);
    expect(
      (
        await referent.put('/api/admin/retention', {
          caseFileYears: 1,
          participationYears: 1,
          automatic: true,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('another organisation can neither read nor write the policies and runs (RLS)', async () => {
    await withContext(db(), { userId: other.userId, orgId: other.orgId }, async (trx) => {
      expect(await trx.selectFrom('retention_policies').selectAll().execute()).toEqual([]);
      expect(await trx.selectFrom('retention_runs').selectAll().execute()).toEqual([]);
      const upd = await trx
        .updateTable('retention_policies')
        .set({ automatic: true })
        .where('org_id', '=', home.orgId)
        .executeTakeFirst();
      expect(Number(upd.numUpdatedRows)).toBe(0);
    });
    for (const table of ['retention_policies', 'retention_runs'] as const)
      await expect(
        withContext(db(), { userId: other.userId, orgId: other.orgId }, (trx) =>
          table === 'retention_policies'
            ? trx.insertInto('retention_policies').values({ org_id: home.orgId }).execute()
            : trx
                .insertInto('retention_runs')
                .values({ org_id: home.orgId, ran_on: T, case_file_years: 1, participation_years: 1 })
                .execute(),
        ),
      ).rejects.toThrow(/row-level security/);
    // Nor can it delete a run or change one, even its own: the report is written once.
    await expect(
      withContext(db(), { scope: 'system', orgId: home.orgId }, (trx) =>
        sql`delete from retention_runs where org_id = ${home.orgId}::uuid`.execute(trx),
      ),
    ).rejects.toThrow(/permission denied/);
    // The job's list of organisations is for the system scope only.
    const asUser = await withContext(db(), { userId: home.userId, orgId: home.orgId }, (trx) =>
      sql`select * from app.retention_automatic_orgs()`.execute(trx),
    );
    expect(asUser.rows).toEqual([]);
  });
});
