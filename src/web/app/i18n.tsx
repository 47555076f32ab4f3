import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react';
import { I18nProvider } from 'react-aria-components';
import { IntlProvider } from 'react-intl';
import { formattingLocale, isLanguage, type Language, negotiateLanguage } from '../../common/i18n/locales';
import { setApiLanguage } from './api';
import {
  CATALOGS,
  catalogsVersion,
  hasCatalogs,
  loadCatalogs,
  loadForMissingKey,
  setCatalogLanguage,
  subscribeCatalogs,
} from './catalogs';

// The catalogues are loaded per language and module (see ./catalogs.ts); tests get them all up front.
export { CATALOGS };

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
  useSyncExternalStore(subscribeCatalogs, catalogsVersion, catalogsVersion);
  const setLanguage = useCallback((l: Language) => {
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // Private browsing: the choice still holds for this visit.
    }
    // The page stays in the old language until the new one's words for every page in use are there.
    loadCatalogs(l).then(
      () => setLang(l),
      () => setLang(l),
    );
  }, []);
  setApiLanguage(language);
  setCatalogLanguage(language);
  const ready = hasCatalogs(language, ['shell']);
  useEffect(() => {
    document.documentElement.lang = language;
    if (!hasCatalogs(language)) void loadCatalogs(language).catch(() => {});
  }, [language]);
  const locale = formattingLocale(language, country);
  const value = useMemo(
    () => ({ language, country, setLanguage, setCountry }),
    [language, country, setLanguage],
  );
  const onError = useCallback((err: IntlError) => onIntlError(err, language), [language]);
  // The shell's own words come first (a few kB); nothing is shown half-translated before them.
  if (!ready) return <div className="boot" aria-busy="true" />;
  return (
    <LanguageContext.Provider value={value}>
      <IntlProvider locale={locale} messages={CATALOGS[language]} defaultLocale="fr" onError={onError}>
        <I18nProvider locale={locale}>{children}</I18nProvider>
      </IntlProvider>
    </LanguageContext.Provider>
  );
}

interface IntlError {
  code?: string;
  message: string;
  descriptor?: { id?: unknown };
}

function onIntlError(err: IntlError, language: Language) {
  // A key of a group not loaded yet (a page naming another module's words): load it, render again.
  const id = err.descriptor?.id;
  if (err.code === 'MISSING_TRANSLATION' && typeof id === 'string' && loadForMissingKey(language, id)) return;
  // A missing key is caught by the catalogue tests; in the browser it only logs once per key.
  if (import.meta.env.DEV || err.code !== 'MISSING_TRANSLATION') console.warn(err.message);
}

export function useLanguage(): LanguageState {
  const ctx = useContext(LanguageContext);
  if (!ctx) throw new Error('useLanguage outside LanguageProvider');
  return ctx;
}
