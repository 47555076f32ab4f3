import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { formattingLocale, LANGUAGES, type Language } from '../../common/i18n/locales';

export const I18N_DIR = join(import.meta.dirname, '../../i18n');

export type Catalog = Record<string, string>;

/** Loads every namespace's catalogue (src/i18n/<namespace>/<lang>.json) into one flat map per language. */
export function loadCatalogs(dir = I18N_DIR): Record<Language, Catalog> {
  const out = { fr: {}, nl: {}, en: {} } as Record<Language, Catalog>;
  for (const ns of readdirSync(dir, { withFileTypes: true })) {
    if (!ns.isDirectory()) continue;
    for (const lang of LANGUAGES) {
      const file = join(dir, ns.name, `${lang}.json`);
      Object.assign(out[lang], JSON.parse(readFileSync(file, 'utf8')) as Catalog);
    }
  }
  return out;
}

let catalogs: Record<Language, Catalog> | null = null;
const cache = new Map<string, IntlMessageFormat>();

export type MessageParams = Record<string, string | number | Date | null | undefined>;

/** Formats a catalogue message for server-rendered output (errors, e-mails, PDFs). */
export function t(
  language: Language,
  key: string,
  params: MessageParams = {},
  country: 'FR' | 'BE' | null = null,
): string {
  catalogs ??= loadCatalogs();
  const message = catalogs[language][key] ?? catalogs.en[key];
  if (message === undefined) return key;
  const locale = formattingLocale(language, country);
  const cacheKey = `${locale}\u0000${key}`;
  let fmt = cache.get(cacheKey);
  if (!fmt) {
    fmt = new IntlMessageFormat(message, locale);
    cache.set(cacheKey, fmt);
  }
  return String(fmt.format(params as Record<string, string | number | Date>));
}

export function hasMessage(key: string): boolean {
  catalogs ??= loadCatalogs();
  return key in catalogs.en;
}
