/**
 * The directory search's vocabulary and its pure matching rules. People search a theme by its name or
 * by a word of their own, in French or in Dutch whatever the page's language, often misspelt: the query
 * is matched here against each theme's labels and curated synonyms, and the store ranks the services of
 * the matched themes with its full-text hits, in the same one statement.
 */
import type { ServiceTheme } from './service-schemas';

/** At most this many words of a search are used (a longer query is cut, never refused). */
export const MAX_SEARCH_WORDS = 8;

/**
 * Each theme's French and Dutch label (first: the same text as `network.services.enum.theme.*`, a unit
 * test keeps them equal) then synonyms people actually type. Accents and case do not matter.
 */
export const THEME_VOCABULARY: Record<ServiceTheme, { fr: readonly string[]; nl: readonly string[] }> = {
  employment: {
    fr: [
      'Emploi',
      'travail',
      'job',
      "recherche d'emploi",
      "demandeur d'emploi",
      'chômage',
      'embauche',
      'CV',
      'candidature',
      'insertion professionnelle',
      'formation professionnelle',
    ],
    nl: [
      'Werk',
      'job',
      'werkgelegenheid',
      'werkzoekende',
      'werkloosheid',
      'sollicitatie',
      'solliciteren',
      'vacature',
      'tewerkstelling',
      'jobclub',
      'cv',
    ],
  },
  social_activation: {
    fr: [
      'Activation sociale',
      'insertion sociale',
      'lien social',
      'isolement',
      'participation sociale',
      'ateliers collectifs',
    ],
    nl: [
      'Sociale activering',
      'maatschappelijke activering',
      'maatschappelijke participatie',
      'sociale integratie',
      'vereenzaming',
      'groepsworkshops',
    ],
  },
  housing: {
    fr: [
      'Logement',
      'habitat',
      'loyer',
      'location',
      'logement social',
      'hébergement',
      'HLM',
      'garantie locative',
      'expulsion',
      'sans-abri',
      'relogement',
      'appartement',
    ],
    nl: [
      'Wonen',
      'huisvesting',
      'woning',
      'woonst',
      'huur',
      'huren',
      'sociale woning',
      'sociale huur',
      'huurwaarborg',
      'woonloket',
      'dakloos',
      'uithuiszetting',
      'appartement',
    ],
  },
  debt_budget: {
    fr: [
      'Dettes et budget',
      'dette',
      'dettes',
      'surendettement',
      'médiation de dettes',
      'budget',
      'factures impayées',
      'créanciers',
      'huissier',
      'règlement collectif de dettes',
    ],
    nl: [
      'Schulden en budget',
      'schuld',
      'schulden',
      'schuldbemiddeling',
      'schuldhulpverlening',
      'budgetbegeleiding',
      'budgetbeheer',
      'collectieve schuldenregeling',
      'onbetaalde facturen',
      'schuldeisers',
      'deurwaarder',
    ],
  },
  health: {
    fr: [
      'Santé',
      'soins',
      'soins de santé',
      'médecin',
      'mutuelle',
      'assurance maladie',
      'hôpital',
      'remboursement',
      'pharmacie',
    ],
    nl: [
      'Gezondheid',
      'gezondheidszorg',
      'zorg',
      'dokter',
      'huisarts',
      'ziekenfonds',
      'mutualiteit',
      'ziekteverzekering',
      'ziekenhuis',
      'terugbetaling',
      'apotheek',
    ],
  },
  mental_health: {
    fr: [
      'Santé mentale',
      'psychologue',
      'soutien psychologique',
      'écoute',
      'souffrance psychique',
      'psychiatrie',
      'dépression',
      'stress',
      'burn-out',
      'deuil',
    ],
    nl: [
      'Geestelijke gezondheid',
      'geestelijke gezondheidszorg',
      'GGZ',
      'psycholoog',
      'psychologische hulp',
      'luisterpunt',
      'psychiatrie',
      'depressie',
      'stress',
      'burn-out',
      'rouw',
    ],
  },
  refugees_migrants: {
    fr: [
      'Personnes réfugiées et migrantes',
      'réfugié',
      'réfugiés',
      'migrant',
      'migrants',
      "demandeur d'asile",
      'asile',
      'exilé',
      'titre de séjour',
      'sans-papiers',
      'primo-arrivant',
    ],
    nl: [
      'Vluchtelingen en migranten',
      'vluchteling',
      'vluchtelingen',
      'migrant',
      'migranten',
      'asielzoeker',
      'asiel',
      'verblijfsvergunning',
      'nieuwkomer',
      'nieuwkomers',
      'inburgering',
    ],
  },
  mobility: {
    fr: [
      'Mobilité',
      'transport',
      'transports en commun',
      'déplacement',
      'bus',
      'train',
      'vélo',
      'covoiturage',
      'permis de conduire',
    ],
    nl: [
      'Mobiliteit',
      'vervoer',
      'openbaar vervoer',
      'verplaatsing',
      'bus',
      'trein',
      'fiets',
      'carpoolen',
      'rijbewijs',
    ],
  },
  food_aid: {
    fr: [
      'Aide alimentaire',
      'alimentation',
      'colis alimentaire',
      'épicerie sociale',
      'banque alimentaire',
      'restos du cœur',
      'repas',
      'nourriture',
      'distribution alimentaire',
    ],
    nl: [
      'Voedselhulp',
      'voedselbank',
      'voedselpakket',
      'voedselpakketten',
      'sociale kruidenier',
      'sociale kruidenierszaak',
      'sociaal restaurant',
      'maaltijden',
      'voeding',
      'eten',
    ],
  },
  language_courses: {
    fr: [
      'Cours de langue',
      'cours de langues',
      'cours de néerlandais',
      'cours de français',
      'apprendre le néerlandais',
      'apprendre le français',
      'français langue étrangère',
      'FLE',
    ],
    nl: [
      'Taallessen',
      'taalles',
      'taalcursus',
      'taalcursussen',
      'Nederlands leren',
      'Frans leren',
      'Nederlandse les',
      'Franse les',
      'NT2',
    ],
  },
  childcare_family: {
    fr: [
      'Enfance et famille',
      'enfant',
      'enfants',
      'famille',
      'parents',
      'parentalité',
      "garde d'enfants",
      'crèche',
      'petite enfance',
      'allocations familiales',
    ],
    nl: [
      'Kind en gezin',
      'kind',
      'kinderen',
      'gezin',
      'ouders',
      'opvoeding',
      'kinderopvang',
      'crèche',
      'kinderbijslag',
      'groeipakket',
    ],
  },
  legal_rights: {
    fr: [
      'Droits et aide juridique',
      'droits',
      'aide juridique',
      'conseil juridique',
      'avocat',
      'accès aux droits',
      'pro deo',
      'justice',
      'litige',
    ],
    nl: [
      'Rechten en juridische hulp',
      'rechten',
      'juridische hulp',
      'juridisch advies',
      'advocaat',
      'pro deo',
      'rechtshulp',
      'justitiehuis',
      'geschil',
    ],
  },
  volunteering: {
    fr: ['Bénévolat', 'bénévole', 'bénévoles', 'volontariat', 'engagement citoyen'],
    nl: ['Vrijwilligerswerk', 'vrijwilliger', 'vrijwilligers', 'engagement', 'burgerinitiatief'],
  },
  elderly_disability: {
    fr: [
      'Personnes âgées et handicap',
      'personnes âgées',
      'senior',
      'seniors',
      'aînés',
      'troisième âge',
      'handicap',
      'personne handicapée',
      'maison de repos',
      'aide à domicile',
      'dépendance',
    ],
    nl: [
      'Ouderen en personen met een handicap',
      'ouderen',
      'senioren',
      'bejaarden',
      'handicap',
      'beperking',
      'woonzorgcentrum',
      'rusthuis',
      'thuiszorg',
      'mindervaliden',
    ],
  },
};

