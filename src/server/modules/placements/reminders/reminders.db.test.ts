import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import { fixedClock, systemClock } from '../../../../common/kernel/clock';
import { addDays, addMonths } from '../../../../common/placements/dates';
import { addWorkingDays } from '../../../../common/placements/reminder-rules';
import { agreementFixtures } from './fixtures.testing';
import { runPlacementReminders } from './run-reminders';

let t: TestApp;
let fx: ReturnType<typeof agreementFixtures>;
const today = systemClock.today();
const ids: Record<string, string> = {};
const signatures: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  fx = agreementFixtures(t);
  const home = await fx.member('referent@cpas-mouscron.example');
  const nl = await fx.member('trajectbegeleider@ocmw-kortrijk.example');
  const host = await fx.member('tuteur@atelier-roubaix.example');
  // Ends in 5 days, no evaluation yet: mid-term, final and end are due.
  const ending = await fx.createAgreement(home, host, {
    lastName: 'Rappela',
    startsOn: addDays(today, -60),
    endsOn: addDays(today, 5),
  });
  // Started 10 days ago: nothing is due yet.
  const young = await fx.createAgreement(home, host, {
    lastName: 'Rappelb',
    startsOn: addDays(today, -10),
    endsOn: addDays(today, 80),
  });
  // Ended 3 days ago without an exit situation.
  const ended = await fx.createAgreement(home, host, {
    lastName: 'Rappelc',
    status: 'completed',
    startsOn: addDays(today, -90),
    endsOn: addDays(today, -3),
    endedOn: addDays(today, -3),
  });
  // Ended 6 months and 2 days ago, exit recorded: the 6-month situation is due.
  const endedLong = addDays(addMonths(today, -6), -2);
  const sixMonths = await fx.createAgreement(home, host, {
    lastName: 'Rappeld',
    status: 'completed',
    startsOn: addMonths(endedLong, -3),
    endsOn: endedLong,
    endedOn: endedLong,
  });
  await fx.addOutcome(sixMonths, 'exit', endedLong);
  // The same with both situations recorded: nothing due.
  const done = await fx.createAgreement(home, host, {
    lastName: 'Rappele',
    status: 'completed',
    startsOn: addMonths(endedLong, -3),
    endsOn: endedLong,
    endedOn: endedLong,
  });
  await fx.addOutcome(done, 'exit', endedLong);
  await fx.addOutcome(done, 'six_months', today);
  // Awaiting signatures: one asked a week ago (more than 2 working days), one today, one signed.
  const signing = await fx.createAgreement(home, host, {
    lastName: 'Rappelf',
    status: 'awaiting_signatures',
    startsOn: addDays(today, 30),
    endsOn: addDays(today, 120),
  });
  signatures.old = await fx.addSignature(signing, 'host_representative', 7);
  signatures.fresh = await fx.addSignature(signing, 'person', 0);
  signatures.signed = await fx.addSignature(signing, 'home_referent', 7, true);
  // A Dutch-speaking referent in Kortrijk, mid-term due.
  const dutch = await fx.createAgreement(nl, host, {
    lastName: 'Herinnering',
    startsOn: addDays(today, -50),
    endsOn: addDays(today, 40),
  });
  Object.assign(ids, {
    ending: ending.id,
    young: young.id,
    ended: ended.id,
    sixMonths: sixMonths.id,
    done: done.id,
    signing: signing.id,
    dutch: dutch.id,
  });
});
afterAll(async () => t?.close());

const reminders = async () =>
  (
    await sql<{
      placement_id: string;
      kind: string;
      subject_key: string;
    }>`select placement_id, kind, subject_key
      from placement_reminders order by placement_id, kind, subject_key`.execute(fx.db)
  ).rows;
const kindsOf = async (id: string) =>
  (await reminders()).filter((r) => r.placement_id === id).map((r) => r.kind);
// Demo agreements have reminders of their own: only this file's agreements are looked at.
const mine = () => Object.values(ids);
const mails = async () =>
  (
    await sql<{ to_address: string; locale: string; subject: string; body_text: string; template: string }>`
      select to_address, locale, subject, body_text, template from mail_outbox
      where template = 'placements.overview.reminder' order by id`.execute(fx.db)
  ).rows.filter((m) => mine().some((id) => m.body_text.includes(`/app/placements/${id}\n`)));
/** Runs the job on a day (its clock fixed there) and counts what it recorded for this file's agreements. */
const run = async (day: string | Date) => {
  const before = (await reminders()).filter((r) => mine().includes(r.placement_id));
  const mailsBefore = (await mails()).length;
  await runPlacementReminders({
    db: fx.db,
    config: { publicUrl: 'https://samen.test' },
    clock: fixedClock(day),
  });
  const after = (await reminders()).filter((r) => mine().includes(r.placement_id));
  return { mails: (await mails()).length - mailsBefore, reminders: after.length - before.length };
};
const remindedAt = async (id: string) =>
  (
    await sql<{ r: Date | null }>`select reminded_at as r from placement_signatures where id = ${id}`.execute(
      fx.db,
    )
  ).rows[0]?.r ?? null;

