import { type ReactNode, use, useSyncExternalStore } from 'react';
import { I18nProvider } from 'react-aria-components';
import { IntlProvider, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { formattingLocale, type Language } from '../../../common/i18n/locales';
import { ApiError } from '../api';
import { catalogsVersion, hasCatalogs, loadCatalogs, subscribeCatalogs } from '../catalogs';
import { CATALOGS, useLanguage } from '../i18n';

/**
 * The token of a public signing link: kept in the URL fragment, which browsers never send to a server or
 * in a Referer; it then travels only in POST bodies.
 */
export const linkToken = () => new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';

/** A public page in its reader's language (a signer's party's, a board's chosen one), whatever the shell's. */
export function PageLanguage({ language, children }: { language: Language; children: ReactNode }) {
  const locale = formattingLocale(language, null);
  // The page's language may not be the shell's: its words for the pages in use load first (the page's
  // loading state shows meanwhile).
  useSyncExternalStore(subscribeCatalogs, catalogsVersion, catalogsVersion);
  if (!hasCatalogs(language)) use(loadCatalogs(language));
  return (
    <IntlProvider locale={locale} messages={CATALOGS[language]} defaultLocale="fr">
      <I18nProvider locale={locale}>
        <div lang={language}>{children}</div>
      </I18nProvider>
    </IntlProvider>
  );
}

/** The languages a public page is offered in. */
export const PUBLIC_LANGUAGES = ['fr', 'nl'] as const;
export type PublicLanguage = (typeof PUBLIC_LANGUAGES)[number];

/** A public page's language: the address's (?lang=), else the visitor's when Dutch, else French. */
export function usePublicLanguage(asked: string | undefined): PublicLanguage {
  const { language } = useLanguage();
  return asked === 'fr' || asked === 'nl' ? asked : language === 'nl' ? 'nl' : 'fr';
}

const OWN_NAME: Record<Language, string> = { fr: 'Français', nl: 'Nederlands', en: 'English' };

/**
 * The switch between a public page's French and Dutch (and English where a page offers it, such as a
 * registrant's feedback form), each named in its own language.
 */
export function LanguageSwitch<L extends Language = PublicLanguage>({
  current,
  href,
  label,
  className = 'row',
  languages = PUBLIC_LANGUAGES as unknown as readonly L[],
}: {
  current: L;
  href: (language: L) => string;
  label: string;
  className?: string;
  languages?: readonly L[];
}) {
  return (
    <nav aria-label={label} className={className}>
      {languages.map((l) => (
        <Link key={l} to={href(l)} aria-current={l === current ? 'page' : undefined} lang={l}>
          {OWN_NAME[l]}
        </Link>
      ))}
    </nav>
  );
}

/**
 * The server words its errors in the shell's language; a public page may be in another (the visitor's
 * choice): inside PageLanguage, an error the catalogues know is shown in the page's language, others as the
 * server sent them.
 */
export function usePageError() {
  const intl = useIntl();
  return (error: unknown) =>
    error instanceof ApiError && intl.messages[error.code]
      ? new ApiError(error.status, error.code, intl.formatMessage({ id: error.code }), error.fields)
      : error;
}
