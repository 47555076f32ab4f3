import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import type { CohortResult, OfferRanking } from '../../../../common/placements/offer-schemas';
import { withContext } from '../../../platform/db/context';

const available = await engineAvailable();

describe.skipIf(!available)('offer ranking and cohort suggestion', () => {
  let t: TestApp;
  const orgs: Record<string, string> = {};
  const offers: Record<string, string> = {};
  const persons: Record<string, string> = {};
  let code = 0;

  /** A fictional person of an organisation, with an optional pathway and mobility record. */
  async function addPerson(
    org: string,
    key: string,
    p: {
      municipality: string | null;
      languages: Record<string, string>;
      radius?: number;
      placement?: boolean;
    },
  ) {
    await withContext(t.deps.db, { orgId: orgs[org]! }, async (trx) => {
      code += 1;
      const participant = `TEST-0000-0000-${String(code).padStart(4, '0')}`;
      const person = await sql<{ id: string }>`
        insert into persons (org_id, first_name, last_name, birth_date, municipality_code, languages, participant_code)
        values (${orgs[org]}, ${key}, 'Essai', '1990-05-04', ${p.municipality}, ${JSON.stringify(p.languages)}::jsonb,
          ${participant}) returning id`.execute(trx);
      persons[key] = person.rows[0]!.id;
      if (p.radius === undefined && !p.placement) return;
      const pathway = await sql<{ id: string }>`
        insert into pathways (org_id, person_id, entry_on, modules)
        values (${orgs[org]}, ${persons[key]}, '2026-01-05', ${p.placement ? ['placement'] : []}::text[])
        returning id`.execute(trx);
      if (p.radius !== undefined)
        await sql`insert into pathway_mobility (org_id, pathway_id, recorded_on, radius_km, crossed_border)
          values (${orgs[org]}, ${pathway.rows[0]!.id}, '2026-02-01', ${p.radius}, false)`.execute(trx);
    });
  }

  beforeAll(async () => {
    t = await createTestApp();
    await withContext(t.deps.db, { platformAdmin: true, scope: 'system' }, async (trx) => {
      for (const o of await trx.selectFrom('organisations').select(['id', 'email']).execute())
        orgs[String(o.email).replace(/^contact@|\.example$/g, '')] = o.id;
      for (const o of await trx.selectFrom('placement_offers').select(['id', 'title_fr']).execute())
        offers[o.title_fr!] = o.id;
    });
    await addPerson('cpas-mouscron', 'Alix', {
      municipality: 'BE-57096',
      languages: { fr: 'C2' },
      radius: 15,
    });
    await addPerson('cpas-mouscron', 'Bo', { municipality: null, languages: { fr: 'C2' } });
    for (const key of ['Cam', 'Dee', 'Eli', 'Fio', 'Gus', 'Hal'])
      await addPerson('udccas-nord', key, {
        municipality: 'FR-59599',
        languages: { fr: 'C1' },
        radius: 20,
        placement: key !== 'Hal',
      });
    await addPerson('udccas-nord', 'Hal2', { municipality: 'FR-59599', languages: { fr: 'C1' } });
  });
  afterAll(async () => t?.close());

  describe('ranking for one person', () => {
    it('puts feasible offers across the border in Roubaix before Belgian ones, and says why', async () => {
      const referent = await t.login('referent@cpas-mouscron.example');
      const r = await referent.get(`/api/people/${persons.Alix}/offer-ranking`);
      expect(r.statusCode, r.body).toBe(200);
      const ranking = r.json() as OfferRanking;
      expect(ranking.person).toMatchObject({
        municipalityNameFr: 'Mouscron',
        mobilityRadiusKm: 15,
        mobilityRecorded: true,
        hasCrossedBorder: false,
        languages: { fr: 'C2' },
      });
      const items = ranking.items;
      expect(items.map((i) => i.rank)).toEqual(items.map((_, n) => n + 1));
      // Feasible first, then by score.
      const firstInfeasible = items.findIndex((i) => !i.feasible);
      expect(items.slice(firstInfeasible).every((i) => !i.feasible)).toBe(true);
      const roubaix = items.filter((i) => i.offer.municipalityCode === 'FR-59512');
      expect(roubaix).toHaveLength(3);
      expect(roubaix.every((i) => i.feasible && i.score === 100)).toBe(true);
      const belgian = items.filter((i) => i.offer.country === 'BE');
      const lastRoubaix = Math.max(...roubaix.map((i) => i.rank));
      expect(belgian.every((i) => i.rank > lastRoubaix)).toBe(true);
      const first = roubaix[0]!;
      expect(first).toMatchObject({
        crossesBorder: true,
        transitLine: 'Bus MWR Mouscron – Wattrelos – Roubaix',
      });
      expect(first.reasons.map((x) => x.code)).toEqual(
        expect.arrayContaining(['within_radius', 'direct_transit_line', 'crosses_border_goal', 'dates_fit']),
      );
      // Dutch B1 or A2 required, none spoken: the Kortrijk offers are out of reach, with the reason.
      const kortrijk = items.filter((i) => i.offer.municipalityCode === 'BE-34022');
      expect(kortrijk.length).toBe(3);
      for (const k of kortrijk) {
        expect(k.feasible).toBe(false);
        expect(k.reasons.find((x) => x.blocking)).toMatchObject({
          code: 'language_insufficient',
          params: { language: 'nl' },
        });
      }
      // The closed demo offer is not ranked.
      expect(items.some((i) => i.offer.status !== 'open')).toBe(false);

      const reads = await withContext(t.deps.db, { platformAdmin: true }, (trx) =>
        trx
          .selectFrom('audit.log')
          .select(['action', 'detail'])
          .where('entity', '=', 'persons')
          .where('entity_id', '=', persons.Alix!)
          .where('action', '=', 'read')
          .execute(),
      );
      expect(reads).toHaveLength(1);
      expect(reads[0]!.detail).toMatchObject({ what: 'offer_ranking', ids: [persons.Alix], count: 1 });
    });

    it('ranks Roubaix first for a demo person of Mouscron who already travels 10 km or more', async () => {
      const demo = await withContext(t.deps.db, { orgId: orgs['cpas-mouscron']! }, async (trx) =>
        sql<{ id: string }>`
          select p.id from persons p
          where p.municipality_code = 'BE-57096' and p.last_name <> 'Essai' and (
            select m.radius_km from pathway_mobility m join pathways w on w.id = m.pathway_id
            where w.person_id = p.id order by m.recorded_on desc, m.created_at desc limit 1) >= 10
          order by p.last_name limit 1`.execute(trx),
      );
      expect(demo.rows).toHaveLength(1);
      const referent = await t.login('referent@cpas-mouscron.example');
      const r = await referent.get(`/api/people/${demo.rows[0]!.id}/offer-ranking`);
      expect(r.statusCode, r.body).toBe(200);
      const items = (r.json() as OfferRanking).items;
      const roubaix = items.filter((i) => i.offer.municipalityCode === 'FR-59512');
      expect(roubaix.length).toBe(3);
      expect(roubaix.every((i) => i.feasible)).toBe(true);
      const lastRoubaix = Math.max(...roubaix.map((i) => i.rank));
      expect(items.filter((i) => i.offer.country === 'BE').every((i) => i.rank > lastRoubaix)).toBe(true);
      expect(roubaix[0]!.reasons.map((x) => x.code)).toContain('direct_transit_line');
    });

    it('uses the default radius without mobility and the availability asked', async () => {
      const referent = await t.login('referent@cpas-mouscron.example');
      const late = await referent.get(`/api/people/${persons.Alix}/offer-ranking?from=2099-01-01`);
      expect(late.statusCode, late.body).toBe(200);
      expect((late.json() as OfferRanking).items.every((i) => !i.feasible)).toBe(true);
      const bad = await referent.get(
        `/api/people/${persons.Alix}/offer-ranking?from=2030-05-01&to=2030-01-01`,
      );
      expect(bad.statusCode).toBe(400);
      const noHome = await referent.get(`/api/people/${persons.Bo}/offer-ranking`);
      expect(noHome.statusCode).toBe(400);
      expect(noHome.json().error.message).toContain('commune de résidence');
    });

    it('pages the ranking: page 2 continues page 1, totals over every open offer, filters', async () => {
      const referent = await t.login('referent@cpas-mouscron.example');
      const get = async (query: string) => {
        const r = await referent.get(`/api/people/${persons.Alix}/offer-ranking?${query}`);
        expect(r.statusCode, r.body).toBe(200);
        return r.json() as OfferRanking;
      };
      const all = await get('pageSize=50');
      expect(all.total).toBe(all.items.length);
      expect(all.feasibleCount).toBe(all.items.filter((i) => i.feasible).length);
      expect(all.feasibleCount).toBeGreaterThan(0);
      expect(all.total).toBeGreaterThan(all.feasibleCount);
      const p1 = await get('pageSize=3');
      const p2 = await get('pageSize=3&page=2');
      expect([p1.page, p1.pageSize, p2.page, p1.total, p2.feasibleCount]).toEqual([
        1,
        3,
        2,
        all.total,
        all.feasibleCount,
      ]);
      expect(p1.items.map((i) => i.rank)).toEqual([1, 2, 3]);
      expect(p2.items.map((i) => i.rank)).toEqual([4, 5, 6]);
      const ids = [...p1.items, ...p2.items].map((i) => i.offer.id);
      expect(new Set(ids).size).toBe(6);
      expect(ids).toEqual(all.items.slice(0, 6).map((i) => i.offer.id));
      // An offer's full reasons on its page, whether or not the dates blocked it (read per page).
      expect(p2.items).toEqual(all.items.slice(3, 6));
      expect((await get(`pageSize=3&page=${Math.ceil(all.total / 3) + 1}`)).items).toEqual([]);

      const feasible = await get('feasibleOnly=true&pageSize=50');
      expect(feasible.items.every((i) => i.feasible)).toBe(true);
      expect(feasible.total).toBe(all.feasibleCount);
      expect(feasible.items.map((i) => i.offer.id)).toEqual(
        all.items.filter((i) => i.feasible).map((i) => i.offer.id),
      );
      const across = await get('crossBorderOnly=true&pageSize=50');
      const acrossAll = all.items.filter((i) => i.crossesBorder);
      expect(across.items.map((i) => i.offer.id)).toEqual(acrossAll.map((i) => i.offer.id));
      expect(across.items.map((i) => i.rank)).toEqual(acrossAll.map((_, n) => n + 1));
      expect(across.feasibleCount).toBe(acrossAll.filter((i) => i.feasible).length);
      // Nothing feasible from 2099: the feasible-only list is empty, every offer still counted otherwise.
      const late = await get('from=2099-01-01&feasibleOnly=true');
      expect([late.total, late.feasibleCount, late.items.length]).toEqual([0, 0, 0]);
      const lateAll = await get('from=2099-01-01&pageSize=50');
      expect(lateAll.total).toBe(all.total);
      expect(lateAll.items[0]!.reasons.map((x) => x.code)).toContain('dates_incompatible');
      // Free positions are read for the page even where dates or distance blocked first: reasons complete.
      for (const i of [...all.items, ...lateAll.items])
        expect(i.reasons.some((x) => x.code === 'no_free_position')).toBe(i.offer.freePositions <= 0);
    });

    it('refuses a page size out of bounds with the translated error, and reads nothing', async () => {
      const referent = await t.login('referent@cpas-mouscron.example');
      const reads = () =>
        withContext(t.deps.db, { platformAdmin: true }, async (trx) =>
          Number(
            (
              await trx
                .selectFrom('audit.log')
                .select((eb) => eb.fn.countAll().as('n'))
                .where('entity', '=', 'persons')
                .where('entity_id', '=', persons.Alix!)
                .executeTakeFirstOrThrow()
            ).n,
          ),
        );
      const before = await reads();
      for (const bad of ['pageSize=51', 'pageSize=0', 'page=0', 'feasibleOnly=maybe']) {
        const r = await referent.get(`/api/people/${persons.Alix}/offer-ranking?${bad}`);
        expect(r.statusCode, bad).toBe(400);
        expect(r.json().error.code, bad).toBe('errors.validation');
      }
      const r = await referent.get(`/api/people/${persons.Alix}/offer-ranking?pageSize=51`);
      // In the referent's language, on the field concerned.
      expect(r.json().error.fields).toEqual([
        {
          path: 'pageSize',
          code: 'validation.maximum',
          params: { limit: 50 },
          message: 'La valeur doit être au plus 50.',
        },
      ]);
      expect(await reads()).toBe(before);
    });

    it('answers 404 to another organisation and 403 without the permissions', async () => {
      const kortrijk = await t.login('trajectbegeleider@ocmw-kortrijk.example');
      expect((await kortrijk.get(`/api/people/${persons.Alix}/offer-ranking`)).statusCode).toBe(404);
      const paged = await kortrijk.get(`/api/people/${persons.Alix}/offer-ranking?page=2&pageSize=5`);
      expect(paged.statusCode).toBe(404);
      expect((await kortrijk.get('/api/people/not-a-uuid/offer-ranking')).statusCode).toBe(400);
      const tutor = await t.login('tuteur@atelier-roubaix.example');
      expect((await tutor.get(`/api/people/${persons.Alix}/offer-ranking`)).statusCode).toBe(403);
      expect((await t.anonymous.get(`/api/people/${persons.Alix}/offer-ranking`)).statusCode).toBe(401);
    });
  });

  describe('cohort suggestion', () => {
    const validAssignment = (c: CohortResult) => {
      const seen = new Set<string>();
      const used = new Map<string, number>();
      for (const a of c.assignments) {
        expect(seen.has(a.personId)).toBe(false);
        seen.add(a.personId);
        expect(c.options[a.personId]!.map((o) => o.offerId)).toContain(a.offerId);
        used.set(a.offerId, (used.get(a.offerId) ?? 0) + 1);
      }
      for (const [offerId, n] of used)
        expect(n).toBeLessThanOrEqual(c.offers.find((o) => o.id === offerId)!.freePositions);
      expect(c.assignments.length + c.unassigned.length).toBe(c.persons.length);
    };

    it('assigns the persons on a placement pathway, honouring positions', async () => {
      const coordinator = await t.login('coordination@udccas-nord.example');
      const all = await coordinator.post('/api/offers/cohort-suggestion', {});
      expect(all.statusCode, all.body).toBe(200);
      const c = all.json() as CohortResult;
      // Hal is not on a placement pathway and Hal2 has none: only the five others.
      expect(c.persons.map((p) => p.firstName).sort()).toEqual(['Cam', 'Dee', 'Eli', 'Fio', 'Gus']);
      expect(c.assignments).toHaveLength(5);
      validAssignment(c);
      // The five persons shown are one audited read, not five.
      const cohortReads = await sql<{ detail: { ids: string[] } }>`select detail from audit.log
        where action = 'read' and entity = 'persons' and detail ->> 'what' = 'cohort_suggestion'`.execute(
        t.db.engine.db,
      );
      expect(cohortReads.rows).toHaveLength(1);
      expect([...cohortReads.rows[0]!.detail.ids].sort()).toEqual(c.persons.map((p) => p.id).sort());

      // Two offers of two positions each for six persons: four placed, two left with the reason.
      const recyclerie = offers['Recyclerie : tri et remise en état d’objets']!;
      const couture = offers['Atelier couture et retouches']!;
      const six = ['Cam', 'Dee', 'Eli', 'Fio', 'Gus', 'Hal'].map((k) => persons[k]!);
      const tight = await coordinator.post('/api/offers/cohort-suggestion', {
        personIds: six,
        offerIds: [recyclerie, couture],
      });
      expect(tight.statusCode, tight.body).toBe(200);
      const s = tight.json() as CohortResult;
      expect(s.assignments).toHaveLength(4);
      validAssignment(s);
      expect(s.unassigned).toHaveLength(2);
      expect(s.unassigned.every((u) => u.reason === 'positions_taken')).toBe(true);
    });

    it('is for coordinators, about their own persons only', async () => {
      const referent = await t.login('referent@cpas-mouscron.example');
      expect((await referent.post('/api/offers/cohort-suggestion', {})).statusCode).toBe(403);
      const coordinator = await t.login('coordination@udccas-nord.example');
      const foreign = await coordinator.post('/api/offers/cohort-suggestion', { personIds: [persons.Alix] });
      expect(foreign.statusCode).toBe(400);
      expect(foreign.json().error.fields[0].code).toBe('placements.offers.cohort.unknown_person');
    });
  });
});
