import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import type { AttentionItem } from '../../../../common/dashboard/attention';
import { fixedClock, systemClock } from '../../../../common/kernel/clock';
import { urlOf } from '../../../../common/kernel/endpoint';
import type { PersonPage } from '../../../../common/people/schemas';
import type { PlacementPage } from '../../../../common/placements/agreement-schemas';
import { addDays } from '../../../../common/placements/dates';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { placementsLink } from '../../../../common/placements/links';
import { agreementFixtures } from './fixtures.testing';

let t: TestApp;
let fx: ReturnType<typeof agreementFixtures>;
// One day for the whole file: the app's clock stays on it, whatever the time the run crosses midnight.
const today = systemClock.today();
const year = today.slice(0, 4);
const persons: Record<string, string> = {};
const agreements: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock(today) });
  fx = agreementFixtures(t);
  const home = await fx.member('referent@cpas-mouscron.example');
  const host = await fx.member('tuteur@atelier-roubaix.example');
  const lead = await fx.member('coordination@udccas-nord.example');
  // Mid-term evaluation due.
  const evaluation = await fx.createAgreement(home, host, {
    lastName: 'Alertea',
    startsOn: addDays(today, -60),
    endsOn: addDays(today, 40),
  });
  // Awaiting signatures (asked today: shown at once on the caseload).
  const signing = await fx.createAgreement(home, host, {
    lastName: 'Alerteb',
    status: 'awaiting_signatures',
    startsOn: addDays(today, 30),
    endsOn: addDays(today, 120),
  });
  await fx.addSignature(signing, 'person', 0);
  // The same, held by another member of the home centre (its administrator is the referent there).
  const admin = await fx.member('admin@cpas-mouscron.example');
  const others = await fx.createAgreement(admin, host, {
    lastName: 'Alerteh',
    status: 'awaiting_signatures',
    startsOn: addDays(today, 30),
    endsOn: addDays(today, 120),
  });
  await fx.addSignature(others, 'person', 0);
  // Ended 2 days ago without exit situation.
  const ended = await fx.createAgreement(home, host, {
    lastName: 'Alertec',
    status: 'completed',
    startsOn: addDays(today, -100),
    endsOn: addDays(today, -2),
    endedOn: addDays(today, -2),
  });
  // A RIS recipient with 8 nights abroad this year, before the midpoint: only the stays alert.
  const abroad = await fx.createAgreement(home, host, {
    lastName: 'Alerted',
    benefit: 'ris',
    startsOn: addDays(today, -20),
    endsOn: addDays(today, 70),
  });
  await fx.addStay(abroad, `${year}-01-02`, `${year}-01-09`);
  // The same stays for an RSA recipient (French benefit): no alert.
  const rsa = await fx.createAgreement(home, host, {
    lastName: 'Alertee',
    benefit: 'rsa',
    startsOn: addDays(today, -20),
    endsOn: addDays(today, 70),
  });
  await fx.addStay(rsa, `${year}-01-02`, `${year}-01-09`);
  // Review and validation queues: one agreement in the home centre's review, one at a host (the lead).
  await fx.createAgreement(home, host, {
    lastName: 'Alertef',
    status: 'home_review',
    startsOn: addDays(today, 30),
    endsOn: addDays(today, 120),
  });
  await fx.createAgreement(home, lead, {
    lastName: 'Alerteg',
    status: 'host_validation',
    startsOn: addDays(today, 30),
    endsOn: addDays(today, 120),
  });
  // A draft the host sent back to the referent, with its reason.
  const returned = await fx.createAgreement(home, host, {
    lastName: 'Alertei',
    status: 'draft',
    startsOn: addDays(today, 30),
    endsOn: addDays(today, 120),
  });
  await sql`update placements set status_reason = 'Date de début dépassée' where id = ${returned.id}::uuid`.execute(
    t.db.engine.db,
  );
  Object.assign(agreements, { signing: signing.id, others: others.id });
  Object.assign(persons, {
    evaluation: evaluation.personId,
    signing: signing.personId,
    ended: ended.personId,
    abroad: abroad.personId,
    rsa: rsa.personId,
  });
});
afterAll(async () => t?.close());

const dashboard = async (email: string) => {
  const r = await (await t.login(email)).get('/api/dashboard');
  expect(r.statusCode).toBe(200);
  return (r.json() as { items: AttentionItem[] }).items.filter((i) =>
    i.key.startsWith('placements.overview.'),
  );
};

describe('caseload alerts', () => {
  it('shows per person what is pending or due, computed for the page at once', async () => {
    const referent = await t.login('referent@cpas-mouscron.example');
    const r = await referent.get('/api/people?q=Alerte&pageSize=50');
    expect(r.statusCode).toBe(200);
    const page = r.json() as PersonPage;
    const alerts = Object.fromEntries(page.items.map((p) => [p.id, p.alerts]));
    expect(alerts[persons.evaluation!]).toEqual(['evaluation_due']);
    expect(alerts[persons.signing!]).toEqual(['signature_pending']);
    expect(alerts[persons.ended!]).toEqual(['outcome_due']);
    expect(alerts[persons.abroad!]).toEqual(['stays_abroad']);
    expect(alerts[persons.rsa!]).toEqual([]);
  });

  it('another organisation never sees these persons nor their alerts', async () => {
    const other = await t.login('trajectbegeleider@ocmw-kortrijk.example');
    const page = (await other.get('/api/people?q=Alerte')).json() as PersonPage;
    expect(page.items).toEqual([]);
  });
});

