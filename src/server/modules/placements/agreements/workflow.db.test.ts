import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import type { PlacementPage, PlacementView } from '../../../../common/placements/agreement-schemas';
import { addDays } from '../../../../common/placements/dates';
import {
  agreementFixtures,
  HOME_ADMIN,
  HOME_REFERENT,
  HOST_COORDINATOR,
  HOST_TUTOR,
  PARKS,
} from './fixtures.testing';

const available = await engineAvailable();

/**
 * The agreement's life through the API, as the issue tells it: a Mouscron referent drafts an agreement
 * from an offer in Roubaix, the three parties sign, the home centre approves, the host validates, the
 * placement starts and ends. Then every guard of the transition table, failing with its own code.
 */
describe.skipIf(!available)('placement agreements: workflow', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof agreementFixtures>>;
  let referent: Client;
  let admin: Client;
  let hostC: Client;

  beforeAll(async () => {
    t = await createTestApp();
    f = await agreementFixtures(t);
    referent = await t.login(HOME_REFERENT);
    admin = await t.login(HOME_ADMIN);
    hostC = await t.login(HOST_COORDINATOR);
  });
  afterAll(async () => t?.close());

  it('seeds demo agreements of Mouscron persons, one per stage, through the workflow’s rules', async () => {
    const tutorC = await t.login(HOST_TUTOR);
    const page = (await referent.get('/api/placements?side=home')).json() as PlacementPage;
    const byStatus = Object.fromEntries(page.items.map((i) => [i.status, i]));
    expect(Object.keys(byStatus).sort()).toEqual(['active', 'awaiting_signatures', 'completed', 'draft']);
    expect(byStatus.active).toMatchObject({ siteName: 'Atelier du Pile', tutorName: 'Noa Tuteur' });
    expect(byStatus.active!.startsOn < f.today).toBe(true);
    expect(byStatus.awaiting_signatures?.pendingSignatures).toBe(2);
    const active = (await tutorC.get(`/api/placements/${byStatus.active!.id}`)).json() as PlacementView;
    expect(active).toMatchObject({ side: 'host', status: 'active', version: 1 });
    expect(active.personName).not.toBeNull();
    expect(active.signatures.every((s) => s.signedAt)).toBe(true);
    const completed = (await tutorC.get(`/api/placements/${byStatus.completed!.id}`)).json() as PlacementView;
    expect(completed.personName).toBeNull();
    // Every demo offer belongs to SAM Eurométropole, whose host sites are partners.
    const offers = await sql<{ n: number }>`select count(*)::int as n from placement_offers
      where programme_id is null`.execute(f.db);
    expect(offers.rows[0]?.n).toBe(0);
    // But no demo agreement belongs to a programme closed on its dates (SAM-E ended in 2014).
    const outside = await sql<{ n: number }>`select count(*)::int as n from placements p
      join programmes g on g.id = p.programme_id
      where p.starts_on < g.starts_on or p.ends_on > g.ends_on`.execute(f.db);
    expect(outside.rows[0]?.n).toBe(0);
    // Nor is any sent for signature without its insurance references (they are asked for before).
    const uninsured = await sql<{ n: number }>`select count(*)::int as n from placements
      where status <> 'draft' and status <> 'cancelled'
        and (accident_insurance_ref is null or liability_insurance_ref is null)`.execute(f.db);
    expect(uninsured.rows[0]?.n).toBe(0);
  });

  it('runs draft → signatures → review → host validation → active → completed', async () => {
    const personId = await f.person('Hélène');
    const d = await f.draft(referent, personId, {
      accidentInsuranceRef: undefined,
      liabilityInsuranceRef: undefined,
    });
    expect(d).toMatchObject({
      side: 'home',
      status: 'draft',
      version: 1,
      personName: 'Hélène Fictivaert',
      hostOrg: { id: f.orgs['atelier-roubaix'] },
      siteName: 'Atelier du Pile',
      municipalityCode: 'FR-59512',
      municipalityName: 'Roubaix',
      schedule: 'lun–ven 8h30–16h00',
      hoursPerWeek: 30,
      tutorUserId: f.tutor.userId,
      tutorName: 'Noa Tuteur',
      referentName: 'Sacha Référente',
      // The offer's programme, SAM-E, ended in 2014: it is not taken for a placement starting now.
      programmeId: null,
      language: 'fr',
      durationRule: { minMonths: 2, maxMonths: 6 },
      editable: true,
    });
    expect(d.tasks).toContain('Tonte');
    // Insurance is asked for before anyone signs, and the draft says so before the button is pressed.
    expect(d.actions.map((a) => [a.action, a.blockedBy])).toEqual([
      ['send_for_signature', ['insurance_recorded']],
      ['cancel', []],
    ]);
    const uninsured = await f.act(referent, d.id, 'send_for_signature');
    expect(uninsured.statusCode).toBe(409);
    expect(f.guardCodes(uninsured.json())).toEqual(['insurance_recorded']);
    const insured = await referent.patch(`/api/placements/${d.id}`, {
      accidentInsuranceRef: 'AXA-AT-0001',
      liabilityInsuranceRef: 'AXA-RC-0002',
    });
    expect(insured.statusCode, insured.body).toBe(200);
    expect((insured.json() as PlacementView).actions[0]?.blockedBy).toEqual([]);

    const sent = await f.step(referent, d.id, 'send_for_signature');
    expect(sent).toMatchObject({ status: 'awaiting_signatures', version: 1 });
    const toSign = await f.mails('placements.agreements.to_sign');
    // Issue 9, item 4: the host's signatories and validators by name, not the organisation's address, and
    // in the host's own outbox (the home centre's admins do not read the host's staff addresses).
    expect(toSign.map((m) => m.to_address)).toEqual(['direction@atelier-roubaix.example']);
    expect(toSign.at(-1)).toMatchObject({ locale: 'fr', org_id: f.orgs['atelier-roubaix'] });
    expect(toSign.at(-1)?.body_text).toContain(`/app/placements/${d.id}`);
    expect(toSign.at(-1)?.body_text).not.toMatch(/Hélène|Fictivaert/);
    // Written acting for the host with nobody signed in: both organisations are still named.
    expect(toSign.at(-1)?.subject).toContain('Mouscron');
    expect(toSign.at(-1)?.body_text).toMatch(/Mouscron a préparé .* dont Atelier Solidaire du Canal/s);
    const blocked = sent.actions.find((a) => a.action === 'submit_for_review');
    expect(blocked?.blockedBy).toEqual(['all_signed']);

    const signed = await f.signAll(referent, hostC, d.id);
    expect(signed.signatures.map((s) => [s.role, s.method, Boolean(s.signedAt)])).toEqual([
      ['person', 'in_person', true],
      ['home_referent', 'in_person', true],
      ['host_representative', 'in_person', true],
    ]);
    const list = (await referent.get(`/api/placements?personId=${personId}`)).json() as PlacementPage;
    expect(list.items[0]).toMatchObject({ id: d.id, pendingSignatures: 0, personName: 'Hélène Fictivaert' });

    await f.step(referent, d.id, 'submit_for_review');
    // Approving is the home centre's review: a referent may not, an administrator may.
    expect((await f.act(referent, d.id, 'approve_home')).statusCode).toBe(403);
    const approved = await f.step(admin, d.id, 'approve_home');
    expect(approved.status).toBe('host_validation');
    expect((await f.mails('placements.agreements.host_validation')).at(-1)?.to_address).toBe(
      'direction@atelier-roubaix.example',
    );

    const hostView = (await hostC.get(`/api/placements/${d.id}`)).json() as PlacementView;
    expect(hostView).toMatchObject({ side: 'host', editable: false, personName: 'Hélène Fictivaert' });
    expect(hostView.actions.map((a) => a.action)).toEqual(['validate_host', 'refuse_host']);
    const validated = await f.step(hostC, d.id, 'validate_host');
    expect(validated.status).toBe('validated');
    expect(validated.validatedAt).not.toBeNull();
    // The referent of the agreement hears of it.
    expect((await f.mails('placements.agreements.validated')).at(-1)?.to_address).toBe(
      'referent@cpas-mouscron.example',
    );

    // Not before its start.
    let r = await f.act(referent, d.id, 'activate');
    expect(r.statusCode).toBe(409);
    expect(f.guardCodes(r.json())).toEqual(['start_reached']);
    expect(r.json().error.message).toContain('début');
    // Insurance references are administrative: changed without new signatures.
    const reinsured = await referent.patch(`/api/placements/${d.id}`, {
      accidentInsuranceRef: 'AXA-AT-0003',
    });
    expect(reinsured.statusCode, reinsured.body).toBe(200);
    expect(reinsured.json()).toMatchObject({ status: 'validated', version: 1 });
    await f.shiftDates(d.id, -20);
    const active = await f.step(referent, d.id, 'activate');
    expect(active).toMatchObject({ status: 'active', editable: false });
    expect(active.activatedAt).not.toBeNull();

    r = await f.act(referent, d.id, 'complete');
    expect(f.guardCodes(r.json())).toEqual(['end_reached']);
    await f.setDates(d.id, addDays(f.today, -130), addDays(f.today, -1));
    const done = await f.step(referent, d.id, 'complete');
    expect(done).toMatchObject({ status: 'completed', endedOn: f.today, actions: [] });
    const grant = await sql<{ revoked_reason: string | null }>`select revoked_reason from person_grants
      where source = 'placement' and source_id = ${d.id}`.execute(f.db);
    expect(grant.rows[0]?.revoked_reason).toBe('placement_completed');
  });

  it('refuses an unknown action, a move from the wrong status and a refusal without reason', async () => {
    const d = await f.draft(referent, await f.person('Ines'));
    expect((await f.act(referent, d.id, 'fly')).statusCode).toBe(400);
    const wrong = await f.act(referent, d.id, 'activate');
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error.code).toBe('placements.agreements.errors.illegal_transition');
    const noReason = await f.act(referent, d.id, 'cancel');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields).toEqual([
      expect.objectContaining({ path: 'reason', code: 'placements.agreements.errors.reason_required' }),
    ]);
    const cancelled = await f.step(referent, d.id, 'cancel', 'La personne a trouvé un emploi.');
    expect(cancelled).toMatchObject({ status: 'cancelled', statusReason: 'La personne a trouvé un emploi.' });
    // The tutor sees only their tutees; this one is theirs (the offer's tutor).
    const tutorC = await t.login(HOST_TUTOR);
    expect((await tutorC.get(`/api/placements/${d.id}`)).statusCode).toBe(200);
    expect((await f.act(tutorC, d.id, 'validate_host')).statusCode).toBe(409);
  });

  describe('each guard fails with its code', () => {
    it('agreement_complete, insurance, duration, start, host_in_programme, within_programme on sending', async () => {
      const p = await f.person('Jade');
      // A current programme the host is not a partner of.
      const elsewhere = await f.openProgramme('GRD-T', [f.home.orgId]);
      const bare = await f.draft(referent, p, {
        offerId: undefined,
        hostOrgId: f.orgs['atelier-roubaix'],
        siteName: 'Atelier du Pile',
        municipalityCode: 'FR-59512',
        startsOn: f.future(30),
        endsOn: f.future(120),
        programmeId: elsewhere,
        accidentInsuranceRef: undefined,
        liabilityInsuranceRef: undefined,
      });
      expect(bare.programmeId).toBe(elsewhere);
      expect(bare.actions[0]?.blockedBy.sort()).toEqual([
        'agreement_complete',
        'host_in_programme',
        'insurance_recorded',
      ]);
      // Time passes and the programme's period shrinks: the draft can no longer be sent as it stands.
      await f.setDates(bare.id, f.future(-3), f.future(10));
      await sql`update programmes set ends_on = ${f.future(5)}::date where id = ${elsewhere}`.execute(f.db);
      const r = await f.act(referent, bare.id, 'send_for_signature');
      expect(r.statusCode).toBe(409);
      expect(r.json().error.code).toBe('placements.agreements.errors.guards_failed');
      expect(f.guardCodes(r.json())).toEqual([
        'agreement_complete',
        'duration_allowed',
        'host_in_programme',
        'insurance_recorded',
        'start_not_past',
        'within_programme',
      ]);
      expect(r.json().error.message).toContain('programme');
    });

    it('no_overlap for the home centre and for the host; start_not_past at validation', async () => {
      const p = await f.person('Karel');
      const first = await f.draft(referent, p);
      const second = await f.draft(referent, p);
      for (const id of [first.id, second.id]) {
        await f.step(referent, id, 'send_for_signature');
        await f.signAll(referent, hostC, id);
        await f.step(referent, id, 'submit_for_review');
        await f.step(admin, id, 'approve_home');
      }
      // A draft made before the first one is validated; once it is, the same dates are refused at once.
      const third = await f.draft(referent, p);
      await f.step(hostC, first.id, 'validate_host');
      const fourth = await referent.post('/api/placements', {
        personId: p,
        offerId: f.offers[PARKS],
        sharedFields: ['identity'],
      });
      expect(fourth.statusCode).toBe(400);
      expect(fourth.json().error.fields).toEqual([
        expect.objectContaining({ path: 'startsOn', code: 'placements.agreements.errors.overlap' }),
      ]);
      // The host cannot read the first agreement's person, yet the overlap is found (definer function).
      const r = await f.act(hostC, second.id, 'validate_host');
      expect(r.statusCode).toBe(409);
      expect(f.guardCodes(r.json())).toEqual(['no_overlap']);
      const cancelSecond = await f.act(referent, second.id, 'cancel', 'Doublon');
      expect(cancelSecond.statusCode).toBe(200);
      const home = await f.act(referent, third.id, 'send_for_signature');
      expect(f.guardCodes(home.json())).toEqual(['no_overlap']);

      // The first one runs; the host interrupts it (its one move on a running placement), with a reason.
      await referent.patch(`/api/placements/${first.id}`, {
        accidentInsuranceRef: 'AXA-AT-7',
        liabilityInsuranceRef: 'AXA-RC-8',
      });
      await f.shiftDates(first.id, -20);
      await f.step(referent, first.id, 'activate');
      expect((await f.act(hostC, first.id, 'interrupt')).statusCode).toBe(400);
      const stopped = await f.step(hostC, first.id, 'interrupt', 'Absences répétées');
      expect(stopped).toMatchObject({ status: 'interrupted', endedOn: f.today, personName: null });
      expect((await f.mails('placements.agreements.interrupted')).at(-1)?.to_address).toBe(
        'referent@cpas-mouscron.example',
      );
      // With the first one ended, the third may go.
      expect((await f.act(referent, third.id, 'send_for_signature')).statusCode).toBe(200);

      // A start already past when the host validates.
      const q = await f.person('Lise');
      const late = await f.draft(referent, q);
      await f.step(referent, late.id, 'send_for_signature');
      await f.signAll(referent, hostC, late.id);
      await f.step(referent, late.id, 'submit_for_review');
      await f.step(admin, late.id, 'approve_home');
      await f.shiftDates(late.id, -20);
      const past = await f.act(hostC, late.id, 'validate_host');
      expect(f.guardCodes(past.json())).toEqual(['start_not_past']);
      // The host refuses it instead, with a reason: back to draft, the home centre is told.
      const refused = await f.step(hostC, late.id, 'refuse_host', 'Date de début dépassée');
      // The reason is for the home side, which reworks the draft (issue 9, item 11); the host gave it.
      expect(refused).toMatchObject({ status: 'draft', statusReason: null });
      expect((await referent.get(`/api/placements/${late.id}`)).json()).toMatchObject({
        statusReason: 'Date de début dépassée',
      });
      expect((await f.mails('placements.agreements.refused')).at(-1)?.to_address).toBe(
        'referent@cpas-mouscron.example',
      );
      // Sent again, it is a new version: the earlier signatures stay, for version 1.
      await f.shiftDates(late.id, 30);
      const again = await f.step(referent, late.id, 'send_for_signature');
      expect(again).toMatchObject({ version: 2, signatures: [] });
      const kept = await sql<{ n: number }>`select count(*)::int as n from placement_signatures
        where placement_id = ${late.id} and version = 1 and signed_at is not null`.execute(f.db);
      expect(kept.rows[0]?.n).toBe(3);
    });

    it('not_started when cancelling an agreement that has started', async () => {
      const d = await f.draft(referent, await f.person('Mona'));
      await f.asOrg(f.home, (trx) =>
        sql`update placements set status = 'validated', activated_at = now() where id = ${d.id}`.execute(trx),
      );
      const r = await f.act(referent, d.id, 'cancel', 'Trop tard');
      expect(f.guardCodes(r.json())).toEqual(['not_started']);
    });
  });

  describe('checks at the right time (issue 9)', () => {
    const post = (body: Record<string, unknown>) => referent.post('/api/placements', body);
    const fields = (r: { json(): { error: { fields?: Array<{ path: string; code: string }> } } }) =>
      (r.json().error.fields ?? []).map((x) => [x.path, x.code.replace('placements.agreements.errors.', '')]);

    it('refuses impossible dates when the draft is made or changed, each on its field', async () => {
      const p = await f.person('Paula');
      const base = { personId: p, offerId: f.offers[PARKS], sharedFields: ['identity'] };
      const past = await post({ ...base, startsOn: f.future(-1), endsOn: f.future(90) });
      expect(past.statusCode).toBe(400);
      expect(fields(past)).toEqual([['startsOn', 'start_past']]);
      expect(past.json().error.fields[0].message).toContain('déjà passée');
      const short = await post({ ...base, startsOn: f.future(10), endsOn: f.future(30) });
      expect(fields(short)).toEqual([['endsOn', 'too_short']]);
      expect(short.json().error.fields[0].message).toContain('2 mois');
      // Nothing was created.
      const none = (await referent.get(`/api/placements?personId=${p}`)).json() as PlacementPage;
      expect(none.items).toEqual([]);

      const d = await f.draft(referent, p);
      const moved = await referent.patch(`/api/placements/${d.id}`, { startsOn: f.future(-2) });
      expect(moved.statusCode).toBe(400);
      expect(fields(moved)).toEqual([['startsOn', 'start_past']]);
      // A draft whose start has passed meanwhile says so before it is sent, and cannot be.
      await f.shiftDates(d.id, -20);
      const late = (await referent.get(`/api/placements/${d.id}`)).json() as PlacementView;
      expect(late.actions[0]).toMatchObject({ action: 'send_for_signature', blockedBy: ['start_not_past'] });
      expect(f.guardCodes((await f.act(referent, d.id, 'send_for_signature')).json())).toEqual([
        'start_not_past',
      ]);
    });

    it('attaches only a programme open on the placement’s dates, whose rule then governs', async () => {
      const offerId = f.offers[PARKS];
      const p = await f.person('Quirine');
      // The offer's programme, SAM-E (2010–2014), is not taken, and refused when named.
      const d = await f.draft(referent, p);
      expect(d).toMatchObject({ programmeId: null, durationRule: { minMonths: 2, maxMonths: 6 } });
      const ended = await post({
        personId: p,
        offerId,
        sharedFields: ['identity'],
        programmeId: f.programme('SAM-E'),
      });
      expect(ended.statusCode).toBe(400);
      expect(fields(ended)).toEqual([['programmeId', 'programme_period']]);
      const patched = await referent.patch(`/api/placements/${d.id}`, { programmeId: f.programme('SAM-E') });
      expect(fields(patched)).toEqual([['programmeId', 'programme_period']]);

      // An open programme of the host: the offer's default while it is open, and its 1–3 month rule applies.
      const open = await f.openProgramme('OPEN-T', [f.orgs['atelier-roubaix'] as string], {
        minMonths: 1,
        maxMonths: 3,
      });
      await sql`update placement_offers set programme_id = ${open} where id = ${offerId}`.execute(f.db);
      try {
        const q = await f.person('Rik');
        const withOpen = await f.draft(referent, q, { startsOn: f.future(20), endsOn: f.future(80) });
        expect(withOpen).toMatchObject({ programmeId: open, durationRule: { minMonths: 1, maxMonths: 3 } });
        const tooLong = await referent.patch(`/api/placements/${withOpen.id}`, { endsOn: f.future(140) });
        expect(fields(tooLong)).toEqual([['endsOn', 'too_long']]);
        expect(tooLong.json().error.fields[0].message).toContain('3 mois');
        // Beyond the programme's end: refused on the programme.
        await sql`update programmes set ends_on = ${f.future(60)}::date where id = ${open}`.execute(f.db);
        const beyond = await referent.patch(`/api/placements/${withOpen.id}`, { endsOn: f.future(70) });
        expect(fields(beyond)).toEqual([['programmeId', 'programme_period']]);
        // "No programme" said explicitly is kept, even when the offer's is open.
        await sql`update programmes set ends_on = ${f.future(700)}::date where id = ${open}`.execute(f.db);
        const s = await f.person('Sien');
        expect((await f.draft(referent, s, { programmeId: null })).programmeId).toBeNull();
      } finally {
        await sql`update placement_offers set programme_id = ${f.programme('SAM-E')} where id = ${offerId}`.execute(
          f.db,
        );
      }
    });
  });

  it('amending after signature raises the version and asks for new signatures', async () => {
    const d = await f.draft(referent, await f.person('Nora'));
    await f.step(referent, d.id, 'send_for_signature');
    await f.signAll(referent, hostC, d.id);
    await f.step(referent, d.id, 'submit_for_review');
    // Administrative fields change freely.
    const same = await referent.patch(`/api/placements/${d.id}`, { accidentInsuranceRef: 'ETH-AT-9' });
    expect(same.json()).toMatchObject({ status: 'home_review', version: 1 });
    // Writing the same terms again is no change.
    const unchanged = await referent.patch(`/api/placements/${d.id}`, { schedule: 'lun–ven 8h30–16h00' });
    expect(unchanged.json()).toMatchObject({ status: 'home_review', version: 1 });
    const amended = await referent.patch(`/api/placements/${d.id}`, { schedule: 'lun–jeu 8h30–16h00' });
    expect(amended.statusCode, amended.body).toBe(200);
    expect(amended.json()).toMatchObject({ status: 'awaiting_signatures', version: 2, signatures: [] });
    const blocked = await f.act(referent, d.id, 'submit_for_review');
    expect(f.guardCodes(blocked.json())).toEqual(['all_signed']);
    // An amendment is checked like a draft: a period too long is refused on its field and nothing changes.
    const tooLong = await referent.patch(`/api/placements/${d.id}`, { endsOn: f.future(400) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.fields).toEqual([
      expect.objectContaining({ path: 'endsOn', code: 'placements.agreements.errors.too_long' }),
    ]);
    expect(tooLong.json().error.fields[0].message).toContain('6 mois');
    const after = (await referent.get(`/api/placements/${d.id}`)).json() as PlacementView;
    expect(after).toMatchObject({ version: 2, schedule: 'lun–jeu 8h30–16h00' });
    // Bad terms are field errors, in the caller's language.
    const bad = await referent.patch(`/api/placements/${d.id}`, {
      endsOn: '2020-01-01',
      tutorUserId: f.home.userId,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((x: { path: string; code: string }) => [x.path, x.code])).toEqual([
      ['endsOn', 'placements.agreements.errors.end_before_start'],
      ['tutorUserId', 'placements.agreements.errors.tutor_not_host'],
    ]);
  });

  it('validates a draft without an offer and names what is missing', async () => {
    const p = await f.person('Olga');
    const r = await referent.post('/api/placements', { personId: p, sharedFields: ['identity'] });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields.map((x: { path: string }) => x.path)).toEqual([
      'hostOrgId',
      'siteName',
      'municipalityCode',
      'startsOn',
      'endsOn',
    ]);
    const self = await referent.post('/api/placements', {
      personId: p,
      hostOrgId: f.home.orgId,
      siteName: 'Ici',
      municipalityCode: 'BE-57096',
      startsOn: f.future(10),
      endsOn: f.future(5),
      sharedFields: ['identity'],
    });
    expect(self.json().error.fields.map((x: { path: string }) => x.path)).toEqual(['hostOrgId']);
    const dates = await referent.post('/api/placements', {
      personId: p,
      offerId: f.offers[PARKS],
      startsOn: f.future(10),
      endsOn: f.future(5),
      sharedFields: ['identity'],
    });
    expect(dates.json().error.fields).toEqual([
      expect.objectContaining({ path: 'endsOn', code: 'placements.agreements.errors.end_before_start' }),
    ]);
    expect((await referent.post('/api/placements', { personId: p, sharedFields: [] })).statusCode).toBe(400);
  });
});
