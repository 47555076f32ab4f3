import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import type { DirectoryPage } from '../../../../common/network/service-schemas';
import { withContext } from '../../../platform/db/context';

const available = await engineAvailable();

/**
 * Real queries, in French and in Dutch, against the demo network, with the services each must find.
 * Services are named by their mail's local part (dettes, wonen, emploi, langues, taal, ecoute, refugies,
 * mobiliteit, epicerie, gezondheid; parents and activation are drafts).
 */
interface Expectation {
  q: string;
  /** The first results, in this order (a set when `anyOrder`). */
  first: string[];
  anyOrder?: boolean;
  /** Also found, further down. */
  also?: string[];
}

const FRENCH: Expectation[] = [
  { q: 'aide alimentaire', first: ['epicerie'] },
  { q: 'banque alimentaire', first: ['epicerie'] },
  { q: 'logement', first: ['wonen', 'refugies'] },
  { q: 'logemnet', first: ['wonen'] },
  { q: 'hébergement', first: ['wonen'] },
  { q: 'je cherche un logement à Courtrai', first: ['wonen'] },
  { q: 'santé mentale', first: ['ecoute'], also: ['gezondheid'] },
  { q: 'psychologue', first: ['ecoute'] },
  { q: 'dettes', first: ['dettes'] },
  { q: 'surendettement', first: ['dettes'] },
  { q: "demandeur d'asile", first: ['refugies'] },
  { q: 'covoiturage', first: ['mobiliteit'] },
  { q: 'mutuelle', first: ['gezondheid'] },
  { q: 'chômage', first: ['emploi'] },
  { q: 'cours de langue', first: ['langues', 'taal'], anyOrder: true },
];

const DUTCH: Expectation[] = [
  { q: 'voedselhulp', first: ['epicerie'] },
  { q: 'voedsel hulp', first: ['epicerie'] },
  { q: 'wonen', first: ['wonen'] },
  { q: 'huisvesting', first: ['wonen', 'refugies'] },
  { q: 'huisvestnig', first: ['wonen'] },
  { q: 'huisvestng', first: ['wonen'] },
  { q: 'geestelijke gezondheid', first: ['ecoute', 'gezondheid'] },
  { q: 'psycholoog', first: ['ecoute'] },
  { q: 'schulden', first: ['dettes'] },
  { q: 'schuldhulpverlening', first: ['dettes'] },
  { q: 'ziekenfonds', first: ['gezondheid'] },
  { q: 'vervoer', first: ['mobiliteit'] },
  { q: 'vluchtelingen', first: ['refugies'] },
  { q: 'werk', first: ['emploi'] },
  { q: 'taallessen', first: ['langues', 'taal'], anyOrder: true },
];

describe.skipIf(!available)('the directory search, on real queries', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const names: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await withContext(t.deps.db, { platformAdmin: true, scope: 'system' }, async (trx) => {
      for (const s of await trx.selectFrom('services').select(['id', 'email']).execute()) {
        const name = String(s.email).split('@')[0]!;
        ids[name] = s.id;
        names[s.id] = name;
      }
    });
  });
  afterAll(async () => t?.close());

  /** The services found, by name, for a visitor whose page is in the given language. */
  const found = async (q: string, language: 'fr' | 'nl' | 'en' = 'fr') => {
    const r = await t.app.inject({
      method: 'GET',
      url: `/api/directory/services?q=${encodeURIComponent(q)}`,
      headers: { 'x-samen-language': language },
    });
    expect(r.statusCode, r.body).toBe(200);
    const page = r.json() as DirectoryPage;
    expect(page.total, q).toBe(page.items.length);
    return page.items.map((i) => names[i.id] ?? i.id);
  };

  const check = async ({ q, first, anyOrder, also = [] }: Expectation) => {
    for (const language of ['fr', 'nl'] as const) {
      const got = await found(q, language);
      const head = got.slice(0, first.length);
      if (anyOrder) expect(head.sort(), `${q} (${language}): ${got}`).toEqual([...first].sort());
      else expect(head, `${q} (${language}): ${got}`).toEqual(first);
      for (const x of also) expect(got, `${q} (${language})`).toContain(x);
    }
  };

  it.each(FRENCH.map((e) => [e.q, e] as const))('French: "%s"', async (_q, e) => check(e));
  it.each(DUTCH.map((e) => [e.q, e] as const))('Dutch: "%s"', async (_q, e) => check(e));

  it('finds the same services whatever the page language', async () => {
    for (const q of [
      'voedselhulp',
      'aide alimentaire',
      'huisvesting',
      'logement',
      'geestelijke gezondheid',
    ]) {
      // Equal ranks are ordered by the title in the page's language: compare the sets.
      const fr = (await found(q, 'fr')).sort();
      expect(fr.length, q).toBeGreaterThan(0);
      expect((await found(q, 'nl')).sort(), q).toEqual(fr);
      expect((await found(q, 'en')).sort(), q).toEqual(fr);
    }
  });

  it('never lists a draft through its theme, and finds nothing for gibberish', async () => {
    expect(ids.parents).toBeDefined();
    // Childcare has only a draft in the demo network.
    expect(await found('kinderopvang')).toEqual([]);
    expect(await found('activation sociale')).not.toContain('activation');
    expect(await found('zzzqqq')).toEqual([]);
  });

  it('keeps the filters on theme matches', async () => {
    const r = await t.anonymous.get(`/api/directory/services?q=huisvesting&country=FR`);
    expect(r.statusCode).toBe(200);
    expect((r.json() as DirectoryPage).items.map((i) => i.id)).not.toContain(ids.wonen);
    const housingOnly = await t.anonymous.get(`/api/directory/services?q=logement&theme=refugees_migrants`);
    expect((housingOnly.json() as DirectoryPage).items.map((i) => i.id)).toEqual([ids.refugies]);
  });

  it('treats SQL-looking input as words and refuses control characters', async () => {
    expect(await found("logement' or 1=1 --")).toContain('wonen');
    expect(await found('voedselhulp); drop table services; --')).toEqual(['epicerie']);
    const bad = await t.anonymous.get(`/api/directory/services?q=${encodeURIComponent('wonen\u0000')}`);
    expect(bad.statusCode).toBe(400);
  });
});
