import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import type { PlacementPage, PlacementView } from '../../../../common/placements/agreement-schemas';
import {
  agreementFixtures,
  HOME_ADMIN,
  HOME_REFERENT,
  HOST_COORDINATOR,
  HOST_TUTOR,
} from './fixtures.testing';

const available = await engineAvailable();

/**
 * Issue 9, items 5 and 11: every party reads whose turn it is and what to do, on the agreement and in the
 * lists; after a host refusal the old round's signatures no longer read as given, and the refusal's reason
 * shows to the home side while it reworks the draft, then only in the agreement's history.
 */
describe.skipIf(!available)('placement agreements: whose turn, refusal and history', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof agreementFixtures>>;
  let referent: Client;
  let admin: Client;
  let hostC: Client;
  let tutor: Client;

  beforeAll(async () => {
    t = await createTestApp();
    f = await agreementFixtures(t);
    referent = await t.login(HOME_REFERENT);
    admin = await t.login(HOME_ADMIN);
    hostC = await t.login(HOST_COORDINATOR);
    tutor = await t.login(HOST_TUTOR);
  });
  afterAll(async () => t?.close());

  const view = async (c: Client, id: string) => {
    const r = await c.get(`/api/placements/${id}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as PlacementView;
  };
  const listed = async (c: Client, id: string) => {
    const page = (await c.get('/api/placements?pageSize=50')).json() as PlacementPage;
    return page.items.find((i) => i.id === id);
  };
  // Insurance is named before signatures are asked (issue 9, item 1).
  const INSURED = { accidentInsuranceRef: 'AXA-AT-0001', liabilityInsuranceRef: 'AXA-RC-0002' };
  const brief = (v: { nextStep: PlacementView['nextStep'] }) =>
    v.nextStep.map((n) => [n.kind, n.action ?? n.signatures.join('+'), n.side, n.whose]);

  it('says whose turn it is at each stage, to each reader, on the agreement and in the list', async () => {
    const d = await f.draft(referent, await f.person('Ysée'), INSURED);
    expect(brief(d)).toEqual([['action', 'send_for_signature', 'home', 'yours']]);
    expect(brief((await listed(referent, d.id))!)).toEqual([
      ['action', 'send_for_signature', 'home', 'yours'],
    ]);

    await f.step(referent, d.id, 'send_for_signature');
    const link = await referent.post(`/api/placements/${d.id}/signatures`, {
      role: 'person',
      method: 'link',
      signerName: 'Ysée Fictivaert',
      email: 'ysee@example.org',
    });
    expect(link.statusCode, link.body).toBe(201);
    expect(brief(await view(referent, d.id))).toEqual([
      ['request_signature', 'home_referent', 'home', 'yours'],
      ['request_signature', 'host_representative', 'host', 'other_party'],
      ['sign', 'person', 'home', 'signatory'],
    ]);
    const hostSees = await view(hostC, d.id);
    expect(brief(hostSees)).toEqual([
      ['request_signature', 'home_referent', 'home', 'other_party'],
      ['request_signature', 'host_representative', 'host', 'yours'],
      ['sign', 'person', 'home', 'signatory'],
    ]);
    // The signatory is named to the home side; the host reads what its grant shows, never the e-mail.
    expect((await view(referent, d.id)).nextStep.at(-1)?.signerName).toBe('Ysée Fictivaert');
    expect(JSON.stringify(hostSees.nextStep)).not.toContain('ysee@example.org');
    // The list says the same without naming anyone.
    const item = await listed(hostC, d.id);
    expect(brief(item!)).toEqual(brief(hostSees));
    expect(item!.nextStep.every((n) => n.signerName === null)).toBe(true);

    await f.signAll(referent, hostC, d.id);
    expect(brief(await view(referent, d.id))).toEqual([['action', 'submit_for_review', 'home', 'yours']]);
    await f.step(referent, d.id, 'submit_for_review');

    // After submitting, the referent's only button is "cancel": the page says the review is a coordinator's.
    const inReview = await view(referent, d.id);
    expect(inReview.actions.map((a) => a.action).filter((a) => a !== 'amend')).toEqual(['cancel']);
    expect(inReview.nextStep).toMatchObject([
      {
        action: 'approve_home',
        side: 'home',
        roles: ['coordinator', 'org_admin'],
        whose: 'your_organisation',
      },
    ]);
    expect(brief(await view(admin, d.id))).toEqual([['action', 'approve_home', 'home', 'yours']]);
    expect(brief((await listed(referent, d.id))!)).toEqual([
      ['action', 'approve_home', 'home', 'your_organisation'],
    ]);

    await f.step(admin, d.id, 'approve_home');
    expect(brief(await view(referent, d.id))).toEqual([['action', 'validate_host', 'host', 'other_party']]);
    expect(brief(await view(hostC, d.id))).toEqual([['action', 'validate_host', 'host', 'yours']]);
    expect(brief(await view(tutor, d.id))).toEqual([
      ['action', 'validate_host', 'host', 'your_organisation'],
    ]);
    expect(brief((await listed(tutor, d.id))!)).toEqual([
      ['action', 'validate_host', 'host', 'your_organisation'],
    ]);

    await f.step(hostC, d.id, 'validate_host');
    expect((await view(referent, d.id)).nextStep).toMatchObject([
      { action: 'activate', whose: 'yours', blockedBy: ['start_reached'] },
    ]);
    const cancelled = await f.step(referent, d.id, 'cancel', 'La personne a trouvé un emploi.');
    expect(cancelled.nextStep).toEqual([]);
  });

  it('after a host refusal: old signatures superseded, the reason shown to the home side while relevant, then history', async () => {
    const d = await f.draft(referent, await f.person('Zélie'), INSURED);
    await f.step(referent, d.id, 'send_for_signature');
    await f.signAll(referent, hostC, d.id);
    await f.step(referent, d.id, 'submit_for_review');
    await f.step(admin, d.id, 'approve_home');
    const reason = 'Le tuteur est absent en janvier';
    await f.step(hostC, d.id, 'refuse_host', reason);

    const draft = await view(referent, d.id);
    expect(draft).toMatchObject({ status: 'draft', version: 1, statusReason: reason });
    // The round of version 1 is kept, but no longer reads as signed.
    expect(draft.signatures).toHaveLength(3);
    expect(draft.signatures.every((s) => s.superseded)).toBe(true);
    expect(brief(draft)).toEqual([['action', 'send_for_signature', 'home', 'yours']]);
    expect(brief((await listed(referent, d.id))!)).toEqual([
      ['action', 'send_for_signature', 'home', 'yours'],
    ]);
    expect(draft.history.at(-1)).toMatchObject({ action: 'refuse_host', to: 'draft', side: 'host', reason });
    // The host, tutor included, is not shown the reason again.
    expect((await view(hostC, d.id)).statusReason).toBeNull();
    expect((await view(tutor, d.id)).statusReason).toBeNull();

    // Signed again, reviewed, validated: the reason has left the top of the agreement for its history.
    const again = await f.step(referent, d.id, 'send_for_signature');
    expect(again).toMatchObject({ version: 2, statusReason: null, signatures: [] });
    await f.signAll(referent, hostC, d.id);
    await f.step(referent, d.id, 'submit_for_review');
    await f.step(admin, d.id, 'approve_home');
    await f.step(hostC, d.id, 'validate_host');
    const home = await view(referent, d.id);
    expect(home.statusReason).toBeNull();
    expect(home.signatures.every((s) => !s.superseded && s.signedAt)).toBe(true);
    expect(home.history.map((h) => [h.action, h.side, h.reason])).toEqual([
      ['create', 'home', null],
      ['send_for_signature', 'home', null],
      ['submit_for_review', 'home', null],
      ['approve_home', 'home', null],
      ['refuse_host', 'host', reason],
      ['send_for_signature', 'home', null],
      ['submit_for_review', 'home', null],
      ['approve_home', 'home', null],
      ['validate_host', 'host', null],
    ]);
    for (const c of [hostC, tutor]) {
      const v = await view(c, d.id);
      expect(v.statusReason).toBeNull();
      // The history is read from the home centre's audit chain, which the host cannot read.
      expect(v.history).toEqual([]);
      expect(JSON.stringify(v)).not.toContain(reason);
    }
  });
});
