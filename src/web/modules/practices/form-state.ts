import {
  PRACTICE_TEXTS,
  type PracticeDetail,
  type PracticeInput,
  type PracticeLanguage,
  type PracticeText,
  type PracticeTheme,
  type PracticeVersion,
} from '../../../common/practices/schemas';

/**
 * The sheet form's state (every text a string, '' when empty) and its translation to the API's input: a
 * version left entirely empty is "no version" (null), an empty optional text is null, tags are typed
 * separated by commas.
 */
export type VersionState = Record<PracticeText, string>;

export interface PracticeFormState {
  originalLanguage: PracticeLanguage;
  fr: VersionState;
  nl: VersionState;
  themes: PracticeTheme[];
  tags: string;
  partnerOrgIds: string[];
  programmeId: string;
  contactEmail: string;
  contactPublic: boolean;
}

const emptyVersion = (): VersionState =>
  Object.fromEntries(PRACTICE_TEXTS.map((t) => [t, ''])) as VersionState;

export function initialState(language: PracticeLanguage): PracticeFormState {
  return {
    originalLanguage: language,
    fr: emptyVersion(),
    nl: emptyVersion(),
    themes: [],
    tags: '',
    partnerOrgIds: [],
    programmeId: '',
    contactEmail: '',
    contactPublic: false,
  };
}

export function stateOf(sheet: PracticeDetail): PracticeFormState {
  const version = (v: PracticeDetail['fr']): VersionState =>
    v ? (Object.fromEntries(PRACTICE_TEXTS.map((t) => [t, v[t] ?? ''])) as VersionState) : emptyVersion();
  return {
    originalLanguage: sheet.originalLanguage,
    fr: version(sheet.fr),
    nl: version(sheet.nl),
    themes: sheet.themes as PracticeTheme[],
    tags: sheet.tags.join(', '),
    partnerOrgIds: sheet.partners.map((p) => p.id),
    programmeId: sheet.programme?.id ?? '',
    contactEmail: sheet.contactEmail ?? '',
    contactPublic: sheet.contactPublic,
  };
}

function versionOf(v: VersionState): PracticeVersion | null {
  const trimmed = Object.fromEntries(PRACTICE_TEXTS.map((t) => [t, v[t].trim()])) as VersionState;
  if (PRACTICE_TEXTS.every((t) => trimmed[t] === '')) return null;
  const optional = (t: PracticeText) => (trimmed[t] === '' ? null : trimmed[t]);
  return {
    title: trimmed.title,
    context: optional('context'),
    description: trimmed.description,
    objectives: optional('objectives'),
    targetPublic: optional('targetPublic'),
    partners: optional('partners'),
    resources: optional('resources'),
    results: optional('results'),
    difficulties: optional('difficulties'),
    contact: optional('contact'),
  };
}

export function inputOf(s: PracticeFormState): PracticeInput {
  return {
    originalLanguage: s.originalLanguage,
    fr: versionOf(s.fr),
    nl: versionOf(s.nl),
    themes: s.themes,
    tags: [
      ...new Set(
        s.tags
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ],
    partnerOrgIds: s.partnerOrgIds,
    programmeId: s.programmeId || null,
    contactEmail: s.contactEmail.trim() || null,
    contactPublic: s.contactPublic,
  };
}