/** Words that say nothing about what is sought (French, Dutch and the few English ones people add). */
const STOP_WORDS = new Set(
  (
    'le la les l un une des du de d et ou a au aux en pour par sur avec dans chez je j me m mon ma mes ' +
    'ce cet cette ces qui que qu est pas ne n se s y ' +
    'het een van voor met in op aan te bij naar ik mijn u uw is om die dat er of tot ' +
    'the of for and to'
  ).split(' '),
);

/** The words of a search, folded like the search vectors' lexemes (letters and digits only). */
export function searchWords(q: string): string[] {
  return foldWords(q).slice(0, MAX_SEARCH_WORDS);
}

function foldWords(q: string): string[] {
  return q
    .toLowerCase()
    .replaceAll('œ', 'oe')
    .replaceAll('æ', 'ae')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Edits a word of this length may carry and still match (a short word must be exact). */
export function typoAllowance(length: number): number {
  return length < 5 ? 0 : length < 9 ? 1 : 2;
}

/**
 * Optimal string alignment distance (insertions, deletions, substitutions, adjacent transpositions), or
 * max + 1 as soon as it exceeds max: only a band of width 2·max + 1 is computed, so the cost stays linear.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const far = max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => (j <= max ? j : far));
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(far);
    row[0] = i <= max ? i : far;
    let best = row[0];
    for (let j = Math.max(1, i - max); j <= Math.min(b.length, i + max); j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prev2[j - 2]! + 1);
      row[j] = Math.min(d, far);
      best = Math.min(best, row[j]!);
    }
    if (best > max) return far;
    prev2 = prev;
    prev = row;
  }
  return Math.min(prev[b.length]!, far);
}

/** Longer words are compared only on their first characters: enough for a theme, and bounded work. */
const MAX_COMPARED = 40;

/**
 * How well a word of the query stands for a word of the vocabulary, from 1 (the same) to 0 (unrelated):
 * the same word; the start of it (still typing); the vocabulary word followed by an ending or the rest of
 * a Dutch compound ("gezondheidszorg" for "gezondheid"); a misspelling; the vocabulary word inside a compound
 * ("noodvoedselhulp").
 */
export function wordMatch(query: string, term: string, compound = false): number {
  if (query === term) return 1;
  const q = query.slice(0, MAX_COMPARED);
  // The start of a term's words run together is only its first word ("aide" is not "aide à domicile").
  if (q.length >= 4 && !compound && term.startsWith(q)) return 0.9;
  if (term.length >= 5 && q.startsWith(term)) return 0.85;
  const allowed = typoAllowance(Math.min(q.length, term.length));
  if (allowed > 0 && editDistance(q, term, allowed) <= allowed) return 0.8;
  if (term.length >= 6 && q.includes(term)) return 0.75;
  return 0;
}

interface Term {
  theme: ServiceTheme;
  words: string[];
  /** The words of a longer term run together. */
  compound: boolean;
}

const contentWords = (text: string) => foldWords(text).filter((w) => !STOP_WORDS.has(w));

/** Every term as its content words; a term of several words also as one word ("burn-out", "burnout"). */
const TERMS: Term[] = (Object.keys(THEME_VOCABULARY) as ServiceTheme[]).flatMap((theme) => {
  const seen = new Set<string>();
  const terms: Term[] = [];
  for (const text of [...THEME_VOCABULARY[theme].fr, ...THEME_VOCABULARY[theme].nl]) {
    const words = contentWords(text);
    for (const variant of words.length > 1 ? [words, [words.join('')]] : [words]) {
      const key = variant.join(' ');
      if (!variant.length || seen.has(key)) continue;
      seen.add(key);
      terms.push({ theme, words: variant, compound: variant !== words });
    }
  }
  return terms;
});

export interface ThemeMatch {
  theme: ServiceTheme;
  /** In ]0, 1]: the share of the query's words the theme accounts for, times how closely they match. */
  score: number;
}

/**
 * The themes a search names, best first. A theme matches when every word of one of its terms is found
 * among the query's words (two adjacent query words may stand for one compound: "voedsel hulp"); its score
 * is the share of the query's words that term accounts for, times how closely they match, so that
 * "geestelijke gezondheid" names mental health fully and health only in part.
 */
export function matchThemes(q: string): ThemeMatch[] {
  // A word the full-text search is told to leave out ("-logement") names no theme either.
  const words = foldWords(q.replace(/(^|\s)-\S*/gu, ' '))
    .filter((w) => !STOP_WORDS.has(w))
    .slice(0, MAX_SEARCH_WORDS);
  if (!words.length) return [];
  // What may stand for one vocabulary word: a query word, or two adjacent ones written apart.
  const candidates = [
    ...words.map((w, i) => ({ text: w, covers: [i] })),
    ...words.slice(1).map((w, i) => ({ text: words[i]! + w, covers: [i, i + 1] })),
  ];
  const best = new Map<ServiceTheme, number>();
  for (const term of TERMS) {
    const used = new Set<number>();
    let quality = 0;
    for (const tw of term.words) {
      let pick: { score: number; covers: number[] } | undefined;
      for (const c of candidates) {
        if (c.covers.some((i) => used.has(i))) continue;
        const s = wordMatch(c.text, tw, term.compound);
        if (s > (pick?.score ?? 0)) pick = { score: s, covers: c.covers };
      }
      if (!pick) {
        quality = 0;
        break;
      }
      for (const i of pick.covers) used.add(i);
      quality += pick.score;
    }
    if (!quality) continue;
    const score = (used.size / words.length) * (quality / term.words.length);
    if (score > (best.get(term.theme) ?? 0)) best.set(term.theme, score);
  }
  return [...best]
    .map(([theme, score]) => ({ theme, score: Math.round(score * 1000) / 1000 }))
    .sort((a, b) => b.score - a.score || a.theme.localeCompare(b.theme));
}
