import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { I18nProvider } from 'react-aria-components';
import { IntlProvider } from 'react-intl';
import { formattingLocale, isLanguage, type Language, negotiateLanguage } from '../../common/i18n/locales';
import { setApiLanguage } from './api';

// Every catalogue, merged per language (src/i18n/<module>/[<feature>/]<lang>.json).
const files = import.meta.glob<Record<string, string>>('../../i18n/**/*.json', {
  eager: true,
  import: 'default',
});
export const CATALOGS: Record<Language, Record<string, string>> = { fr: {}, nl: {}, en: {} };
for (const [path, messages] of Object.entries(files)) {
  const lang = path.match(/\/(fr|nl|en)\.json$/)?.[1];
  if (isLanguage(lang)) Object.assign(CATALOGS[lang], messages);
}

const STORAGE_KEY = 'samen.language';

interface LanguageState {
  language: Language;
  country: 'FR' | 'BE' | null;
  setLanguage: (l: Language) => void;
  setCountry: (c: 'FR' | 'BE' | null) => void;
}
const LanguageContext = createContext<LanguageState | null>(null);

export function initialLanguage(): Language {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  if (isLanguage(stored)) return stored;
  return negotiateLanguage(typeof navigator !== 'undefined' ? navigator.languages?.join(',') : null);
}

/** Provides the UI language (ICU messages via react-intl) and the formatting locale for react-aria. */
export function LanguageProvider({ children, initial }: { children: ReactNode; initial?: Language }) {
  const [language, setLang] = useState<Language>(initial ?? initialLanguage());
  const [country, setCountry] = useState<'FR' | 'BE' | null>(null);
  const setLanguage = useCallback((l: Language) => {
    setLang(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // Private browsing: the choice still holds for this visit.
    }
  }, []);
  setApiLanguage(language);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const locale = formattingLocale(language, country);
  const value = useMemo(
    () => ({ language, country, setLanguage, setCountry }),
    [language, country, setLanguage],
  );
  return (
    <LanguageContext.Provider value={value}>
      <IntlProvider locale={locale} messages={CATALOGS[language]} defaultLocale="fr" onError={onIntlError}>
        <I18nProvider locale={locale}>{children}</I18nProvider>
      </IntlProvider>
    </LanguageContext.Provider>
  );
}

function onIntlError(err: { code?: string; message: string }) {
  // A missing key is caught by the catalogue tests; in the browser it only logs once per key.
  if (import.meta.env.DEV || err.code !== 'MISSING_TRANSLATION') console.warn(err.message);
}

export function useLanguage(): LanguageState {
  const ctx = useContext(LanguageContext);
  if (!ctx) throw new Error('useLanguage outside LanguageProvider');
  return ctx;
}
