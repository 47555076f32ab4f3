import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { offerFacts, offerProblems, publishedProblems } from './offer-rules';
import type { OfferInput } from './offer-schemas';
import { matchOfferThemes, OFFER_THEME_VOCABULARY } from './offer-search';
import { offerWorkflow } from './offer-workflow';

const input = (over: Partial<OfferInput> = {}): OfferInput => ({
  unitId: '00000000-0000-4000-8000-000000000001',
  themes: ['housing'],
  titleFr: 'Prévenir les expulsions',
  languages: ['fr'],
  kinds: ['short'],
  capacityPerPeriod: 1,
  periods: [{ startsOn: '2027-04-05', endsOn: '2027-04-09' }],
  ...over,
});

describe('offer rules', () => {
  it('wants a title in one language at least', () => {
    expect(offerProblems(input({ titleFr: null, titleNl: ' ' }))).toEqual([
      { path: 'titleFr', code: 'immersions.offers.errors.title_required' },
    ]);
    expect(offerProblems(input({ titleFr: null, titleNl: 'Uithuiszettingen voorkomen' }))).toEqual([]);
  });

  it('checks each period: in order, at most 400 days, an existing one named once', () => {
    const id = '00000000-0000-4000-8000-000000000009';
    const problems = offerProblems(
      input({
        periods: [
          { startsOn: '2027-04-09', endsOn: '2027-04-05' },
          { startsOn: '2027-01-01', endsOn: '2028-02-06' },
          // 400 days exactly: the longest the table accepts.
          { startsOn: '2027-01-01', endsOn: '2028-02-05' },
          { id, startsOn: '2027-05-01', endsOn: '2027-05-01' },
          { id, startsOn: '2027-06-01', endsOn: '2027-06-02' },
        ],
      }),
    );
    expect(problems.map((p) => `${p.path} ${p.code.split('.').pop()}`)).toEqual([
      'periods.0.endsOn period_order',
      'periods.1.endsOn period_too_long',
      'periods.4 period_twice',
    ]);
  });

  it('publishes only an offer that gives a contact and a period', () => {
    expect(offerFacts({ contactEmail: null, contactPhone: ' ', periodCount: 0 })).toEqual({
      has_contact: false,
      has_period: false,
    });
    expect(publishedProblems(input({ periods: [] })).map((p) => p.path)).toEqual(['contactEmail', 'periods']);
    expect(publishedProblems(input({ contactPhone: '+32 470 00 01 23' }))).toEqual([]);
    const blocked = offerWorkflow.check('draft', 'publish', 'host', ['coordinator'], {
      has_contact: false,
      has_period: true,
    });
    expect(blocked).toEqual({ ok: false, code: 'guards_failed', failed: ['has_contact'] });
    expect(
      offerWorkflow.check('draft', 'publish', 'host', ['referent'], { has_contact: true, has_period: true })
        .ok,
    ).toBe(false);
    expect(offerWorkflow.check('archived', 'publish', 'host', ['coordinator']).ok).toBe(false);
  });
});

describe('the catalogue vocabulary', () => {
  it('names a theme from French or Dutch words, misspelt or not', () => {
    expect(matchOfferThemes('schuldbemiddeling')).toEqual(['debt_mediation']);
    expect(matchOfferThemes('surendetement')).toEqual(['debt_mediation']);
    expect(matchOfferThemes('Domiciliëring')).toEqual(['domiciliation']);
    expect(matchOfferThemes('migranten activeren')).toContain('migrant_activation');
    expect(matchOfferThemes('astrophysique')).toEqual([]);
    expect(matchOfferThemes('')).toEqual([]);
  });

  it('starts each theme with its catalogue label in French and in Dutch', () => {
    const dir = join(import.meta.dirname, '../../i18n/immersions/offers');
    const fr = JSON.parse(readFileSync(join(dir, 'fr.json'), 'utf8'));
    const nl = JSON.parse(readFileSync(join(dir, 'nl.json'), 'utf8'));
    for (const [theme, words] of Object.entries(OFFER_THEME_VOCABULARY)) {
      expect(words.fr[0], theme).toBe(fr[`immersions.offers.enum.theme.${theme}`]);
      expect(words.nl[0], theme).toBe(nl[`immersions.offers.enum.theme.${theme}`]);
    }
  });
});
