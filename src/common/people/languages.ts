/**
 * Languages and dialects a person speaks or needs an interpreter in, as ISO 639-3 codes (AB Réfugiés,
 * issue 14): the languages of the cross-border area first, then those of the newcomers the partners meet
 * most (Tigrinya, Pashto, Dari, Somali, Arabic varieties, Ukrainian…). Arabic varieties are separate codes
 * because an interpreter of one is not always understood in another. Names are in the catalogues
 * (`people.language.<code>`); 'sgn' stands for a sign language.
 */
export const ISO639_3_LANGUAGES = [
  'fra',
  'nld',
  'eng',
  'deu',
  'ara',
  'arb',
  'apc',
  'acm',
  'arz',
  'apd',
  'ayl',
  'ary',
  'arq',
  'aeb',
  'tir',
  'tig',
  'amh',
  'orm',
  'som',
  'prs',
  'pus',
  'fas',
  'haz',
  'urd',
  'pan',
  'ben',
  'kmr',
  'ckb',
  'tur',
  'ukr',
  'rus',
  'kat',
  'hye',
  'che',
  'sqi',
  'ron',
  'rom',
  'bul',
  'pol',
  'spa',
  'por',
  'ita',
  'lin',
  'swa',
  'kin',
  'run',
  'ful',
  'wol',
  'bam',
  'sus',
  'mnk',
  'hau',
  'yor',
  'ibo',
  'tgk',
  'uzb',
  'mya',
  'vie',
  'cmn',
  'tam',
  'nep',
  'sgn',
] as const;
export type Iso639_3 = (typeof ISO639_3_LANGUAGES)[number];

export const isIso639_3 = (code: string): code is Iso639_3 =>
  (ISO639_3_LANGUAGES as readonly string[]).includes(code);

/** The catalogue id of a language's name. */
export const languageLabelId = (code: string) => `people.language.${code}`;
