import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import {
  REFERRAL_SIDES,
  REFERRAL_STATUSES,
  type ReferralSide,
  type ReferralStatus,
  referralWorkflow,
} from '../../../../common/people/referral-rules';
import { referralFixtures } from './fixtures.testing';

const available = await engineAvailable();

// The guard reads statuses only; the reason just has the sealed shape the column's check asks for (0078).
const SEALED_REASON = 'v2.1.a-reason-sealed-by-the-recipient';

type Member = { userId: string; orgId: string };

/**
 * The database's second line (app.referrals_guard, migration 0003) allows each side exactly the moves the
 * workflow gives it: every status change of every pair, tried by each side directly in SQL under RLS, is
 * accepted when `referralWorkflow.moves(side)` lists it and refused by the guard otherwise.
 */
describe.skipIf(!available)('the referral guard against the workflow', () => {
  let t: TestApp;
  let f: ReturnType<typeof referralFixtures>;
  let sender: Member;
  let recipient: Member;
  let personId: string;

  beforeAll(async () => {
    t = await createTestApp();
    f = referralFixtures(t);
    sender = await f.member('referent@cpas-mouscron.example');
    recipient = await f.member('referent@ccas-roubaix.example');
    personId = await f.createPerson(sender, { firstName: 'Gardien', lastName: 'Essai' });
  });
  afterAll(async () => t?.close());

  /** A referral already in a status, written by the sender (a decline carries its reason). */
  const referralIn = (status: ReferralStatus) =>
    f.asOrg(sender, async (trx) => {
      const r = await trx
        .insertInto('referrals')
        .values({
          org_id: sender.orgId,
          person_id: personId,
          recipient_org_id: recipient.orgId,
          purpose: 'referral',
          fields: ['identity'],
          status,
          decline_reason: status === 'declined' ? SEALED_REASON : null,
          override_reason: 'Essai du garde de la base',
          sent_by: sender.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    });

  /** Tries a status change as one side; 'accepted' or the guard's refusal (any other error fails). */
  const attempt = async (side: ReferralSide, id: string, from: ReferralStatus, to: ReferralStatus) => {
    const member = side === 'sender' ? sender : recipient;
    try {
      await f.asOrg(member, (trx) =>
        sql`update referrals set status = ${to},
          decline_reason = ${to === 'declined' ? SEALED_REASON : null},
          decided_by = ${side === 'recipient' ? member.userId : null}
          where id = ${id}`.execute(trx),
      );
      return 'accepted';
    } catch (e) {
      const message = (e as Error).message;
      // A move away from 'declined' would also break the reason's check: only the guard may refuse here.
      if (/may only (decide on|revoke) a referral/.test(message)) return 'refused';
      throw new Error(`${side} ${from}→${to}: ${message}`);
    }
  };

  it('accepts exactly the workflow’s moves for each side, and refuses every other status change', async () => {
    const pairs = REFERRAL_SIDES.flatMap((side) =>
      REFERRAL_STATUSES.flatMap((from) =>
        REFERRAL_STATUSES.filter((to) => to !== from).map((to) => ({ side, from, to })),
      ),
    );
    const outcomes = (moves: (side: ReferralSide) => Array<{ from: string; to: string }>) =>
      pairs.map(({ side, from, to }) => {
        const allowed = moves(side).some((m) => m.from === from && m.to === to);
        return `${side} ${from}>${to} ${allowed ? 'accepted' : 'refused'}`;
      });
    const seen: string[] = [];
    for (const { side, from, to } of pairs)
      seen.push(`${side} ${from}>${to} ${await attempt(side, await referralIn(from), from, to)}`);
    expect(seen).toEqual(outcomes((side) => referralWorkflow.moves(side)));
    // A planted drift is caught: a workflow letting the recipient reopen a declined referral.
    const planted = (side: ReferralSide) => [
      ...referralWorkflow.moves(side),
      ...(side === 'recipient' ? [{ from: 'declined', to: 'sent' }] : []),
    ];
    expect(seen).not.toEqual(outcomes(planted));
    // The workflow is not empty for either side: the comparison above proves something.
    for (const side of REFERRAL_SIDES) expect(referralWorkflow.moves(side).length).toBeGreaterThan(0);
  });
});
