/** Languages the product speaks. Free text keeps its own language; catalogue text can carry FR and NL. */
export const LANGUAGES = ['fr', 'nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(v: unknown): v is Language {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
}

/**
 * The Intl locale used for dates, numbers and currency: French in Belgium writes dates and
 * numbers like fr-BE, Dutch is always the Belgian variant here, English uses day-first dates.
 */
export function formattingLocale(language: Language, country: 'FR' | 'BE' | null | undefined): string {
  if (language === 'nl') return 'nl-BE';
  if (language === 'en') return 'en-GB';
  return country === 'BE' ? 'fr-BE' : 'fr-FR';
}

/** Default UI language for a member of an organisation in this region. */
export function defaultLanguageForRegion(region: string | null | undefined): Language {
  return region === 'BE-VLG' ? 'nl' : 'fr';
}

/** Picks the best supported language from an Accept-Language header. */
export function negotiateLanguage(header: string | undefined | null, fallback: Language = 'fr'): Language {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { lang: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  return (ranked.find((r) => isLanguage(r.lang))?.lang as Language | undefined) ?? fallback;
}

/** Picks the FR or NL version of catalogue text for a reader, falling back to the other one. */
export function localized(
  language: Language,
  fr: string | null | undefined,
  nl: string | null | undefined,
): string {
  const first = language === 'nl' ? nl : fr;
  return (first?.trim() ? first : language === 'nl' ? fr : nl) ?? '';
}
