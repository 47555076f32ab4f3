/**
 * The catalogue's theme vocabulary: each theme's French and Dutch words, so that a professional who types
 * "schuldbemiddeling" finds a French-only offer on debt mediation (the full-text search alone would not:
 * the offer has no Dutch text). Matching reuses the services directory's word rules (typos, compounds).
 */
import { searchWords, wordMatch } from '../network/directory-search';
import type { OfferTheme } from './offer-schemas';

export const OFFER_THEME_VOCABULARY: Record<OfferTheme, { fr: readonly string[]; nl: readonly string[] }> = {
  migrant_activation: {
    fr: [
      'Activation des personnes migrantes',
      'migrants',
      'migration',
      'primo-arrivants',
      'réfugiés',
      'exil',
    ],
    nl: ['Activering van migranten', 'migranten', 'migratie', 'nieuwkomers', 'vluchtelingen', 'inburgering'],
  },
  socio_professional_insertion: {
    fr: [
      'Insertion socioprofessionnelle',
      'insertion professionnelle',
      'emploi',
      'ISP',
      'article 60',
      'formation',
    ],
    nl: [
      'Socioprofessionele inschakeling',
      'tewerkstelling',
      'werk',
      'activering',
      'artikel 60',
      'opleiding',
    ],
  },
  social_activation: {
    fr: ['Activation sociale', 'insertion sociale', 'lien social', 'isolement', 'participation'],
    nl: ['Sociale activering', 'maatschappelijke activering', 'participatie', 'vereenzaming'],
  },
  debt_mediation: {
    fr: ['Médiation de dettes', 'dettes', 'surendettement', 'budget', 'gestion budgétaire'],
    nl: ['Schuldbemiddeling', 'schulden', 'schuldhulpverlening', 'budgetbeheer', 'budgetbegeleiding'],
  },
  youth: {
    fr: ['Jeunesse', 'jeunes', 'adolescents', 'NEET'],
    nl: ['Jeugd', 'jongeren', 'tieners', 'jeugdwerk'],
  },
  domiciliation: {
    fr: ['Domiciliation', 'adresse de référence', 'sans domicile', 'sans-abri'],
    nl: ['Domiciliëring', 'referentieadres', 'dakloosheid', 'daklozen'],
  },
  housing: {
    fr: ['Logement', 'hébergement', 'habitat', 'expulsion'],
    nl: ['Huisvesting', 'wonen', 'woning', 'uithuiszetting'],
  },
  interpreting: {
    fr: ['Interprétariat', 'interprète', 'traduction', 'médiation interculturelle'],
    nl: ['Tolken', 'tolk', 'vertaling', 'interculturele bemiddeling'],
  },
  volunteering: {
    fr: ['Bénévolat', 'bénévoles', 'volontariat'],
    nl: ['Vrijwilligerswerk', 'vrijwilligers'],
  },
  elderly: {
    fr: ['Personnes âgées', 'seniors', 'aînés', 'vieillissement'],
    nl: ['Ouderen', 'senioren', 'ouderenzorg'],
  },
  health: {
    fr: ['Santé', 'soins', 'santé mentale', 'accès aux soins'],
    nl: ['Gezondheid', 'zorg', 'geestelijke gezondheid', 'gezondheidszorg'],
  },
  reception: {
    fr: ['Accueil', 'premier accueil', 'permanence sociale', 'guichet'],
    nl: ['Onthaal', 'eerste opvang', 'sociale permanentie', 'loket'],
  },
};

const TERMS = (Object.keys(OFFER_THEME_VOCABULARY) as OfferTheme[]).flatMap((theme) =>
  [...OFFER_THEME_VOCABULARY[theme].fr, ...OFFER_THEME_VOCABULARY[theme].nl].map((text) => ({
    theme,
    words: searchWords(text),
  })),
);

/**
 * The themes a search names: a theme matches when every word of one of its terms is found among the
 * query's words (closely enough: a typo, an ending). Only theme codes reach SQL, as parameters.
 */
export function matchOfferThemes(q: string): OfferTheme[] {
  const words = searchWords(q);
  if (!words.length) return [];
  const found = new Set<OfferTheme>();
  for (const term of TERMS) {
    if (!term.words.length || found.has(term.theme)) continue;
    if (term.words.every((tw) => words.some((w) => wordMatch(w, tw) >= 0.8))) found.add(term.theme);
  }
  return [...found];
}