describe('placement reminders', () => {
  it('sends each due reminder once, in one mail per agreement, only when due', async () => {
    const first = await run(today);
    expect(first).toEqual({ mails: 5, reminders: 7 });
    expect(await kindsOf(ids.ending!)).toEqual(['end', 'final_evaluation', 'mid_term_evaluation']);
    expect(await kindsOf(ids.young!)).toEqual([]);
    expect(await kindsOf(ids.ended!)).toEqual(['exit_outcome']);
    expect(await kindsOf(ids.sixMonths!)).toEqual(['six_month_outcome']);
    expect(await kindsOf(ids.done!)).toEqual([]);
    expect(await kindsOf(ids.signing!)).toEqual(['pending_signature']);
    expect(await kindsOf(ids.dutch!)).toEqual(['mid_term_evaluation']);
    expect((await reminders()).find((r) => r.kind === 'pending_signature')?.subject_key).toMatch(
      new RegExp(`^${signatures.old}:`),
    );
    expect(await remindedAt(signatures.old!)).not.toBeNull();
    expect(await remindedAt(signatures.fresh!)).toBeNull();

    const sent = await mails();
    expect(sent).toHaveLength(5);
    const french = sent.filter((m) => m.to_address === 'referent@cpas-mouscron.example');
    expect(french).toHaveLength(4);
    for (const m of french) {
      expect(m.locale).toBe('fr');
      expect(m.subject).toMatch(/^samen : rappel pour le stage du participant TEST-0000-0000-\d{4}$/);
      // No name, birth date or contact: the participant code and a link only.
      expect(m.body_text).not.toMatch(/Nora|Rappel[a-f]|1988|fictif\.example/);
    }
    const endingMail = french.find((m) => m.body_text.includes(`/app/placements/${ids.ending}`))!;
    expect(endingMail.body_text).toContain('https://samen.test/app/placements/');
    expect(endingMail.body_text).toMatch(
      /évaluation à mi-parcours[\s\S]*évaluation finale[\s\S]*se termine le/,
    );
    const signingMail = french.find((m) => m.body_text.includes(ids.signing!))!;
    expect(signingMail.body_text).toContain(
      'Signature en attente depuis plus de 2 jours ouvrables : Représentant de l’organisation d’accueil.',
    );
    const dutchMail = sent.find((m) => m.to_address === 'trajectbegeleider@ocmw-kortrijk.example')!;
    expect(dutchMail.locale).toBe('nl');
    expect(dutchMail.body_text).toContain('De tussentijdse evaluatie moet plaatsvinden');

    // The next hour: nothing new.
    expect(await run(today)).toEqual({ mails: 0, reminders: 0 });
    expect(await mails()).toHaveLength(5);
  });

  it('reminds a pending signature again 2 working days after the last reminder', async () => {
    const later = addWorkingDays(today, 2);
    expect(await run(later)).toEqual({ mails: 0, reminders: 0 });
    const after = addWorkingDays(today, 3);
    const r = await run(after);
    // The old signature again, and the one asked today is now overdue too; nothing else is new.
    expect(r).toEqual({ mails: 1, reminders: 2 });
    const signing = (await reminders()).filter((x) => x.placement_id === ids.signing);
    expect(signing.map((x) => x.subject_key.split(':')[0]).sort()).toEqual(
      [signatures.old, signatures.old, signatures.fresh].sort(),
    );
    expect(await remindedAt(signatures.fresh!)).not.toBeNull();
  });

  it('recording the evaluation or outcome stops that reminder', async () => {
    const home = await fx.member('referent@cpas-mouscron.example');
    const host = await fx.member('tuteur@atelier-roubaix.example');
    const a = await fx.createAgreement(home, host, {
      lastName: 'Rappelg',
      startsOn: addDays(today, -60),
      endsOn: addDays(today, 30),
    });
    await fx.addEvaluation(a, 'mid_term', today);
    ids.g = a.id;
    expect(await run(today)).toEqual({ mails: 0, reminders: 0 });
    expect(await kindsOf(a.id)).toEqual([]);
  });

  it('another organisation, even the host, can neither read nor write the home centre’s reminders', async () => {
    await run(today);
    const home = await fx.member('referent@cpas-mouscron.example');
    const own = await fx.asOrg(home, (trx) =>
      trx
        .selectFrom('placement_reminders')
        .select(['id', 'org_id'])
        .where('placement_id', '=', ids.ending!)
        .execute(),
    );
    expect(own.length).toBeGreaterThan(0);
    for (const email of ['trajectbegeleider@ocmw-kortrijk.example', 'tuteur@atelier-roubaix.example']) {
      const other = await fx.member(email);
      const seen = await fx.asOrg(other, (trx) =>
        trx.selectFrom('placement_reminders').select('id').where('placement_id', '=', ids.ending!).execute(),
      );
      expect(seen).toEqual([]);
      await expect(
        fx.asOrg(other, (trx) =>
          trx
            .insertInto('placement_reminders')
            .values({ org_id: home.orgId, placement_id: ids.ending!, kind: 'end', subject_key: 'forged' })
            .execute(),
        ),
      ).rejects.toThrow();
    }
  });

  it('turns at midnight in Brussels, not at midnight UTC', async () => {
    const home = await fx.member('referent@cpas-mouscron.example');
    const host = await fx.member('tuteur@atelier-roubaix.example');
    // Ends on a later day, so that no earlier run of this file saw it due.
    const day = addDays(today, 20);
    const a = await fx.createAgreement(home, host, {
      lastName: 'Rappelh',
      status: 'completed',
      startsOn: addDays(day, -90),
      endsOn: day,
      endedOn: day,
    });
    ids.h = a.id;
    await run(new Date(`${addDays(day, -1)}T12:00:00Z`));
    expect(await kindsOf(a.id)).toEqual([]);
    // 23:30 UTC the day before is already the day itself in Brussels (UTC+1 in winter, +2 in summer).
    await run(new Date(`${addDays(day, -1)}T23:30:00Z`));
    expect(await kindsOf(a.id)).toEqual(['exit_outcome']);
  });
});