describe('dashboard attention', () => {
  it("a referent sees their agreements' pending signatures, evaluations and outcomes due", async () => {
    const items = await dashboard('referent@cpas-mouscron.example');
    const byKey = Object.fromEntries(items.map((i) => [i.key, i]));
    // Demo agreements of this referent may add to the counts; ours are the floor.
    expect(byKey['placements.overview.attention.signatures_pending']?.count).toBeGreaterThanOrEqual(1);
    expect(byKey['placements.overview.attention.evaluations_due']?.count).toBeGreaterThanOrEqual(1);
    expect(byKey['placements.overview.attention.outcomes_due']?.count).toBeGreaterThanOrEqual(1);
    expect(byKey['placements.overview.attention.signatures_pending']?.link).toBe(
      '/app/placements?side=home&status=awaiting_signatures&mine=1',
    );
    // A referent reviews and validates nothing.
    expect(byKey['placements.overview.attention.home_review']).toBeUndefined();
  });

  it('the home centre admin sees the review queue; the host coordinator the validation queue', async () => {
    const admin = await dashboard('admin@cpas-mouscron.example');
    expect(admin.find((i) => i.key === 'placements.overview.attention.home_review')).toMatchObject({
      link: '/app/placements?side=home&status=home_review',
    });
    expect(
      admin.find((i) => i.key === 'placements.overview.attention.home_review')?.count,
    ).toBeGreaterThanOrEqual(1);
    // Their own agreements: none (the referent holds them).
    expect(admin.find((i) => i.key === 'placements.overview.attention.evaluations_due')).toBeUndefined();
    const host = await dashboard('coordination@udccas-nord.example');
    expect(host.find((i) => i.key === 'placements.overview.attention.host_validation')).toMatchObject({
      count: 1,
      link: '/app/placements?side=host&status=host_validation',
    });
    expect(host.find((i) => i.key === 'placements.overview.attention.home_review')).toBeUndefined();
  });
});

// Issue 9, item 4: the host director's home page said nothing of a signature waiting for her; the
// referent's said nothing when the host refused.
describe('whose turn it is, on the home page', () => {
  it('the host’s signatories see the agreements awaiting their organisation’s signature', async () => {
    const director = await dashboard('direction@atelier-roubaix.example');
    const item = director.find((i) => i.key === 'placements.overview.attention.host_signature');
    expect(item).toMatchObject({ link: '/app/placements?side=host&status=awaiting_signatures' });
    expect(item?.count).toBeGreaterThanOrEqual(2);
    // The tutor does not sign for the host.
    const tutor = await dashboard('tuteur@atelier-roubaix.example');
    expect(tutor.find((i) => i.key === 'placements.overview.attention.host_signature')).toBeUndefined();
  });

  it('the referent sees the drafts sent back to them, and nobody else does', async () => {
    const referent = await dashboard('referent@cpas-mouscron.example');
    expect(referent.find((i) => i.key === 'placements.overview.attention.returned_drafts')).toMatchObject({
      count: 1,
      link: '/app/placements?side=home&status=draft&mine=1',
    });
    const admin = await dashboard('admin@cpas-mouscron.example');
    expect(admin.find((i) => i.key === 'placements.overview.attention.returned_drafts')).toBeUndefined();
  });
});

describe('the dashboard’s “my agreements” link', () => {
  it('opens the agreements list filtered to the reader’s own', async () => {
    const item = (await dashboard('referent@cpas-mouscron.example')).find(
      (i) => i.key === 'placements.overview.attention.signatures_pending',
    );
    const [path, search = ''] = (item?.link ?? '').split('?');
    expect(path).toBe(placementsLink.pattern);
    // The page reads its filters with the same link: "mine" is on.
    const filters = placementsLink.read(search);
    expect(filters).toEqual({ side: 'home', status: 'awaiting_signatures', mine: true });

    const referent = await t.login('referent@cpas-mouscron.example');
    const list = async (query: ReturnType<typeof placementsLink.read>) => {
      const r = await referent.get(
        urlOf(placementsEndpoints.placements, { query: { ...query, pageSize: 50 } }),
      );
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as PlacementPage;
    };
    const opened = await list(filters);
    const ids = opened.items.map((i) => i.id);
    expect(ids).toContain(agreements.signing);
    expect(ids).not.toContain(agreements.others);
    expect(new Set(opened.items.map((i) => i.referentName))).toEqual(new Set(['Sacha Référente']));
    // Without "mine", the colleague's agreement is there too.
    const { mine: _, ...everyone } = filters;
    expect((await list(everyone)).items.map((i) => i.id)).toContain(agreements.others);
  });
});
