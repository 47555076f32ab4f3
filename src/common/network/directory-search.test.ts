import { describe, expect, it } from 'vitest';
import en from '../../i18n/network/services/en.json';
import fr from '../../i18n/network/services/fr.json';
import nl from '../../i18n/network/services/nl.json';
import {
  editDistance,
  MAX_SEARCH_WORDS,
  matchThemes,
  searchWords,
  THEME_VOCABULARY,
  wordMatch,
} from './directory-search';
import { SERVICE_THEMES } from './service-schemas';

const label = (catalogue: Record<string, string>, theme: string) =>
  catalogue[`network.services.enum.theme.${theme}`];
const themes = (q: string) => matchThemes(q).map((m) => m.theme);

describe('the theme vocabulary', () => {
  it("starts with each theme's French and Dutch label as the catalogues show it, then synonyms", () => {
    expect(Object.keys(THEME_VOCABULARY).sort()).toEqual([...SERVICE_THEMES].sort());
    for (const theme of SERVICE_THEMES) {
      const v = THEME_VOCABULARY[theme];
      expect(v.fr[0], theme).toBe(label(fr, theme));
      expect(v.nl[0], theme).toBe(label(nl, theme));
      expect(v.fr.length, theme).toBeGreaterThanOrEqual(5);
      expect(v.nl.length, theme).toBeGreaterThanOrEqual(5);
      // Every label finds its own theme first, in each language (English is not searched, but checked
      // not to break anything).
      expect(themes(label(fr, theme)!)[0], theme).toBe(theme);
      expect(themes(label(nl, theme)!)[0], theme).toBe(theme);
      expect(label(en, theme), theme).toBeTruthy();
    }
  });

  it('gives no term to two themes', () => {
    const owner = new Map<string, string>();
    for (const theme of SERVICE_THEMES)
      for (const term of [...THEME_VOCABULARY[theme].fr, ...THEME_VOCABULARY[theme].nl]) {
        const key = searchWords(term).join(' ');
        expect(owner.get(key) ?? theme, `${term} in ${owner.get(key)} and ${theme}`).toBe(theme);
        owner.set(key, theme);
      }
  });
});

describe('matching a search to themes', () => {
  // Real queries of social workers and residents, with the theme each must name first.
  const cases: Array<[string, string]> = [
    ['aide alimentaire', 'food_aid'],
    ['Aide Alimentaire', 'food_aid'],
    ['banque alimentaire', 'food_aid'],
    ['restos du coeur', 'food_aid'],
    ['logement', 'housing'],
    ['logement social', 'housing'],
    ['hébergement', 'housing'],
    ['santé mentale', 'mental_health'],
    ['psychologue', 'mental_health'],
    ['burn-out', 'mental_health'],
    ['surendettement', 'debt_budget'],
    ["demandeur d'asile", 'refugees_migrants'],
    ['chômage', 'employment'],
    ['cours de néerlandais', 'language_courses'],
    ['garde d’enfants', 'childcare_family'],
    ['aide à domicile', 'elderly_disability'],
    ['voedselhulp', 'food_aid'],
    ['voedsel hulp', 'food_aid'],
    ['noodvoedselhulp', 'food_aid'],
    ['wonen', 'housing'],
    ['huisvesting', 'housing'],
    ['sociale woning', 'housing'],
    ['geestelijke gezondheid', 'mental_health'],
    ['gezondheidszorg', 'health'],
    ['ziekenfonds', 'health'],
    ['schulden', 'debt_budget'],
    ['schuldhulpverlening', 'debt_budget'],
    ['vluchtelingen', 'refugees_migrants'],
    ['werkloosheid', 'employment'],
    ['Nederlands leren', 'language_courses'],
    ['kinderopvang', 'childcare_family'],
    ['vrijwilligerswerk', 'volunteering'],
    ['rusthuis', 'elderly_disability'],
  ];
  it.each(cases)('"%s" names %s first', (q, theme) => {
    expect(themes(q)[0]).toBe(theme);
  });

  it('tolerates the same typos in Dutch as in French', () => {
    const typos = ['logemnet', 'logment', 'huisvestnig', 'huisvestng', 'voedselhlup', 'alimantation'];
    for (const q of typos) expect(themes(q)[0], q).toBeDefined();
    expect(matchThemes('huisvestnig')).toEqual(matchThemes('logemnet'));
    expect(matchThemes('huisvestng')[0]).toEqual({ theme: 'housing', score: 0.8 });
    // An exact word ranks above a misspelt one.
    expect(matchThemes('huisvesting')[0]!.score).toBeGreaterThan(matchThemes('huisvestng')[0]!.score);
  });

  it('ranks the theme a whole query names above one it names in part', () => {
    expect(matchThemes('geestelijke gezondheid')).toEqual([
      { theme: 'mental_health', score: 1 },
      { theme: 'health', score: 0.5 },
    ]);
    expect(themes('santé mentale')).toEqual(['mental_health', 'health']);
    // A theme word in a longer sentence still counts, for the share of the sentence it is.
    expect(matchThemes('je cherche un logement pas cher à Courtrai')).toEqual([
      { theme: 'housing', score: 0.25 },
    ]);
  });

  it('names no theme for filler words, a generic word or gibberish', () => {
    for (const q of ['', 'de', 'de la', 'een', 'aide', 'sociale', 'zzzqqq', '!!!', 'x'.repeat(200)])
      expect(matchThemes(q), q).toEqual([]);
    // A short word must be exact: "huur" is housing, "haur" is nothing.
    expect(themes('huur')).toEqual(['housing']);
    expect(themes('haur')).toEqual([]);
    // Nor a word the search leaves out, while a hyphenated word still counts.
    expect(themes('-logement')).toEqual([]);
    expect(themes('sans-abri')).toEqual(['housing']);
  });

  it('reads at most the first eight words', () => {
    const filler = Array.from({ length: MAX_SEARCH_WORDS }, (_, i) => `mot${i}`).join(' ');
    expect(matchThemes(`${filler} logement`)).toEqual([]);
    expect(searchWords(`${filler} logement`)).toHaveLength(MAX_SEARCH_WORDS);
  });
});

describe('words and distances', () => {
  it('folds case, accents and ligatures, and splits on anything but letters and digits', () => {
    expect(searchWords("  Œuvre d'ÉPICERIE—sociale 2026 ")).toEqual([
      'oeuvre',
      'd',
      'epicerie',
      'sociale',
      '2026',
    ]);
  });

  it('counts edits, a swap of two neighbours as one, and stops beyond the allowance', () => {
    expect(editDistance('logement', 'logemnet', 2)).toBe(1);
    expect(editDistance('huisvesting', 'huisvestng', 2)).toBe(1);
    expect(editDistance('huisvesting', 'huisvestnig', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('abc', 'abcdef', 1)).toBe(2);
    expect(editDistance('', 'ab', 2)).toBe(2);
    expect(editDistance('same', 'same', 0)).toBe(0);
  });

  it('scores a word against a vocabulary word: same, started, compound head, typo, inside a compound', () => {
    expect(wordMatch('wonen', 'wonen')).toBe(1);
    expect(wordMatch('logem', 'logement')).toBe(0.9);
    expect(wordMatch('gezondheidszorg', 'gezondheid')).toBe(0.85);
    expect(wordMatch('logemnet', 'logement')).toBe(0.8);
    expect(wordMatch('noodvoedselhulp', 'voedselhulp')).toBe(0.75);
    expect(wordMatch('log', 'logement')).toBe(0);
    expect(wordMatch('aide', 'aidedomicile', true)).toBe(0);
  });
});
